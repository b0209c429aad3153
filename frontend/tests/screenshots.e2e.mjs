// Screenshots for the docs: every dashboard page at 1280×800, and the
// overlay designer showing a styled test alert in its preview, saved as
// PNGs into docs/screenshots/ (`make screenshots` starts the headless
// binary on a fresh data dir and runs this; not part of `make test`).
//
//   LTTH_URL=… LTTH_TOKEN=… [LTTH_SCREENSHOT_DIR=../docs/screenshots] node tests/screenshots.e2e.mjs

import { chromium } from 'playwright-core'
import { mkdirSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'

const base = (process.env.LTTH_URL ?? '').replace(/\/+$/, '')
const token = process.env.LTTH_TOKEN ?? ''
const dir = resolve(process.env.LTTH_SCREENSHOT_DIR ?? '../docs/screenshots')
if (!base || !token) {
  console.error('set LTTH_URL and LTTH_TOKEN')
  process.exit(2)
}
mkdirSync(dir, { recursive: true })

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', '--hide-scrollbars'],
})

/** @param {import('playwright-core').Page} page @param {string} name */
async function shot(page, name) {
  const path = join(dir, `${name}.png`)
  await page.screenshot({ path })
  console.log(`${path} ${Math.round(statSync(path).size / 1024)} KB`)
}

try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  const page = await context.newPage()
  page.setDefaultTimeout(15000)
  await page.goto(`${base}/dashboard/#token=${encodeURIComponent(token)}`, { waitUntil: 'domcontentloaded' })
  await page.locator('nav.sidebar a').first().waitFor()
  // a little life on the pages: a few test events
  for (const type of ['follow', 'chat', 'gift']) {
    await fetch(`${base}/api/simulate`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ type, id: `shot-${type}-${Date.now()}`, ts: Date.now(), userId: '7000000000001', uniqueId: 'mia_live', nickname: 'Mia', comment: 'hello from the docs!', giftId: 5655, giftName: 'Rose', coins: 1, repeatCount: 1 }),
    }).catch(() => {})
  }
  const ids = await page.$$eval('nav.sidebar a[data-testid^="nav-"]', (as) => as.map((a) => a.getAttribute('data-testid')?.slice(4) ?? ''))
  for (const id of ids) {
    await page.getByTestId(`nav-${id}`).click()
    await page.getByTestId(`page-${id}`).waitFor()
    await page.waitForTimeout(900)
    if (id === 'overlays') {
      await page.getByTestId('designer-accent').fill('#ffd54a')
      await page.getByTestId('designer-scale').fill('1.5')
      await page.waitForTimeout(1200)
      await page.getByTestId('designer-send-test').click()
      await page.waitForTimeout(1500)
    }
    await shot(page, id)
  }
  // the designer again, scrolled to its OBS setup guide
  await page.getByTestId('nav-overlays').click()
  await page.getByTestId('obs-guide').evaluate((el) => el.scrollIntoView({ block: 'start' }))
  await page.waitForTimeout(500)
  await shot(page, 'overlays-obs-guide')
} finally {
  await browser.close()
}
