// The OBS and OSC pages against a running LTTH whose OBS bridge points at a
// real OBS (the caller sets it up): connection status, scene list
// click-to-switch, the live preview, the OSC test send and its log line, and
// no horizontal overflow at 1024, 1280, 1366 and 1920 px.
//
//   LTTH_URL=… LTTH_TOKEN=… OBS_SCENE=… [LTTH_SHOT_DIR=…] node tests/obs.e2e.mjs

import { chromium } from 'playwright-core'
import { check } from './harness.mjs'
import { join } from 'node:path'
import { tmpdir } from 'node:os'

const base = (process.env.LTTH_URL ?? '').replace(/\/+$/, '')
const token = process.env.LTTH_TOKEN ?? ''
const scene = process.env.OBS_SCENE ?? ''
const shots = process.env.LTTH_SHOT_DIR ?? tmpdir()
if (!base || !token || !scene) {
  console.error('set LTTH_URL, LTTH_TOKEN and OBS_SCENE (a second scene that exists in OBS)')
  process.exit(2)
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
})
let failed = false
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
  page.setDefaultTimeout(15000)
  /** @type {string[]} */
  const errors = []
  page.on('pageerror', (e) => errors.push(String(e)))
  await page.goto(`${base}/dashboard/#/obs?token=${token}`)
  await page.getByTestId('obs-page').waitFor()
  await page.locator('[data-testid="obs-status"].ok').waitFor()
  check(true, 'OBS page shows connected')
  await page.getByTestId('obs-scenes').getByRole('button', { name: scene }).click()
  await page.locator(`[data-testid="obs-scenes"] button.primary`, { hasText: scene }).waitFor()
  const st = await (await fetch(`${base}/api/obs/state`, { headers: { Authorization: `Bearer ${token}` } })).json()
  check(st.currentScene === scene, `clicking ${scene} switched OBS (state: ${JSON.stringify(st).slice(0, 200)})`)
  await page.getByTestId('obs-preview').waitFor()
  const w = await page.getByTestId('obs-preview').evaluate((img) => /** @type {HTMLImageElement} */ (img).naturalWidth)
  check(w > 0, `preview image shows the program (${w}px wide)`)

  for (const id of ['obs', 'osc']) {
    for (const width of [1024, 1280, 1366, 1920]) {
      await page.setViewportSize({ width, height: 900 })
      await page.goto(`${base}/dashboard/#/${id}`)
      await page.getByTestId(`${id}-page`).waitFor()
      await page.waitForTimeout(300)
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
      check(overflow <= 0, `${id} at ${width}px has no horizontal overflow (${overflow})`)
      await page.screenshot({ path: join(shots, `${id}-${width}.png`) })
    }
  }

  await page.goto(`${base}/dashboard/#/osc`)
  await page.getByTestId('osc-form').getByRole('checkbox').check()
  await page.getByTestId('osc-form').getByRole('button', { name: 'Save' }).click()
  await page.locator('[data-testid="osc-status"].ok').waitFor()
  await page.getByTestId('osc-send').getByRole('button', { name: 'Send' }).click()
  await page.getByTestId('osc-log').getByText('/avatar/parameters/Wave i 1').waitFor()
  check(true, 'OSC test send appears in the live log')
  check(errors.length === 0, `no page errors (${errors.join('; ')})`)
} catch (err) {
  failed = true
  console.error(`not ok - ${err instanceof Error ? err.message : err}`)
} finally {
  await browser.close()
}
process.exit(failed ? 1 : 0)
