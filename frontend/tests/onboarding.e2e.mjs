// First run: a browser that never opened the dashboard lands on the
// "Get started" guide and follows it — handle saved, a simulated gift sent,
// the OBS step done, a test alert sent — until the alert shows in the
// overlay preview (the real /overlay.html). Hiding the guide keeps it in the
// sidebar and the next visit opens the normal dashboard.
//
//   LTTH_URL=… LTTH_TOKEN=… [LTTH_DASHBOARD=…] [LTTH_SHOT_DIR=…] node tests/onboarding.e2e.mjs

import { check, launchChromium } from './harness.mjs'
import { join } from 'node:path'

const base = (process.env.LTTH_URL ?? '').replace(/\/+$/, '')
const token = process.env.LTTH_TOKEN ?? ''
const dashboard = process.env.LTTH_DASHBOARD ?? `${base}/dashboard/`
const shotDir = process.env.LTTH_SHOT_DIR ?? ''
const timeout = Number(process.env.LTTH_E2E_TIMEOUT ?? 15000)
if (!base || !token) {
  console.error('set LTTH_URL and LTTH_TOKEN')
  process.exit(2)
}

const browser = await launchChromium()
let failed = false
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  const page = await context.newPage()
  page.setDefaultTimeout(timeout)
  await page.goto(`${dashboard}#token=${encodeURIComponent(token)}`, { waitUntil: 'domcontentloaded' })
  await page.getByTestId('start-guide').waitFor()
  check(true, 'the first visit opens the Get started guide')
  check(!page.url().includes('token='), 'the token left the address bar')

  /** @param {string} step */
  const stepDone = (step) => page.locator(`[data-testid="guide-step-${step}"][data-done="true"]`).waitFor()

  // step 1 starts with the language: German at once and saved, then back
  const appLanguage = async () =>
    (await fetch(`${base}/api/settings/app`, { headers: { Authorization: `Bearer ${token}` } }).then((r) => r.json())).settings.language
  /** the saved language once it is `want` (the save follows the switch), or what it is after 10 s */
  const savedLanguage = async (/** @type {string} */ want) => {
    let got = ''
    for (let i = 0; i < 100 && (got = await appLanguage()) !== want; i++) await new Promise((r) => setTimeout(r, 100))
    return got
  }
  const guideTitle = page.locator('[data-testid="start-guide"] h1')
  const englishTitle = await guideTitle.textContent()
  await page.getByTestId('guide-language-de').click()
  await page.waitForFunction((t) => document.querySelector('[data-testid="start-guide"] h1')?.textContent !== t, englishTitle)
  check((await savedLanguage('de')) === 'de', `the guide switches to German and saves it (title "${await guideTitle.textContent()}")`)
  await page.getByTestId('guide-language-en').click()
  await page.waitForFunction((t) => document.querySelector('[data-testid="start-guide"] h1')?.textContent === t, englishTitle)
  check((await savedLanguage('en')) === 'en', 'and back to English, saved')
  const app = await fetch(`${base}/api/settings/app`, { headers: { Authorization: `Bearer ${token}` } }).then((r) => r.json())
  await fetch(`${base}/api/settings/app`, { method: 'PUT', headers: { Authorization: `Bearer ${token}` }, body: JSON.stringify({ ...app.settings, language: '' }) })

  await page.getByTestId('guide-handle').fill('@first_run_streamer')
  await page.getByTestId('guide-save-handle').click()
  await stepDone('handle')
  const saved = await fetch(`${base}/api/connection/settings`, { headers: { Authorization: `Bearer ${token}` } }).then((r) => r.json())
  check(saved.target === '@first_run_streamer', `step 1: the handle is saved (${saved.target})`)

  await page.getByTestId('guide-test-gift').click()
  await stepDone('gift')
  check(true, 'step 2: a simulated gift was sent')

  const url = await page.getByTestId('guide-overlay-url').innerText()
  check(/^http:\/\/127\.0\.0\.1:\d+\/overlay\.html$/.test(url.trim()), `step 3: the overlay URL is shown with its port (${url})`)
  await page.getByTestId('guide-obs-done').click()
  await stepDone('obs')

  const frame = page.frameLocator('[data-testid="guide-preview"]')
  await frame.locator('#ltth-stage').waitFor({ state: 'attached' })
  // the overlay script is running (subscribed) before the alert is sent
  for (let i = 0; !(await frame.locator('#ltth-stage').evaluate(() => Boolean(/** @type {any} */ (window).LTTHOverlay))); i++) {
    if (i > 100) throw new Error('the overlay preview did not start')
    await page.waitForTimeout(100)
  }
  await page.getByTestId('guide-test-alert').click()
  await stepDone('alert')
  await frame.locator('.ltth-alert').first().waitFor({ timeout: timeout + 10000 })
  check(true, 'step 4: the first alert shows in the overlay preview')
  if (shotDir) await page.screenshot({ path: join(shotDir, 'onboarding-1280.png') })

  await page.getByTestId('guide-dismiss').click()
  check((await page.getByTestId('nav-start').count()) === 1, 'after hiding, the guide stays in the sidebar')
  await page.goto(`${dashboard}`, { waitUntil: 'domcontentloaded' })
  await page.locator('nav.sidebar a').first().waitFor()
  await page.waitForTimeout(500)
  check((await page.getByTestId('start-guide').count()) === 0, 'the next visit opens the normal dashboard')
  await context.close()
} catch (err) {
  failed = true
  console.error(`not ok - ${err instanceof Error ? err.message : err}`)
} finally {
  await browser.close()
}
process.exit(failed ? 1 : 0)
