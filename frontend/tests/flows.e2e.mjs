// End-to-end check of the Flows page against a running LTTH listener (the
// real Go backend: the fake listener has no flow engine):
//   - builds a flow in the form editor: trigger "Gift" (min 10 coins),
//     condition "Cooldown" (30 s per viewer), action "Show alert"
//     ("{nickname} thanks!"); saves it; checks the stored document;
//   - shows a server validation error next to the step (JSON tab), reverts;
//   - switches it off and on from the list;
//   - runs "Test with sample event" and reads the dry-run trace;
//   - sends a real gift through POST /api/simulate and finds the run in
//     "Recent runs" (a second gift from the same viewer: rejected by the
//     cooldown, with the reason);
//   - adds and deletes a variable;
//   - exports all flows, deletes the flow, imports the export, compares;
//   - deletes it again; saves a screenshot.
//
//   LTTH_URL=http://127.0.0.1:3000 LTTH_TOKEN=… LTTH_SHOT=/tmp/flows.png node tests/flows.e2e.mjs
//
// Point it at a throwaway data dir: it creates and deletes a flow and a variable.

import { check, launchChromium } from './harness.mjs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const base = (process.env.LTTH_URL ?? '').replace(/\/+$/, '')
const token = process.env.LTTH_TOKEN ?? ''
const shot = process.env.LTTH_SHOT ?? 'flows-e2e.png'
const timeout = Number(process.env.LTTH_E2E_TIMEOUT ?? 15000)
if (!base || !token) {
  console.error('set LTTH_URL (e.g. http://127.0.0.1:3000) and LTTH_TOKEN')
  process.exit(2)
}

/** REST call with the bearer token. @param {string} method @param {string} path @param {unknown} [body] */
async function rest(method, path, body) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await res.text()
  return { status: res.status, body: text ? JSON.parse(text) : null }
}

/** JSON with sorted keys, for comparing documents. @param {unknown} v */
const canon = (v) =>
  JSON.stringify(v, (_k, x) => (x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => a.localeCompare(b))) : x))

const stamp = Date.now() % 1_000_000
const flowName = `E2E gift thanks ${stamp}`

/** A finished gift from one viewer, as the connector would publish it. @param {string} nick @param {string} uid */
function gift(nick, uid) {
  return {
    type: 'gift',
    id: `${Date.now()}${Math.floor(Math.random() * 1000)}`,
    ts: Date.now(),
    userId: uid,
    uniqueId: `viewer_${uid}`,
    nickname: nick,
    giftId: 5879,
    giftName: 'Doughnut',
    diamondCount: 30,
    repeatCount: 1,
    coins: 30,
    streakable: true,
  }
}

const browser = await launchChromium()
const context = await browser.newContext({ viewport: { width: 1600, height: 1000 }, acceptDownloads: true })
const page = await context.newPage()
page.setDefaultTimeout(timeout)
/** @type {string[]} */
const pageErrors = []
page.on('pageerror', (err) => pageErrors.push(String(err)))
page.on('console', (msg) => {
  if (msg.type() === 'error') console.log(`console error: ${msg.text()}`)
})
const tmp = await mkdtemp(join(tmpdir(), 'ltth-flows-e2e-'))

const row = () => page.locator(`[data-testid="flow-row"][data-name="${flowName}"]`)
const card = (/** @type {string} */ kind, /** @type {string} */ type) => page.locator(`[data-testid="flow-card-${kind}"][data-type="${type}"]`)

/** Waits for a toast of the given kind and dismisses every toast. @param {() => Promise<unknown>} action */
async function toastAfter(action) {
  const toasts = page.getByTestId('toast')
  while ((await toasts.count()) > 0) await toasts.first().getByRole('button', { name: 'Dismiss' }).click().catch(() => {})
  await action()
  const t = toasts.first()
  await t.waitFor()
  return [await t.getAttribute('data-kind'), (await t.innerText()).trim()]
}

let failed = false
let flowId = ''
try {
  await page.goto(`${base}/dashboard/#token=${encodeURIComponent(token)}`, { waitUntil: 'domcontentloaded' })
  await page.getByTestId('nav-flows').click()
  await page.getByTestId('page-flows').waitFor()
  check(true, 'Flows page opens from the sidebar')

  // 1. Build the flow in the form editor.
  await page.getByTestId('flow-new').click()
  await page.getByTestId('flow-editor').waitFor()
  flowId = (await page.getByTestId('flow-editor').getAttribute('data-id')) ?? ''
  await page.getByTestId('flow-name-input').fill(flowName)
  await page.getByTestId('flow-group-input').fill('E2E')

  await page.getByTestId('trigger-list').getByTestId('add-trigger').last().selectOption('tiktok.gift')
  await card('trigger', 'tiktok.gift').getByTestId('field-minCoins').fill('10')

  await page.getByTestId('condition-list').getByTestId('add-condition').last().selectOption('cooldown')
  const cooldown = card('condition', 'cooldown')
  await cooldown.getByTestId('field-seconds').fill('30')
  await cooldown.getByTestId('field-scope').selectOption('user')

  await page.getByTestId('action-list').getByTestId('add-action').last().selectOption('alert.show')
  await card('action', 'alert.show').getByTestId('field-text').fill('{nickname} thanks!')
  check((await page.getByTestId('flow-state').innerText()).includes('not saved'), 'new flow is marked as not saved')

  const [saveKind, saveText] = await toastAfter(() => page.getByTestId('flow-save').click())
  check(saveKind === 'success', `save: ${saveText}`)
  await row().waitFor()
  check(/Minimum coins 10/.test(await row().getByTestId('flow-trigger-summary').innerText()), 'list shows the trigger summary "Gift · Minimum coins 10"')
  check((await row().getAttribute('data-enabled')) === 'true', 'saved flow is on')

  const stored = await rest('GET', `/api/flows/${flowId}`)
  check(stored.status === 200, `GET /api/flows/${flowId} → 200`)
  const f = stored.body
  check(f.name === flowName && f.group === 'E2E' && f.status.valid === true, 'stored name, group, valid')
  check(canon(f.triggers) === canon([{ type: 'tiktok.gift', config: { minCoins: 10 } }]), `trigger stored: ${JSON.stringify(f.triggers)}`)
  check(canon(f.conditions) === canon([{ type: 'cooldown', config: { seconds: 30, scope: 'user' } }]), `condition stored: ${JSON.stringify(f.conditions)}`)
  check(canon(f.actions) === canon([{ type: 'alert.show', config: { text: '{nickname} thanks!' } }]), `action stored (defaults left to the engine): ${JSON.stringify(f.actions)}`)

  // 2. A server validation error shows next to the step; revert.
  await page.getByTestId('flow-tab-json').click()
  const json = page.getByTestId('flow-json')
  const text = await json.inputValue()
  check(text.includes('"tiktok.gift"') && text.includes('"{nickname} thanks!"'), 'JSON tab shows the flow')
  await json.fill(text.replace('"minCoins"', '"minCoinz"'))
  const [badKind] = await toastAfter(() => page.getByTestId('flow-save').click())
  check(badKind === 'error', 'saving an unknown config field is refused')
  await page.getByTestId('flow-errors').waitFor()
  await page.getByTestId('flow-tab-form').click()
  const stepErr = card('trigger', 'tiktok.gift').getByTestId('element-errors')
  check(/unknown config field "minCoinz"/.test(await stepErr.innerText()), `error shown on the trigger: "${(await stepErr.innerText()).trim()}"`)
  await page.getByTestId('flow-revert').click()
  await page.getByTestId('flow-errors').waitFor({ state: 'detached' })
  check((await page.getByTestId('flow-state').innerText()).trim() === 'on', 'revert restores the saved flow')

  // 3. Toggle from the list.
  await row().getByTestId('flow-toggle').click()
  await page.waitForFunction((n) => document.querySelector(`[data-testid="flow-row"][data-name="${n}"]`)?.getAttribute('data-enabled') === 'false', flowName)
  check((await rest('GET', `/api/flows/${flowId}`)).body.enabled === false, 'switched off (backend agrees)')
  await row().getByTestId('flow-toggle').click()
  await page.waitForFunction((n) => document.querySelector(`[data-testid="flow-row"][data-name="${n}"]`)?.getAttribute('data-enabled') === 'true', flowName)
  check((await rest('GET', `/api/flows/${flowId}`)).body.enabled === true, 'switched on again (backend agrees)')

  // 4. Test with a sample event (dry run).
  check((await page.getByTestId('sample-type').inputValue()) === 'gift', 'sample event type follows the trigger (gift)')
  await page.getByTestId('sample-nickname').fill('E2E Tester')
  await page.getByTestId('flow-test-run').click()
  const trace = page.getByTestId('flow-test-trace')
  await trace.waitFor()
  check((await trace.getAttribute('data-status')) === 'completed', `test trace: ${(await trace.getByTestId('trace-headline').innerText()).trim()}`)
  check((await trace.getByTestId('trace-trigger').getAttribute('data-matched')) === 'true', 'trace: the gift trigger matched')
  const cond = trace.getByTestId('trace-condition').first()
  check((await cond.getAttribute('data-type')) === 'cooldown' && (await cond.getAttribute('data-result')) === 'true', `trace: cooldown passed (${(await cond.innerText()).replace(/\s+/g, ' ').trim()})`)
  const act = trace.getByTestId('trace-action').first()
  check((await act.getAttribute('data-type')) === 'alert.show' && (await act.getAttribute('data-status')) === 'dryRun', 'trace: the alert action would run (dry run)')
  const note = (await act.getByTestId('trace-action-note').allInnerTexts()).join(' | ')
  check(note.includes('E2E Tester thanks!'), `trace: action says what it would do: ${note}`)

  // 5. A real gift fires it; a second one from the same viewer hits the cooldown.
  const sim = await rest('POST', '/api/simulate', gift('E2E Real', '424242'))
  check(sim.status >= 200 && sim.status < 300, `POST /api/simulate → ${sim.status}`)
  const runs = page.getByTestId('flow-runs')
  const done = runs.locator('[data-testid="flow-run"][data-status="completed"]').first()
  await done.waitFor()
  await done.getByRole('button').first().click()
  const runNote = (await done.getByTestId('trace-action-note').allInnerTexts()).join(' | ')
  check(runNote.includes('E2E Real thanks!'), `recent runs: the gift ran the flow (${runNote})`)
  await rest('POST', '/api/simulate', gift('E2E Real', '424242'))
  const rejected = runs.locator('[data-testid="flow-run"][data-status="rejected"]').first()
  await rejected.waitFor()
  check(/conditions not met/.test(await rejected.innerText()), 'recent runs: a second gift within 30 s is rejected by the cooldown')
  await rejected.getByRole('button').first().click()
  const why = await rejected.locator('[data-testid="trace-condition"][data-result="false"]').first().innerText()
  check(/cool/i.test(why), `…and says why: "${why.replace(/\s+/g, ' ').trim()}"`)

  await page.screenshot({ path: shot, fullPage: false })
  console.log(`screenshot: ${shot}`)

  // 6. Variables.
  await page.getByTestId('variable-new-name').fill(`e2eScore${stamp}`)
  await page.getByTestId('variable-new-value').fill('5')
  await page.getByTestId('variable-add').click()
  const vrow = page.locator(`[data-testid="variable-row"][data-name="e2eScore${stamp}"]`)
  await vrow.waitFor()
  check((await rest('GET', '/api/variables')).body[`e2eScore${stamp}`] === 5, 'variable added as a number')
  await vrow.getByTestId('variable-delete').click()
  await vrow.waitFor({ state: 'detached' })
  check(!(`e2eScore${stamp}` in (await rest('GET', '/api/variables')).body), 'variable deleted')

  // 7. Export, delete, import, compare.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('flow-export').click()])
  const file = join(tmp, download.suggestedFilename() || 'ltth-flows.json')
  await download.saveAs(file)
  const exported = JSON.parse(await readFile(file, 'utf8'))
  const mine = Array.isArray(exported) ? exported.find((x) => x.id === flowId) : undefined
  check(Boolean(mine) && mine.name === flowName, `export holds the flow (${download.suggestedFilename()}, ${exported.length} flows)`)

  await row().getByTestId('flow-delete').click()
  await page.getByTestId('flow-delete-confirm').click()
  await row().waitFor({ state: 'detached' })
  check((await rest('GET', `/api/flows/${flowId}`)).status === 404, 'deleted (GET → 404)')

  await page.getByTestId('flow-import').click()
  await page.getByTestId('flow-import-file').setInputFiles(file)
  await page.getByTestId('flow-import-preview').waitFor()
  await page.getByTestId('flow-import-submit').click()
  await page.getByTestId('flow-import-summary').waitFor()
  const res = page.locator(`[data-testid="flow-import-result"][data-id="${flowId}"]`)
  check((await res.getAttribute('data-enabled')) === 'true', 'import result: the flow is back, switched on')
  await page.getByTestId('flow-import-done').click()
  await row().waitFor()
  const back = (await rest('GET', `/api/flows/${flowId}`)).body
  const strip = (/** @type {any} */ x) => canon({ ...x, updatedAt: undefined, status: undefined })
  check(strip(back) === strip(mine), 'imported flow equals the exported one')

  // 8. Delete again.
  await row().getByTestId('flow-delete').click()
  await page.getByTestId('flow-delete-confirm').click()
  await row().waitFor({ state: 'detached' })
  check((await rest('GET', `/api/flows/${flowId}`)).status === 404, 'deleted again')
  flowId = ''

  check(pageErrors.length === 0, `no page errors${pageErrors.length ? `: ${pageErrors.join(' | ')}` : ''}`)
} catch (err) {
  failed = true
  console.error(`not ok - ${err instanceof Error ? err.message : String(err)}`)
  const failShot = shot.replace(/(\.png)?$/, '-failure.png')
  await page.screenshot({ path: failShot }).catch(() => {})
  console.error(`failure screenshot: ${failShot}`)
  if (flowId) await rest('DELETE', `/api/flows/${flowId}`).catch(() => {})
} finally {
  await browser.close()
  await rm(tmp, { recursive: true, force: true })
}
process.exit(failed ? 1 : 0)
