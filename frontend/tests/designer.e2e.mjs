// e2e pass over the overlay designer against a running listener: change the
// alerts overlay's accent colour and scale, see the preview iframe's real
// overlay page reflect them (after a test gift from the designer), copy the
// URL, open it standalone at 1920×1080 and check the computed style; save a
// preset (with hostile custom CSS) and see the standalone page follow an
// edit of the preset live, its CSS applied and nothing loaded from elsewhere;
// the OBS guide's "Add to OBS" is disabled with a hint while OBS is off.
//
//   LTTH_URL=… LTTH_TOKEN=… [LTTH_SHOT_DIR=…] node tests/designer.e2e.mjs

import { chromium } from 'playwright-core'
import { createServer } from 'node:http'
import { join } from 'node:path'
import { check } from './harness.mjs'

const base = (process.env.LTTH_URL ?? '').replace(/\/+$/, '')
const token = process.env.LTTH_TOKEN ?? ''
const shotDir = process.env.LTTH_SHOT_DIR ?? ''
const timeout = Number(process.env.LTTH_E2E_TIMEOUT ?? 15000)
if (!base || !token) {
  console.error('set LTTH_URL and LTTH_TOKEN')
  process.exit(2)
}

// "another origin" the hostile CSS points at: it must never be asked for anything
let remoteHits = 0
const remote = createServer((_, res) => {
  remoteHits++
  res.end('')
})
await new Promise((r) => remote.listen(0, '127.0.0.1', () => r(undefined)))
const remoteUrl = `http://127.0.0.1:${/** @type {import('node:net').AddressInfo} */ (remote.address()).port}`

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', '--autoplay-policy=no-user-gesture-required'],
})

/** Computed style of an alert in a page or frame, once one shows. @param {import('playwright-core').Page | import('playwright-core').Frame} f */
async function alertStyle(f) {
  await f.waitForFunction(() => !!document.querySelector('.ltth-alert .ltth-alert-name'), null, { timeout })
  return f.evaluate(() => {
    const a = /** @type {HTMLElement} */ (document.querySelector('.ltth-alert'))
    const n = /** @type {HTMLElement} */ (a.querySelector('.ltth-alert-name'))
    return {
      rootFont: getComputedStyle(document.documentElement).fontSize,
      name: getComputedStyle(n).color,
      outline: getComputedStyle(a).outlineStyle,
      width: innerWidth,
    }
  })
}

const previewSrc = (/** @type {import('playwright-core').Page} */ page) => page.getByTestId('designer-preview').getAttribute('src')

try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base })
  const page = await context.newPage()
  page.setDefaultTimeout(timeout)
  await page.goto(`${base}/dashboard/#token=${encodeURIComponent(token)}`, { waitUntil: 'domcontentloaded' })
  await page.getByTestId('nav-overlays').click()
  await page.getByTestId('overlays-page').waitFor()

  // the OBS guide: every overlay listed, Add to OBS off with a hint (no OBS here)
  check(await page.getByTestId('obs-add-all').isDisabled(), 'Add to OBS is disabled while OBS is not connected')
  check(/not connected/i.test((await page.getByTestId('obs-hint').textContent()) ?? ''), 'the guide says why')
  check((await page.getByTestId('obs-guide').textContent())?.includes('1920×1080') === true, 'the guide shows the alerts source size')

  // style the alerts overlay
  await page.getByTestId('designer-accent').fill('#00ff00')
  await page.getByTestId('designer-scale').fill('2')
  await page.waitForFunction(() => {
    const src = document.querySelector('[data-testid="designer-preview"]')?.getAttribute('src') ?? ''
    return src.includes('accent=%2300ff00') && src.includes('scale=2')
  })
  check(true, `the preview follows the controls (${await previewSrc(page)})`)
  const frame = await (await page.getByTestId('designer-preview').elementHandle())?.contentFrame()
  if (!frame) throw new Error('no preview frame')
  await frame.waitForFunction(() => document.body.classList.contains('ltth-has-accent') && document.getElementById('ltth-status')?.dataset.state === 'connected')
  await page.waitForTimeout(600) // the preview's last reload settles
  const frame2 = await (await page.getByTestId('designer-preview').elementHandle())?.contentFrame()
  if (!frame2) throw new Error('no preview frame')
  await frame2.waitForFunction(() => document.getElementById('ltth-status')?.dataset.state === 'connected')
  await page.getByTestId('designer-send-test').click()
  const inPreview = await alertStyle(frame2)
  check(inPreview.name === 'rgb(0, 255, 0)' && inPreview.rootFont === '48px' && inPreview.width === 1920,
    `the preview's alert has the accent and scale at the real 1920 px source width (${JSON.stringify(inPreview)})`)

  // copy the URL and open it standalone at 1920×1080
  await page.getByTestId('designer-copy').click()
  const copied = await page.evaluate(() => navigator.clipboard.readText())
  check(copied === (await page.getByTestId('designer-url').inputValue()) && copied.includes('accent=%2300ff00'), `the URL is copied (${copied})`)
  const obs = await context.newPage()
  await obs.setViewportSize({ width: 1920, height: 1080 })
  await obs.goto(copied)
  await obs.waitForFunction(() => document.getElementById('ltth-status')?.dataset.state === 'connected')
  await page.getByTestId('designer-send-test').click()
  const standalone = await alertStyle(obs)
  check(standalone.name === 'rgb(0, 255, 0)' && standalone.rootFont === '48px', `standalone at 1920×1080 the alert is styled (${JSON.stringify(standalone)})`)

  // a preset with custom CSS (hostile parts included); the URL refers to it
  await page.getByTestId('designer-css').fill(
    `@import url(${remoteUrl}/import.css);\n.ltth-alert { outline: 4px dashed; background-image: url(${remoteUrl}/bg.png); }\n</style><script>window.__xss=1</script>`,
  )
  await page.getByTestId('designer-preset-name').fill('E2E Big')
  await page.getByTestId('designer-save-preset').click()
  await page.waitForFunction(() => /preset=E2E\+Big/.test(/** @type {HTMLInputElement} */ (document.querySelector('[data-testid="designer-url"]')).value))
  const presetUrl = await page.getByTestId('designer-url').inputValue()
  check(!presetUrl.includes('accent='), `the URL now only names the preset (${presetUrl})`)
  await obs.goto(presetUrl)
  await obs.waitForFunction(() => document.getElementById('ltth-status')?.dataset.state === 'connected' && /** @type {any} */ (window).LTTHStyle?.ready())
  await page.getByTestId('designer-send-test').click()
  const fromPreset = await alertStyle(obs)
  check(fromPreset.name === 'rgb(0, 255, 0)' && fromPreset.rootFont === '48px' && fromPreset.outline === 'dashed',
    `the preset's params and custom CSS apply (${JSON.stringify(fromPreset)})`)

  // edit the preset: the open page follows without a reload
  await page.getByTestId('designer-accent').fill('#0000ff')
  await page.getByTestId('designer-save-preset').click()
  await obs.waitForFunction(() => {
    const n = document.querySelector('.ltth-alert .ltth-alert-name')
    return !!n && getComputedStyle(n).color === 'rgb(0, 0, 255)'
  }, null, { timeout })
  check(true, 'a saved preset change restyles the open overlay live')
  await obs.waitForTimeout(500)
  check(remoteHits === 0, `the custom CSS loaded nothing from another origin (${remoteHits} requests)`)
  check(await obs.evaluate(() => /** @type {any} */ (window).__xss === undefined && !document.querySelector('script:not([src]), style')), 'nothing from the CSS ran or landed in the page')
  check(await page.evaluate(() => !document.querySelector('style#ltth-preset-css, link#ltth-preset-css')), 'the custom CSS never reaches the dashboard')
  if (shotDir) await page.screenshot({ path: join(shotDir, 'designer.png') })

  // clean up the preset
  const del = await fetch(`${base}/api/overlay-presets/${encodeURIComponent('E2E Big')}`, { method: 'DELETE', headers: { Authorization: `Bearer ${token}` } })
  check(del.status === 204, 'preset deleted over REST')
} finally {
  await browser.close()
  remote.close()
}
console.log('designer ok')
