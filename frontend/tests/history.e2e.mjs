// e2e pass over the History and Viewers pages against a running listener:
// a simulated stream (five minutes of viewers, chat and one big gift) is
// posted to /api/simulate; the History page (simulated streams) lists it,
// draws its charts with one point per minute and a marker on the big
// gift's minute; the Viewers page searches and sorts; both pages hold at
// 1024/1280/1366/1920 px (no horizontal overflow).
//
//   LTTH_URL=… LTTH_TOKEN=… [LTTH_SHOT_DIR=…] node tests/history.e2e.mjs

import { chromium } from 'playwright-core'

const base = (process.env.LTTH_URL ?? '').replace(/\/+$/, '')
const token = process.env.LTTH_TOKEN ?? ''
const shotDir = process.env.LTTH_SHOT_DIR ?? ''
if (!base || !token) {
  console.error('set LTTH_URL and LTTH_TOKEN')
  process.exit(2)
}

/** @param {boolean} cond @param {string} msg */
function check(cond, msg) {
  if (!cond) throw new Error(msg)
  console.log(`ok - ${msg}`)
}

/** @param {Record<string, unknown>} e */
async function simulate(e) {
  const res = await fetch(`${base}/api/simulate`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(e),
  })
  if (res.status >= 300) throw new Error(`simulate ${e.type}: ${res.status} ${await res.text()}`)
}

// A stream far in the past so it is the only one of its hour.
const t0 = Date.UTC(2026, 0, 5, 20, 0, 0)
const user = { userId: '900001', uniqueId: 'e2e_fan', nickname: 'E2E Fan' }
for (let m = 0; m < 5; m++) {
  await simulate({ type: 'viewers', ts: t0 + m * 60000 + 1000, viewerCount: 100 + m * 10 })
  await simulate({ type: 'chat', ts: t0 + m * 60000 + 2000, ...user, comment: `hello ${m}` })
}
await simulate({ type: 'gift', ts: t0 + 2 * 60000 + 5000, ...user, giftId: 5655, giftName: 'Universe', diamondCount: 5000, repeatCount: 1 })

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
})
const page = await browser.newPage({ viewport: { width: 1366, height: 900 } })
page.setDefaultTimeout(15000)
/** @type {string[]} */
const pageErrors = []
page.on('pageerror', (err) => pageErrors.push(String(err)))
let failed = false
try {
  await page.goto(`${base}/dashboard/#token=${encodeURIComponent(token)}`, { waitUntil: 'domcontentloaded' })
  await page.getByRole('link', { name: /History/ }).first().click()
  await page.getByTestId('history-simulated').check()
  await page.getByTestId('history-stream').first().waitFor()
  const coins = page.getByTestId('chart-coins')
  await coins.waitFor()
  check((await coins.getAttribute('data-points')) === '5', 'coins chart has one point per minute (5)')
  check(Number(await coins.getAttribute('data-markers')) === 1, 'one big-gift marker')
  check((await page.locator('[data-testid="chart-viewers"] canvas').count()) === 1, 'viewers chart drawn on a canvas')
  check((await page.locator('.charts figure').count()) === 5, 'five charts share the stream time axis')
  for (const w of [1024, 1280, 1366, 1920]) {
    await page.setViewportSize({ width: w, height: 900 })
    await page.waitForTimeout(150)
    const over = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
    check(over <= 0, `History holds at ${w} px`)
    if (shotDir && w === 1366) await page.screenshot({ path: `${shotDir}/history-${w}.png` })
  }

  await page.getByRole('link', { name: /Viewers/ }).first().click()
  await page.getByTestId('viewers-table').waitFor()
  await page.getByTestId('viewers-sort').selectOption('coins')
  await page.getByTestId('viewers-search').fill('nobody-here')
  await page.getByText('No viewers match.').waitFor()
  check(true, 'viewer search answers (simulated viewers are not in the viewer database)')
  for (const w of [1024, 1280, 1366, 1920]) {
    await page.setViewportSize({ width: w, height: 900 })
    await page.waitForTimeout(150)
    const over = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
    check(over <= 0, `Viewers holds at ${w} px`)
  }
  check(pageErrors.length === 0, `no page errors ${pageErrors.join('; ')}`)
} catch (err) {
  failed = true
  console.error(err)
  if (shotDir) await page.screenshot({ path: `${shotDir}/history-failure.png` }).catch(() => {})
} finally {
  await browser.close()
}
process.exit(failed ? 1 : 0)
