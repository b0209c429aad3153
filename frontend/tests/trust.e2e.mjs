// End-to-end check of imported-profile review, backups and the browser
// path confirmation against a running LTTH listener (throwaway data dir):
// imports backend/store/testdata/malicious/program.db, checks the review
// panel says what accepting means, accepts/rejects, opens the backups
// dialog, and checks the Connection page shows the browser path as pending.
// Screenshots at 1024, 1280, 1366 and 1920 px wide.
//
//   LTTH_URL=http://127.0.0.1:3000 LTTH_TOKEN=… LTTH_SHOT_DIR=/tmp node tests/trust.e2e.mjs

import { chromium } from 'playwright-core'
import { check } from './harness.mjs'
import { fileURLToPath } from 'node:url'

const base = (process.env.LTTH_URL ?? '').replace(/\/+$/, '')
const token = process.env.LTTH_TOKEN ?? ''
const shots = process.env.LTTH_SHOT_DIR ?? '.'
const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium'
const corpus = (/** @type {string} */ f) => fileURLToPath(new URL(`../../backend/store/testdata/malicious/${f}`, import.meta.url))

if (!base || !token) {
  console.error('set LTTH_URL and LTTH_TOKEN')
  process.exit(2)
}

const browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu'] })
const page = await browser.newPage({ viewport: { width: 1024, height: 800 } })
page.setDefaultTimeout(15000)
/** @type {string[]} */
const pageErrors = []
page.on('pageerror', (err) => pageErrors.push(String(err)))

/** @param {string} name */
async function shoot(name) {
  for (const width of [1024, 1280, 1366, 1920]) {
    await page.setViewportSize({ width, height: 800 })
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
    check(overflow <= 0, `${name} at ${width}px: no horizontal overflow (${overflow})`)
    await page.screenshot({ path: `${shots}/trust-${name}-${width}.png` })
  }
  await page.setViewportSize({ width: 1024, height: 800 })
}

const name = `shared-e2e-${Date.now() % 100000}`
let failed = false
try {
  await page.goto(`${base}/dashboard/#token=${encodeURIComponent(token)}`, { waitUntil: 'domcontentloaded' })
  await page.getByTestId('nav-profiles').click()
  await page.getByTestId('profile-list').waitFor()
  check(!(await page.getByTestId('profile-export-secrets').isChecked()), 'exports leave secrets out by default')

  await page.getByTestId('profile-import-file').setInputFiles(corpus('program.db'))
  await page.getByTestId('profile-name-input').fill(name)
  await page.getByTestId('profile-name-submit').click()
  const panel = page.getByTestId('profile-review')
  await panel.waitFor()
  const items = page.getByTestId('profile-review-item')
  check((await items.count()) === 2, 'review lists the browser path and the sign server')
  const text = (await panel.innerText()).replace(/\s+/g, ' ')
  check(text.includes('This profile wants to run /tmp/ltth-evil/chromium as your browser'), 'the warning names the program')
  check(!text.includes('stolen'), 'the sign server URL is shown masked')
  await shoot('review')

  await page.locator('[data-testid="profile-review-item"][data-key="tiktok.signServerUrl"]').getByTestId('profile-review-reject').click()
  await page.locator('[data-testid="profile-review-item"]').nth(1).waitFor({ state: 'detached' })
  await page.getByTestId('profile-review-accept').click()
  await page.getByTestId('profile-review-empty').waitFor()
  check(true, 'reject and accept empty the review')

  await page.locator(`[data-testid="profile-row"][data-name="${name}"]`).getByTestId('profile-backups').click()
  await page.getByTestId('profile-backups-dialog').waitFor()
  await page.getByTestId('profile-backup').first().waitFor()
  check((await page.getByTestId('profile-backup').count()) >= 1, 'the opened profile has a daily backup')
  await shoot('backups')
  await page.keyboard.press('Escape')

  // switch to it: the accepted browser path is pending, never run
  await page.locator(`[data-testid="profile-row"][data-name="${name}"]`).getByTestId('profile-activate').click()
  await page.locator(`[data-testid="profile-row"][data-name="${name}"][data-active="true"]`).waitFor()
  await page.getByTestId('nav-connection').click()
  const state = page.getByTestId('browser-path-state')
  await state.waitFor()
  check((await state.getAttribute('data-state')) === 'pending', 'the browser path is pending on the Connection page')
  check(await page.getByTestId('browser-path-confirm').isVisible(), 'a Confirm button is offered')
  await shoot('connection')

  // a webhook flow: shown with its target and header names, never values;
  // left for later, it is shown again once the profile is active
  const name2 = `${name}-hooks`
  await page.getByTestId('nav-profiles').click()
  await page.getByTestId('profile-import-file').setInputFiles(corpus('secrets.db'))
  await page.getByTestId('profile-name-input').fill(name2)
  await page.getByTestId('profile-name-submit').click()
  const flowItem = page.locator('[data-testid="profile-review-item"][data-kind="flow"]')
  await flowItem.waitFor()
  const flowText = (await flowItem.innerText()).replace(/\s+/g, ' ')
  check(flowText.includes('sends web requests to https://evil.example/c?k=•••') && flowText.includes('Authorization'), `flow review: ${flowText}`)
  check(!(await page.content()).includes('header-secret'), 'the header value is never in the page')
  await page.getByTestId('profile-review-close').click()
  await page.locator(`[data-testid="profile-row"][data-name="${name2}"]`).getByTestId('profile-activate').click()
  await page.locator(`[data-testid="profile-row"][data-name="${name2}"][data-active="true"]`).waitFor()
  await page.getByTestId('nav-connection').click()
  await page.getByTestId('nav-profiles').click()
  await flowItem.waitFor()
  check(true, 'pending review shows again for the active profile')
  check(pageErrors.length === 0, `no page errors${pageErrors.length ? `: ${pageErrors.join(' | ')}` : ''}`)
} catch (err) {
  failed = true
  console.error(`not ok - ${err instanceof Error ? err.message : String(err)}`)
  await page.screenshot({ path: `${shots}/trust-failure.png` }).catch(() => {})
} finally {
  await browser.close()
}
process.exit(failed ? 1 : 0)
