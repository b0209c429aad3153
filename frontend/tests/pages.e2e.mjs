// Broader e2e pass over every dashboard page, against a running listener
// (the real one, or tests/fake-listener.mjs via tests/with-fake.mjs):
// token prompt, every test-event button, feed filter, profile lifecycle
// (create, rename, duplicate, export, import, switch, delete).
//
//   LTTH_URL=… LTTH_TOKEN=… [LTTH_SHOT=…] node tests/pages.e2e.mjs
//
// It creates and deletes profiles named e2e-*: point it at a throwaway data dir.

import { check, launchChromium } from './harness.mjs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const base = (process.env.LTTH_URL ?? '').replace(/\/+$/, '')
const token = process.env.LTTH_TOKEN ?? ''
const shot = process.env.LTTH_SHOT ?? 'pages-e2e.png'
const timeout = Number(process.env.LTTH_E2E_TIMEOUT ?? 15000)
if (!base || !token) {
  console.error('set LTTH_URL and LTTH_TOKEN')
  process.exit(2)
}

const TYPES = ['chat', 'gift', 'giftStreak', 'like', 'follow', 'share', 'join', 'subscribe', 'viewers', 'emote', 'question', 'streamEnd', 'connected', 'disconnected']

const browser = await launchChromium()
const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true })
const page = await context.newPage()
page.setDefaultTimeout(timeout)
/** @type {string[]} */
const pageErrors = []
page.on('pageerror', (err) => pageErrors.push(String(err)))
const tmp = await mkdtemp(join(tmpdir(), 'ltth-e2e-'))

/** Waits for the newest toast and returns [kind, text]. @param {() => Promise<unknown>} action */
async function toastAfter(action) {
  const toasts = page.getByTestId('toast')
  while ((await toasts.count()) > 0) await toasts.first().getByRole('button', { name: 'Dismiss' }).click()
  await action()
  const t = toasts.first()
  await t.waitFor()
  return [await t.getAttribute('data-kind'), (await t.innerText()).trim()]
}

/** @param {string} name */
const profileRow = (name) => page.locator(`[data-testid="profile-row"][data-name="${name}"]`)

let failed = false
try {
  // 1. Without a token: read-only works, the paste field appears, saving it works.
  await page.goto(`${base}/dashboard/`)
  await page.evaluate(() => localStorage.removeItem('ltth.apiToken'))
  await page.reload()
  await page.getByTestId('token-bar').waitFor()
  check(true, 'token field shown without a token')
  await page.getByTestId('token-input').fill(token)
  await page.getByTestId('token-input').press('Enter')
  await page.getByTestId('token-bar').waitFor({ state: 'detached' })
  check(true, 'token accepted from the paste field')

  // 2. Every test event type
  await page.getByTestId('nav-test-events').click()
  await page.getByTestId('viewer-nickname').fill('Pages E2E')
  for (const t of TYPES) {
    const [kind, text] = await toastAfter(() => page.getByTestId(`send-${t}`).click())
    check(kind === 'success', `send-${t}: ${text}`)
  }
  await page.getByTestId('nav-live').click()
  await page.waitForFunction(
    (n) => new Set([...document.querySelectorAll('[data-testid="feed-row"]')].map((r) => r.getAttribute('data-type'))).size >= n,
    Math.min(TYPES.length, 10),
  )
  const seen = await page.$$eval('[data-testid="feed-row"]', (rows) => [...new Set(rows.map((r) => r.getAttribute('data-type')))])
  check(seen.length >= 10, `feed shows the sent types (${seen.length} distinct in view)`)

  // 3. Filter: show only gifts
  await page.getByTestId('filter-gift').click({ modifiers: ['Alt'] })
  const onlyGifts = await page.$$eval('[data-testid="feed-row"]', (rows) => rows.every((r) => r.getAttribute('data-type') === 'gift'))
  check(onlyGifts, 'Alt+click on a type filter shows only that type')
  await page.getByTestId('filter-all').click()

  // 4. Profiles
  const a = `e2e-${Date.now() % 100000}`
  await page.getByTestId('nav-profiles').click()
  await page.getByTestId('profile-list').waitFor()
  let [kind, text] = await toastAfter(async () => {
    await page.getByTestId('profile-new').click()
    await page.getByTestId('profile-name-input').fill(a)
    await page.getByTestId('profile-name-submit').click()
  })
  check(kind === 'success' && (await profileRow(a).count()) === 1, `create: ${text}`)

  ;[kind, text] = await toastAfter(async () => {
    await profileRow(a).getByTestId('profile-rename').click()
    await page.getByTestId('profile-name-input').fill(`${a}-r`)
    await page.getByTestId('profile-name-submit').click()
  })
  await profileRow(`${a}-r`).waitFor()
  check(kind === 'success' && (await profileRow(a).count()) === 0, `rename: ${text}`)

  ;[kind, text] = await toastAfter(async () => {
    await profileRow(`${a}-r`).getByTestId('profile-duplicate').click()
    await page.getByTestId('profile-name-input').fill(`${a}-d`)
    await page.getByTestId('profile-name-submit').click()
  })
  await profileRow(`${a}-d`).waitFor()
  check(kind === 'success', `duplicate: ${text}`)

  const download = page.waitForEvent('download')
  await profileRow(`${a}-r`).getByTestId('profile-export').click()
  const dl = await download
  const file = join(tmp, dl.suggestedFilename())
  await dl.saveAs(file)
  const size = (await readFile(file)).length
  check(size > 0, `export downloaded ${dl.suggestedFilename()} (${size} bytes)`)

  ;[kind, text] = await toastAfter(async () => {
    await page.getByTestId('profile-import-file').setInputFiles(file)
    await page.getByTestId('profile-name-input').fill(`${a}-i`)
    await page.getByTestId('profile-name-submit').click()
  })
  await profileRow(`${a}-i`).waitFor()
  check(kind === 'success', `import: ${text}`)

  const previous = await page.locator('[data-testid="profile-row"][data-active="true"]').getAttribute('data-name')
  ;[kind, text] = await toastAfter(() => profileRow(`${a}-r`).getByTestId('profile-activate').click())
  await page.locator(`[data-testid="profile-row"][data-name="${a}-r"][data-active="true"]`).waitFor()
  await page.waitForFunction((n) => document.querySelector('[data-testid="current-profile"]')?.textContent === n, `${a}-r`)
  check(kind === 'success', `switch: ${text}; header shows ${a}-r`)

  if (previous) {
    await toastAfter(() => profileRow(previous).getByTestId('profile-activate').click())
    await page.locator(`[data-testid="profile-row"][data-name="${previous}"][data-active="true"]`).waitFor()
  }
  for (const n of [`${a}-r`, `${a}-d`, `${a}-i`]) {
    ;[kind, text] = await toastAfter(async () => {
      await profileRow(n).getByTestId('profile-delete').click()
      await page.getByTestId('profile-delete-confirm').click()
    })
    await profileRow(n).waitFor({ state: 'detached' })
    check(kind === 'success', `delete ${n}: ${text}`)
  }

  check(pageErrors.length === 0, `no page errors${pageErrors.length ? `: ${pageErrors.join(' | ')}` : ''}`)
  await page.screenshot({ path: shot })
  console.log(`screenshot: ${shot}`)
} catch (err) {
  failed = true
  console.error(`not ok - ${err instanceof Error ? err.message : String(err)}`)
  await page.screenshot({ path: shot.replace(/(\.png)?$/, '-failure.png') }).catch(() => {})
} finally {
  await browser.close()
  await rm(tmp, { recursive: true, force: true })
}
process.exit(failed ? 1 : 0)
