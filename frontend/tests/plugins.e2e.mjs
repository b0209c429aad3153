// e2e pass over the Plugins page against a running listener with at least
// one plugin that has settings: the list shows every plugin with its state,
// disable/enable from the page unmounts and remounts its overlay, a settings
// change is saved through the form, the overlay preview loads, and the page
// holds at 1024/1280/1366/1920 px (no horizontal overflow).
//
//   LTTH_URL=… LTTH_TOKEN=… [LTTH_SHOT_DIR=…] node tests/plugins.e2e.mjs

import { base, token, shotDir, check, launchChromium } from './harness.mjs'

/** @param {string} path */
async function status(path) {
  return (await fetch(`${base}${path}`)).status
}

/** @typedef {{ name: string, kind: string, default?: unknown }} Field */
const auth = { Authorization: `Bearer ${token}` }
/** @returns {Promise<{ id: string, enabled: boolean, state: string, overlays: { path: string }[], settings: Field[] }[]>} */
const listPlugins = async () => (await fetch(`${base}/api/plugins`, { headers: auth })).json()
const candidate = (await listPlugins()).find((p) => p.overlays.length && p.settings.some((f) => f.kind === 'text' || f.kind === 'number'))
if (!candidate) {
  console.error('no plugin with an overlay and a text or number setting')
  process.exit(2)
}
if (candidate.state !== 'running') {
  // plugins ship disabled unless they say otherwise: switch one on over REST first
  await fetch(`${base}/api/plugins/${candidate.id}/enable`, { method: 'POST', headers: auth })
}
const plugins = await listPlugins()
const target = /** @type {NonNullable<typeof candidate>} */ (plugins.find((p) => p.id === candidate.id))
check(target.state === 'running', `${target.id} running`)
const overlayPath = `/plugins/${target.id}/${target.overlays[0].path}`
const field = /** @type {Field} */ (target.settings.find((f) => f.kind === 'text' || f.kind === 'number'))

const browser = await launchChromium()
const page = await browser.newPage({ viewport: { width: 1366, height: 900 } })
page.setDefaultTimeout(15000)
/** @type {string[]} */
const pageErrors = []
page.on('pageerror', (err) => pageErrors.push(String(err)))
let failed = false
try {
  await page.goto(`${base}/dashboard/#token=${encodeURIComponent(token)}`, { waitUntil: 'domcontentloaded' })
  await page.getByRole('link', { name: /Plugins/ }).first().click()
  const cards = page.getByTestId('plugin-card')
  await cards.first().waitFor()
  check((await cards.count()) === plugins.length, `${plugins.length} plugins listed`)
  for (const p of plugins) {
    const st = await page.locator(`[data-testid="plugin-card"][data-id="${p.id}"] [data-testid="plugin-state"]`).innerText()
    check(st === p.state, `${p.id} shows state ${p.state}`)
  }

  const card = page.locator(`[data-testid="plugin-card"][data-id="${target.id}"]`)
  await card.getByTestId('plugin-select').click()
  await page.getByTestId('plugin-preview').waitFor()
  const frame = page.frameLocator('[data-testid="plugin-preview"]')
  await frame.locator('html').waitFor({ state: 'attached' })
  const src = await page.getByTestId('plugin-preview').getAttribute('src')
  check(src?.endsWith(overlayPath) === true && (await status(overlayPath)) === 200, `overlay preview shows ${overlayPath}`)

  await card.getByTestId('plugin-toggle').click()
  await page.locator(`[data-testid="plugin-card"][data-id="${target.id}"][data-state="stopped"]`).waitFor()
  check((await status(overlayPath)) === 404, 'disabled from the page: overlay answers 404')
  await card.getByTestId('plugin-toggle').click()
  await page.locator(`[data-testid="plugin-card"][data-id="${target.id}"][data-state="running"]`).waitFor()
  check((await status(overlayPath)) === 200, 'enabled again: overlay served')

  const input = page.locator(`[data-testid="plugin-field"][data-name="${field.name}"] input`)
  const value = field.kind === 'number' ? String(Number(field.default ?? 0) + 7) : 'from the e2e test'
  await input.fill(value)
  await page.getByTestId('plugin-settings-save').click()
  await page.waitForFunction(
    async ([url, name, want, bearer]) => {
      const s = await (await fetch(url, { headers: { Authorization: bearer } })).json()
      return String(s[name]) === want
    },
    [`${base}/api/plugins/${target.id}/settings`, field.name, value, auth.Authorization],
  )
  check(true, `setting ${field.name} saved through the form`)

  for (const width of [1024, 1280, 1366, 1920]) {
    await page.setViewportSize({ width, height: 900 })
    await page.waitForTimeout(150)
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    check(overflow <= 0, `no horizontal overflow at ${width} px`)
    if (shotDir) await page.screenshot({ path: `${shotDir}/plugins-${width}.png`, fullPage: true })
  }
  check(pageErrors.length === 0, `no page errors ${pageErrors.join('; ')}`)
} catch (err) {
  failed = true
  console.error('not ok -', err instanceof Error ? err.message : err)
  if (shotDir) await page.screenshot({ path: `${shotDir}/plugins-failure.png`, fullPage: true })
} finally {
  await browser.close()
}
process.exit(failed ? 1 : 0)
