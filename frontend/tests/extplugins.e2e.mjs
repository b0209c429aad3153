// e2e pass over external plugins on the Plugins page, against a listener
// whose data folder holds the node-hello example and a broken plugin
// folder (e2e/extplugins_test.go sets that up): the broken folder is
// reported with its reason, node-hello is listed as external and disabled,
// enabling it shows its command and permissions for confirmation and then
// runs the process (pid, running, its log), disabling stops it; the page
// holds at 1024/1280/1366/1920 px.
//
//   LTTH_URL=… LTTH_TOKEN=… [LTTH_SHOT_DIR=…] node tests/extplugins.e2e.mjs

import { base, token, shotDir, check, launchChromium } from './harness.mjs'

const auth = { Authorization: `Bearer ${token}` }
/** @returns {Promise<{ plugins: { id: string, process: { state: string, pid: number } }[], problems: { dir: string }[] }>} */
const extList = async () => (await fetch(`${base}/api/plugins/ext`, { headers: auth })).json()

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
  const card = page.locator('[data-testid="plugin-card"][data-id="node-hello"]')
  await card.waitFor()
  await card.getByTestId('ext-tag').waitFor()
  check((await card.getAttribute('data-state')) === 'stopped', 'node-hello is listed, external and not running')
  const problems = page.getByTestId('ext-problems')
  await problems.waitFor()
  check((await problems.innerText()).includes('broken-plugin'), 'the broken folder is reported')

  await card.getByTestId('plugin-toggle').click()
  const dialog = page.getByTestId('ext-confirm')
  await dialog.getByTestId('ext-confirm-command').waitFor()
  check((await dialog.getByTestId('ext-confirm-command').innerText()).trim() === 'node main.js', 'the confirmation shows the command')
  const perms = await dialog.getByTestId('ext-confirm-permissions').innerText()
  check(perms.includes('events:read') && perms.includes('actions:register'), 'the confirmation shows the permissions')
  check((await extList()).plugins[0]?.process.state === 'stopped', 'nothing runs before the confirmation')
  if (shotDir) await page.screenshot({ path: `${shotDir}/extplugins-confirm.png` })
  await dialog.getByTestId('ext-confirm-enable').click()

  await page.locator('[data-testid="plugin-card"][data-id="node-hello"][data-state="running"]').waitFor()
  await card.getByTestId('plugin-select').click()
  const proc = page.locator('[data-testid="ext-process"][data-state="running"]')
  await proc.waitFor()
  const pid = (await extList()).plugins[0]?.process.pid ?? 0
  check(pid > 0, `the process runs (pid ${pid})`)
  await page.locator('[data-testid="ext-pid"]', { hasText: String(pid) }).waitFor()
  await page.getByText(/ready as node-hello/).first().waitFor()
  check(true, "the page shows its pid and the plugin's stdout in the log")
  if (shotDir) await page.screenshot({ path: `${shotDir}/extplugins-running.png`, fullPage: true })

  for (const width of [1024, 1280, 1366, 1920]) {
    await page.setViewportSize({ width, height: 900 })
    await page.waitForTimeout(100)
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
    check(overflow <= 0, `no horizontal overflow at ${width}px`)
  }

  await card.getByTestId('plugin-toggle').click()
  await page.locator('[data-testid="plugin-card"][data-id="node-hello"][data-state="stopped"]').waitFor()
  await page.locator('[data-testid="ext-process"][data-state="stopped"]').waitFor()
  check(!(await extList()).plugins[0]?.process.pid, 'disabling stops the process')
  check(pageErrors.length === 0, `no page errors ${pageErrors.join('; ')}`)
} catch (err) {
  failed = true
  console.error(err)
  if (shotDir) await page.screenshot({ path: `${shotDir}/extplugins-failure.png`, fullPage: true }).catch(() => {})
} finally {
  await browser.close()
}
process.exit(failed ? 1 : 0)
