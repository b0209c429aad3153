// End-to-end check of the dashboard against a running LTTH listener:
// opens ${LTTH_URL}/dashboard/#token=…, sends a test gift from the panel,
// asserts the gift shows up in the live feed, saves a screenshot.
//
//   LTTH_URL=http://127.0.0.1:3000 LTTH_TOKEN=… LTTH_SHOT=/tmp/dash.png node tests/dashboard.e2e.mjs
//
// Exit code 0 on success; on failure prints the reason (and still tries to
// save the screenshot, as <shot>-failure.png).

import { chromium } from 'playwright-core'
import { check } from './harness.mjs'

const base = (process.env.LTTH_URL ?? '').replace(/\/+$/, '')
const token = process.env.LTTH_TOKEN ?? ''
const shot = process.env.LTTH_SHOT ?? 'dashboard-e2e.png'
const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium'
const timeout = Number(process.env.LTTH_E2E_TIMEOUT ?? 15000)

if (!base || !token) {
  console.error('set LTTH_URL (e.g. http://127.0.0.1:3000) and LTTH_TOKEN')
  process.exit(2)
}

const browser = await chromium.launch({
  executablePath,
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
})
const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
page.setDefaultTimeout(timeout)
/** @type {string[]} */
const pageErrors = []
page.on('pageerror', (err) => pageErrors.push(String(err)))
page.on('console', (msg) => {
  if (msg.type() === 'error') console.log(`console error: ${msg.text()}`)
})

let failed = false
try {
  await page.goto(`${base}/dashboard/#token=${encodeURIComponent(token)}`, { waitUntil: 'domcontentloaded' })

  // Shell and status header
  const conn = page.getByTestId('connection-state')
  await conn.waitFor()
  check(true, `connection state shown: "${(await conn.innerText()).replace(/\s+/g, ' ').trim()}"`)
  await page.waitForFunction(() => document.querySelector('[data-testid="feed-link"]')?.getAttribute('data-state') === 'open')
  check(true, 'live feed websocket connected')
  const overlay = await page.getByTestId('overlay-url').inputValue()
  check(overlay.endsWith('/overlay.html') && overlay.startsWith('http'), `overlay URL is ${overlay}`)
  check(!page.url().includes('token='), 'token removed from the address bar')

  // Send a test gift from the panel
  const nick = `E2E Gifter ${Date.now() % 100000}`
  await page.getByTestId('nav-test-events').click()
  await page.getByTestId('viewer-nickname').fill(nick)
  await page.getByTestId('viewer-uniqueId').fill('e2e_gifter')
  await page.getByTestId('gift-giftId').selectOption('5879') // Doughnut, 30 coins
  await page.getByTestId('gift-repeatCount').fill('3')
  await page.getByTestId('send-gift').click()
  const toast = page.locator('[data-testid="toast"]').first()
  await toast.waitFor()
  const kind = await toast.getAttribute('data-kind')
  check(kind === 'success', `send-gift toast: ${kind} "${(await toast.innerText()).trim()}"`)

  // It appears in the feed
  await page.getByTestId('nav-live').click()
  const row = page.locator('[data-testid="feed-row"][data-type="gift"]', { hasText: nick }).last()
  await row.waitFor()
  const text = (await row.innerText()).replace(/\s+/g, ' ')
  check(/Doughnut/.test(text), `gift row names the gift: "${text}"`)
  check(/90/.test((await row.getByTestId('feed-row-coins').innerText()).replace(/\D/g, '')), 'gift row shows 90 coins (30 × 3)')

  check(pageErrors.length === 0, `no page errors${pageErrors.length ? `: ${pageErrors.join(' | ')}` : ''}`)
  await page.screenshot({ path: shot })
  console.log(`screenshot: ${shot}`)
} catch (err) {
  failed = true
  console.error(`not ok - ${err instanceof Error ? err.message : String(err)}`)
  const failShot = shot.replace(/(\.png)?$/, '-failure.png')
  await page.screenshot({ path: failShot }).catch(() => {})
  console.error(`failure screenshot: ${failShot}`)
} finally {
  await browser.close()
}
process.exit(failed ? 1 : 0)
