// End-to-end check of the Connection page against the real LTTH backend:
// settings with a masked API key, source order that survives a reload,
// capture recording, a replay of a recorded stream that shows up in the
// Live feed, and a Connect that fails with a clear reason (there is no
// internet where this runs), then Disconnect.
//
//   LTTH_URL=http://127.0.0.1:38101 LTTH_TOKEN=… LTTH_CAPTURE=/abs/backend/tiktok/testdata/session.capture \
//   LTTH_SHOT=/tmp/connection.png node tests/connection.e2e.mjs
//
// Point it at a throwaway data dir: it saves settings and an API key.
// Exit code 0 on success; on failure prints the reason and saves
// <shot>-failure.png.

import { chromium } from 'playwright-core'
import { check } from './harness.mjs'

const base = (process.env.LTTH_URL ?? '').replace(/\/+$/, '')
const token = process.env.LTTH_TOKEN ?? ''
const capture = process.env.LTTH_CAPTURE ?? ''
const shot = process.env.LTTH_SHOT ?? 'connection-e2e.png'
const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium'
const timeout = Number(process.env.LTTH_E2E_TIMEOUT ?? 15000)
/** How long a Connect may take to give up on every source (no internet here). */
const failTimeout = Number(process.env.LTTH_E2E_FAIL_TIMEOUT ?? 60000)

if (!base || !token || !capture) {
  console.error('set LTTH_URL, LTTH_TOKEN and LTTH_CAPTURE (absolute path of backend/tiktok/testdata/session.capture)')
  process.exit(2)
}

const API_KEY = 'e2e-euler-key-0123456789'

/** GET from the REST API (reads need the token too). @param {string} path @returns {Promise<any>} */
async function getJSON(path) {
  const res = await fetch(`${base}${path}`, { cache: 'no-store', headers: { Authorization: `Bearer ${token}` } })
  if (!res.ok) throw new Error(`GET ${path}: HTTP ${res.status}`)
  return res.json()
}

const browser = await chromium.launch({
  executablePath,
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
})
const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } })
page.setDefaultTimeout(timeout)
/** @type {string[]} */
const pageErrors = []
page.on('pageerror', (err) => pageErrors.push(String(err)))
page.on('console', (msg) => {
  if (msg.type() === 'error') console.log(`console error: ${msg.text()}`)
})

/** Dismisses old toasts, runs action, returns [kind, text] of the newest toast. @param {() => Promise<unknown>} action */
async function toastAfter(action) {
  const toasts = page.getByTestId('toast')
  while ((await toasts.count()) > 0) await toasts.first().getByRole('button', { name: 'Dismiss' }).click()
  await action()
  const t = toasts.last()
  await t.waitFor()
  return [await t.getAttribute('data-kind'), (await t.innerText()).trim()]
}

/** Source names in the order the page shows them. */
async function shownOrder() {
  return page.$$eval('[data-testid="source-row"]', (rows) => rows.map((r) => `${r.getAttribute('data-name')}${r.getAttribute('data-enabled') === 'true' ? '' : '(off)'}`))
}

/** Opens the "Advanced" section (sources, keys, captures) unless it is open. */
async function openAdvanced() {
  const adv = page.getByTestId('conn-advanced')
  await adv.waitFor()
  if ((await adv.getAttribute('data-open')) !== 'true') await page.getByTestId('conn-advanced-toggle').click()
  await page.locator('[data-testid="source-row"]').first().waitFor()
}

async function openConnectionPage() {
  await page.getByTestId('nav-connection').click()
  await page.getByTestId('conn-status').waitFor()
  await openAdvanced()
}

let failed = false
try {
  await page.goto(`${base}/dashboard/#token=${encodeURIComponent(token)}`, { waitUntil: 'domcontentloaded' })
  await page.waitForFunction(() => document.querySelector('[data-testid="feed-link"]')?.getAttribute('data-state') === 'open')
  const nav = await page.$$eval('nav [data-testid^="nav-"]', (as) => as.map((a) => a.getAttribute('data-testid')))
  check(nav[0] === 'nav-connection' && nav.indexOf('nav-connection') < nav.indexOf('nav-live'), `Connection is first in the sidebar (${nav.join(', ')})`)
  // A beginner sees the handle and a closed "Advanced" section saying they can leave it.
  await page.getByTestId('nav-connection').click()
  await page.getByTestId('conn-target').waitFor()
  check(await page.getByTestId('conn-target').isVisible(), 'the handle field is visible')
  check((await page.getByTestId('conn-advanced').getAttribute('data-open')) === 'false', 'Advanced starts closed')
  check((await page.getByTestId('set-apiKey').count()) === 0 && (await page.getByTestId('source-row').count()) === 0, 'keys and sources are under Advanced')
  check(/beginner can leave these alone/.test(await page.getByTestId('conn-advanced-note').innerText()), 'one line says a beginner can leave them')
  await openConnectionPage()
  const idle = page.getByTestId('conn-state')
  check((await idle.getAttribute('data-state')) === 'disconnected', `starts disconnected: "${(await idle.innerText()).trim()}"`)

  // 1. Settings: an API key is saved and only ever comes back masked.
  await page.getByTestId('set-apiKey').fill(API_KEY)
  await page.getByTestId('set-tikfinityUrl').fill('ws://127.0.0.1:1/')
  let [kind, text] = await toastAfter(() => page.getByTestId('settings-save').click())
  check(kind === 'success', `settings saved: ${text}`)
  await page.waitForFunction(() => /** @type {HTMLInputElement|null} */ (document.querySelector('[data-testid="set-apiKey"]'))?.value.startsWith('***'))
  const masked = await page.getByTestId('set-apiKey').inputValue()
  check(masked === `***${API_KEY.slice(-2)}`, `API key field shows the masked value "${masked}"`)
  const viaRest = await getJSON('/api/connection/settings')
  check(viaRest.apiKey === masked && viaRest.apiKeySet === true && viaRest.tikfinityUrl === 'ws://127.0.0.1:1/', 'GET /api/connection/settings has the key masked and set, and the TikFinity URL')
  const everything = await page.evaluate(
    () => `${document.documentElement.outerHTML}\n${[...document.querySelectorAll('input')].map((i) => i.value).join('\n')}`,
  )
  check(!everything.includes(API_KEY), 'the full API key is nowhere in the page (markup or field values)')

  // 2. Sources: move the browser capture up, switch TikFinity off, save, reload.
  const before = await shownOrder()
  check(before.join(',') === 'direct,euler,browser,tikfinity', `default source order: ${before.join(', ')}`)
  await page.locator('[data-testid="source-row"][data-name="browser"]').getByTestId('source-up').click()
  await page.locator('[data-testid="source-row"][data-name="tikfinity"]').getByTestId('source-toggle').click()
  check((await shownOrder()).join(',') === 'direct,browser,euler,tikfinity(off)', 'edited order shown before saving')
  ;[kind, text] = await toastAfter(() => page.getByTestId('sources-save').click())
  check(kind === 'success', `sources saved: ${text}`)
  await page.reload({ waitUntil: 'domcontentloaded' })
  await page.getByTestId('conn-status').waitFor()
  await openAdvanced()
  const after = await shownOrder()
  check(after.join(',') === 'direct,browser,euler,tikfinity(off)', `order persisted after reload: ${after.join(', ')}`)
  check((await getJSON('/api/connection/settings')).sources.join(',') === 'direct,browser,euler', 'saved sources are direct, browser, euler')
  check((await page.getByTestId('set-apiKey').inputValue()) === masked, 'API key still masked after reload')

  // 3. Capture recording on and off.
  await page.getByTestId('record-toggle').click()
  const recFile = page.getByTestId('record-file')
  await recFile.waitFor()
  check(/\.jsonl$/.test((await recFile.innerText()).trim()), `recording to ${(await recFile.innerText()).trim()}`)
  check((await getJSON('/api/connection')).recording.enabled === true, 'recording is on in GET /api/connection')
  await page.getByTestId('record-toggle').click()
  await page.waitForFunction(() => !(/** @type {HTMLInputElement|null} */ (document.querySelector('[data-testid="record-toggle"]'))?.checked))
  check((await getJSON('/api/connection')).recording.enabled === false, 'recording is off again')

  // 4. Upload a recorded stream (replay reads only the captures folder) and
  // replay it at max speed: its events reach the Live feed; Stop ends it.
  ;[kind, text] = await toastAfter(() => page.getByTestId('capture-file').setInputFiles(capture))
  check(kind === 'success', `capture uploaded: ${text}`)
  const uploaded = await page.getByTestId('replay-path').inputValue()
  check(uploaded.endsWith('.jsonl') && !uploaded.includes('/'), `the upload is selected for replay: ${uploaded}`)
  check((await getJSON('/api/captures')).some((/** @type {{ name: string }} */ c) => c.name === uploaded), 'GET /api/captures lists the upload')
  await page.getByTestId('replay-speed-max').click()
  check((await page.getByTestId('replay-speed-max').getAttribute('aria-checked')) === 'true', 'max speed selected')
  ;[kind, text] = await toastAfter(() => page.getByTestId('replay-start').click())
  check(kind === 'success', `replay started: ${text}`)
  ;[kind, text] = await toastAfter(() => page.getByTestId('replay-stop').click())
  check(kind === 'success', `stop button: ${text}`)
  ;[kind, text] = await toastAfter(() => page.getByTestId('replay-start').click())
  check(kind === 'success', `replay started again: ${text}`)
  await page.getByTestId('nav-live').click()
  const follow = page.locator('[data-testid="feed-row"][data-type="follow"]', { hasText: 'Alice' }).first()
  await follow.waitFor()
  check(true, `replayed follow in the feed: "${(await follow.innerText()).replace(/\s+/g, ' ').trim()}"`)
  await page.waitForFunction(
    () => new Set([...document.querySelectorAll('[data-testid="feed-row"]')].map((r) => r.getAttribute('data-type'))).size >= 5,
  )
  const types = await page.$$eval('[data-testid="feed-row"]', (rows) => [...new Set(rows.map((r) => r.getAttribute('data-type')))])
  check(types.length >= 5, `replayed event types in the feed: ${types.join(', ')}`)
  const hostile = await page.$$eval('[data-testid="feed-row"] img[src="x"]', (imgs) => imgs.length)
  check(hostile === 0, 'hostile chat text from the capture is shown as text, not HTML')

  // 5. Connect with no internet: a clear failure, not a blank.
  await openConnectionPage()
  await page.getByTestId('conn-target').fill('@nobody_e2e')
  await page.getByTestId('conn-connect').click()
  await page.waitForFunction(
    () => ['reconnecting', 'error'].includes(document.querySelector('[data-testid="conn-state"]')?.getAttribute('data-state') ?? ''),
    undefined,
    { timeout: failTimeout },
  )
  const problem = page.getByTestId('conn-problem')
  await problem.waitFor({ timeout: failTimeout })
  const state = await page.getByTestId('conn-state').getAttribute('data-state')
  const label = (await page.getByTestId('conn-state-label').innerText()).trim()
  const who = (await page.getByTestId('conn-who').innerText()).trim()
  const title = (await page.getByTestId('conn-problem-title').innerText()).trim()
  const code = (await page.getByTestId('conn-code').innerText()).trim()
  const reason = (await page.getByTestId('conn-problem-reason').innerText()).trim()
  check(state === 'reconnecting' || state === 'error', `state pill: ${state} "${label}" ${who}`)
  check(who === '@nobody_e2e', 'the pill names the target')
  check(title.length > 0 && code.length > 0 && code !== 'unknown', `problem: ${title} [${code}]`)
  check(reason.length > 10, `reason shown: "${reason}"`)
  const header = page.getByTestId('connection-state')
  await page.waitForFunction(() => ['reconnecting', 'error'].includes(document.querySelector('[data-testid="connection-state"]')?.getAttribute('data-state') ?? ''))
  const headerReason = (await page.getByTestId('connection-reason').innerText()).trim()
  check(headerReason.length > 0, `header pill: ${await header.getAttribute('data-state')} "${headerReason}"`)
  const failedRows = page.locator('[data-testid="source-row"][data-state="failed"], [data-testid="source-row"][data-state="cooldown"]')
  await failedRows.first().waitFor()
  const sourceReason = (await failedRows.first().getByTestId('source-reason').innerText()).trim()
  check(sourceReason.length > 0, `a failed source says why: "${sourceReason}"`)
  check(
    (await page.locator('[data-testid="source-row"][data-name="tikfinity"]').getAttribute('data-state')) === 'off',
    'the switched-off source is not tried',
  )
  await page.locator('[data-testid="timeline-row"]').first().waitFor()
  const timelineTop = (await page.locator('[data-testid="timeline-row"]').first().innerText()).replace(/\s+/g, ' ').trim()
  check(/Reconnecting|failed/i.test(timelineTop), `timeline, newest first: "${timelineTop}"`)
  await page.screenshot({ path: shot.replace(/(\.png)?$/, '-failing.png') })

  // 6. Disconnect.
  ;[kind, text] = await toastAfter(() => page.getByTestId('conn-disconnect').click())
  check(kind === 'success', `disconnect: ${text}`)
  await page.waitForFunction(() => document.querySelector('[data-testid="conn-state"]')?.getAttribute('data-state') === 'disconnected')
  check((await getJSON('/api/connection')).state === 'disconnected', 'GET /api/connection says disconnected')
  check(await page.getByTestId('conn-disconnect').isDisabled(), 'Disconnect is disabled once disconnected')
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="timeline-row"]')].some((r) => r.getAttribute('data-state') === 'disconnected'))
  check(true, 'the timeline shows the disconnect')

  check(pageErrors.length === 0, `no page errors${pageErrors.length ? `: ${pageErrors.join(' | ')}` : ''}`)
  // Tall enough for the whole page (it scrolls inside its own container).
  await page.setViewportSize({ width: 1440, height: 1500 })
  await page.screenshot({ path: shot })
  console.log(`screenshot: ${shot}`)
} catch (err) {
  failed = true
  console.error(`not ok - ${err instanceof Error ? err.message : String(err)}`)
  const failShot = shot.replace(/(\.png)?$/, '-failure.png')
  await page.screenshot({ path: failShot, fullPage: true }).catch(() => {})
  console.error(`failure screenshot: ${failShot}`)
} finally {
  await browser.close()
}
process.exit(failed ? 1 : 0)
