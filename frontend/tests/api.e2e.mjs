// e2e pass over the API page against a running listener: the TikFinity-
// compatible websocket is switched on from the page on a free port, a
// websocket client connects and shows up in the status; a read token is
// created (secret shown once), reads but cannot change anything, and is
// refused at once after it is revoked from the page; the page holds at
// 1024/1280/1366/1920 px (no horizontal overflow). The websocket is
// switched off again at the end.
//
//   LTTH_URL=… LTTH_TOKEN=… [LTTH_SHOT_DIR=…] node tests/api.e2e.mjs

import net from 'node:net'
import WebSocket from 'ws'
import { base, token, shotDir, check, launchChromium } from './harness.mjs'

/** @param {string} method @param {string} path @param {string} tok @param {unknown} [body] */
async function call(method, path, tok, body) {
  /** @type {Record<string, string>} */
  const headers = { Authorization: `Bearer ${tok}` }
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  const res = await fetch(`${base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })
  return res.status
}

/** @returns {Promise<number>} */
function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer()
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address()
      srv.close(() => (addr && typeof addr === 'object' ? resolve(addr.port) : reject(new Error('no port'))))
    })
  })
}

const browser = await launchChromium()
const page = await browser.newPage({ viewport: { width: 1366, height: 900 } })
page.setDefaultTimeout(15000)
/** @type {string[]} */
const pageErrors = []
page.on('pageerror', (err) => pageErrors.push(String(err)))
page.on('dialog', (d) => void d.accept())
let failed = false
/** @type {WebSocket | undefined} */
let ws
try {
  await page.goto(`${base}/dashboard/#token=${encodeURIComponent(token)}`, { waitUntil: 'domcontentloaded' })
  await page.getByRole('link', { name: /^API/ }).first().click()
  await page.getByTestId('api-tikfinity-port').waitFor()

  const port = await freePort()
  await page.getByTestId('api-tikfinity-port').fill(String(port))
  await page.getByTestId('api-tikfinity-enabled').check()
  await page.getByTestId('api-tikfinity-status').getByText('Listening').waitFor()
  check(true, `TikFinity-compatible websocket switched on at port ${port}`)
  ws = new WebSocket(`ws://localhost:${port}/`, { headers: { Origin: 'https://overlay.example' } })
  await new Promise((resolve, reject) => {
    ws?.once('open', resolve)
    ws?.once('error', reject)
  })
  await page.waitForFunction(() => document.querySelector('[data-testid="api-tikfinity-clients"]')?.textContent?.trim() === '1', undefined, { timeout: 10000 })
  check(true, 'a connected tool shows in the status')

  await page.getByTestId('api-token-name').fill('e2e tool')
  await page.getByTestId('api-token-scope').selectOption('read')
  await page.getByTestId('api-token-create').click()
  const secret = await page.getByTestId('api-token-secret').locator('input').inputValue()
  check(secret.startsWith('ltth_'), 'the new token is shown once')
  check((await call('GET', '/api/profiles', secret)) === 200, 'the read token reads')
  check((await call('POST', '/api/alerts/pause', secret, { paused: false })) === 403, 'the read token cannot change anything (403)')
  const row = page.getByTestId('api-token-list').locator('li', { hasText: 'e2e tool' })
  await row.getByTestId('api-token-revoke').click()
  await row.waitFor({ state: 'detached' })
  check((await call('GET', '/api/profiles', secret)) === 401, 'revoked from the page: refused at once (401)')

  for (const width of [1024, 1280, 1366, 1920]) {
    await page.setViewportSize({ width, height: 900 })
    await page.waitForTimeout(150)
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    check(overflow <= 0, `no horizontal overflow at ${width} px`)
    if (shotDir) await page.screenshot({ path: `${shotDir}/api-${width}.png`, fullPage: true })
  }
  await page.getByTestId('api-tikfinity-enabled').uncheck()
  await page.getByTestId('api-tikfinity-status').getByText('Off').waitFor()
  check(true, 'switched off again')
  check(pageErrors.length === 0, `no page errors ${pageErrors.join('; ')}`)
} catch (err) {
  failed = true
  console.error('not ok -', err instanceof Error ? err.message : err)
  if (shotDir) await page.screenshot({ path: `${shotDir}/api-failure.png`, fullPage: true })
} finally {
  ws?.close()
  await browser.close()
}
process.exit(failed ? 1 : 0)
