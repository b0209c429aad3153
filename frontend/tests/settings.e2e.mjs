// e2e pass over the Settings page against a running listener (its own
// instance: the token is rotated at the end). Theme: light and back to
// dark change the computed background at once, and `system` follows the
// OS preference live; the log level changes at run time; a busy port is
// refused with an error naming it and nothing changes; rotating the token
// refuses the old one at once while the dashboard keeps working.
//
//   LTTH_URL=… LTTH_TOKEN=… [LTTH_SHOT_DIR=…] node tests/settings.e2e.mjs

import net from 'node:net'
import { join } from 'node:path'
import { base, token, shotDir, check, launchChromium } from './harness.mjs'

/** @param {string} tok @returns {Promise<{status: number, body: any}>} */
async function getSettings(tok) {
  const res = await fetch(`${base}/api/settings/app`, { headers: { Authorization: `Bearer ${tok}` } })
  return { status: res.status, body: res.ok ? await res.json() : null }
}

/** @param {import('playwright-core').Page} page */
function background(page) {
  return page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)
}

/** @param {import('playwright-core').Page} page @param {string} not */
async function backgroundChangesFrom(page, not) {
  await page.waitForFunction((was) => getComputedStyle(document.documentElement).backgroundColor !== was, not, { timeout: 5000 })
  return background(page)
}

const browser = await launchChromium()
const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, colorScheme: 'dark' })
page.setDefaultTimeout(15000)
/** @type {string[]} */
const pageErrors = []
page.on('pageerror', (err) => pageErrors.push(String(err)))
page.on('dialog', (d) => void d.accept())
/** @type {net.Server | undefined} */
let holder
let failed = false
try {
  await page.goto(`${base}/dashboard/#token=${encodeURIComponent(token)}`, { waitUntil: 'domcontentloaded' })
  await page.getByTestId('nav-settings').click()
  await page.getByTestId('settings-theme-light').waitFor()

  // --- theme ---------------------------------------------------------------
  const dark = await background(page)
  await page.getByTestId('settings-theme-light').click()
  const light = await backgroundChangesFrom(page, dark)
  check(light !== dark, `light theme applied without a reload (${dark} -> ${light})`)
  await page.waitForFunction(() => document.querySelector('[data-testid="settings-theme-light"]')?.getAttribute('aria-checked') === 'true')
  check((await getSettings(token)).body?.settings?.theme === 'light', 'the theme is saved in the app settings')
  if (shotDir) await page.screenshot({ path: join(shotDir, 'settings-light.png') })
  await page.getByTestId('settings-theme-dark').click()
  check((await backgroundChangesFrom(page, light)) === dark, 'dark theme back')
  await page.waitForFunction(() => document.querySelector('[data-testid="settings-theme-dark"]')?.getAttribute('aria-checked') === 'true')
  await page.getByTestId('settings-theme-system').click()
  await page.emulateMedia({ colorScheme: 'light' })
  check((await backgroundChangesFrom(page, dark)) === light, 'system theme follows the OS switching to light, live')
  await page.emulateMedia({ colorScheme: 'dark' })
  check((await backgroundChangesFrom(page, light)) === dark, 'and back to dark')
  await page.waitForFunction(() => document.querySelector('[data-testid="settings-theme-system"]')?.getAttribute('aria-checked') === 'true')
  await page.getByTestId('settings-theme-dark').click()
  await page.waitForFunction(() => document.querySelector('[data-testid="settings-theme-dark"]')?.getAttribute('aria-checked') === 'true')

  // --- log level -----------------------------------------------------------
  await page.getByTestId('settings-log-level').selectOption('debug')
  await page.waitForFunction(() => document.querySelector('[data-testid="settings-log-level-active"]')?.textContent === 'debug')
  const lv = (await getSettings(token)).body
  check(lv?.settings?.logLevel === 'debug' && lv?.status?.logLevel === 'debug', 'log level debug saved and in effect')
  await page.getByTestId('settings-log-level').selectOption('info')
  await page.waitForFunction(() => document.querySelector('[data-testid="settings-log-level-active"]')?.textContent === 'info')
  check(true, 'log level back to info')

  // --- busy port -----------------------------------------------------------
  const before = (await getSettings(token)).body
  holder = net.createServer()
  await new Promise((resolve) => holder?.listen(0, '127.0.0.1', () => resolve(undefined)))
  const addr = holder.address()
  const busy = addr && typeof addr === 'object' ? addr.port : 0
  await page.getByTestId('settings-port').fill(String(busy))
  await page.getByTestId('settings-port-apply').click()
  const err = page.getByTestId('settings-port-error')
  await err.waitFor()
  const msg = (await err.textContent()) ?? ''
  check(msg.includes(`port ${busy} is in use`), `busy port refused, naming it: "${msg}"`)
  const after = (await getSettings(token)).body
  check(after?.settings?.port === before?.settings?.port && after?.status?.listenUrl === before?.status?.listenUrl, 'nothing changed: same port, same listener')
  check((await fetch(`${base}/api/health`)).ok, 'the listener still answers at its address')

  // --- token rotation ------------------------------------------------------
  await page.getByTestId('settings-token-rotate').click()
  await page.waitForFunction(async (old) => {
    const r = await fetch('/api/settings/app', { headers: { Authorization: `Bearer ${old}` } })
    return r.status === 401
  }, token)
  check((await getSettings(token)).status === 401, 'the old token is refused at once')
  await page.getByTestId('settings-token-show').click()
  const fresh = ((await page.getByTestId('settings-token-value').textContent()) ?? '').trim()
  check(fresh.length >= 32 && fresh !== token, 'the page shows the new token')
  check((await getSettings(fresh)).status === 200, 'the new token works')
  await page.getByTestId('settings-log-level').selectOption('warn')
  await page.waitForFunction(() => document.querySelector('[data-testid="settings-log-level-active"]')?.textContent === 'warn')
  check((await getSettings(fresh)).body?.settings?.logLevel === 'warn', 'the dashboard keeps working with the new token')
  await page.reload({ waitUntil: 'domcontentloaded' })
  await page.getByTestId('nav-settings').click()
  await page.waitForFunction(() => document.querySelector('[data-testid="settings-log-level-active"]')?.textContent === 'warn')
  check(true, 'after a reload the dashboard still has the new token')

  // --- port move -----------------------------------------------------------
  holder?.close()
  holder = undefined
  const free = await new Promise((resolve) => {
    const srv = net.createServer()
    srv.listen(0, '127.0.0.1', () => {
      const a = srv.address()
      srv.close(() => resolve(a && typeof a === 'object' ? a.port : 0))
    })
  })
  await page.getByTestId('settings-port').fill(String(free))
  await page.getByTestId('settings-port-apply').click()
  await page.waitForURL((u) => u.port === String(free), { timeout: 10000 })
  await page.waitForFunction((p) => document.querySelector('[data-testid="settings-listen-url"]')?.textContent === `http://127.0.0.1:${p}`, free)
  check(true, `the listener moved to port ${free} and the dashboard followed it`)
  const moved = await fetch(`http://127.0.0.1:${free}/api/settings/app`, { headers: { Authorization: `Bearer ${fresh}` } })
  check(moved.ok && (await moved.json()).settings.port === free, 'the new port is saved and answers with the new token')
  check(!page.url().includes('token='), 'the token left the address bar again')
  check(pageErrors.length === 0, `no page errors ${pageErrors.join('; ')}`)
} catch (e) {
  failed = true
  console.error(`not ok - ${e instanceof Error ? e.message : e}`)
  if (shotDir) await page.screenshot({ path: join(shotDir, 'settings-failure.png') }).catch(() => {})
} finally {
  holder?.close()
  await browser.close()
}
process.exit(failed ? 1 : 0)
