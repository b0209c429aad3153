// End-to-end check of the Goals, Alerts and Leaderboards pages against a
// running LTTH listener (the real Go backend: these pages need the goal,
// alert and leaderboard modules):
//  - creates a coins goal in the UI, sends a gift with POST /api/simulate,
//    sees the value rise on the goal card and in the goal's preview iframe
//    (the real /overlay/goal.html);
//  - the gift alert's Test button shows the alert in the live preview iframe
//    (the real /overlay.html), Skip removes it, an edited template previews
//    and saves;
//  - the leaderboard lists the gifter, in the table and the preview iframe.
// Screenshots: <LTTH_SHOT> (leaderboards) plus <stem>-goals.png and <stem>-alerts.png.
//
//   LTTH_URL=http://127.0.0.1:38103 LTTH_TOKEN=… LTTH_SHOT=/tmp/widgets.png node tests/widgets.e2e.mjs
//
// Exit code 0 on success; on failure prints the reason and saves <stem>-failure.png.

import { chromium } from 'playwright-core'
import { check } from './harness.mjs'

const base = (process.env.LTTH_URL ?? '').replace(/\/+$/, '')
const token = process.env.LTTH_TOKEN ?? ''
const shot = process.env.LTTH_SHOT ?? 'widgets-e2e.png'
const stem = shot.replace(/\.png$/, '')
const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium'
const timeout = Number(process.env.LTTH_E2E_TIMEOUT ?? 15000)

if (!base || !token) {
  console.error('set LTTH_URL (e.g. http://127.0.0.1:38103) and LTTH_TOKEN')
  process.exit(2)
}

/** POST a JSON body to the listener with the API token. @param {string} path @param {unknown} body */
async function post(path, body) {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })
  const text = await res.text()
  if (!res.ok) throw new Error(`POST ${path}: ${res.status} ${text}`)
  return text ? JSON.parse(text) : null
}

/** GET with the token (reads of profile data need it). @param {string} path */
async function getJSON(path) {
  const res = await fetch(`${base}${path}`, { headers: { Authorization: `Bearer ${token}` } })
  if (!res.ok) throw new Error(`GET ${path}: ${res.status}`)
  return res.json()
}

const browser = await chromium.launch({
  executablePath,
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
})
const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
page.setDefaultTimeout(timeout)
/** @type {string[]} */
const pageErrors = []
page.on('pageerror', (err) => pageErrors.push(String(err)))
page.on('console', (msg) => {
  if (msg.type() === 'error') console.log(`console error: ${msg.text()}`)
})

/** Waits for the newest toast after an action and returns [kind, text]. @param {() => Promise<unknown>} action */
async function toastAfter(action) {
  const toasts = page.getByTestId('toast')
  while ((await toasts.count()) > 0) await toasts.first().getByRole('button', { name: 'Dismiss' }).click()
  await action()
  const t = toasts.first()
  await t.waitFor()
  return [await t.getAttribute('data-kind'), (await t.innerText()).trim()]
}

const run = Date.now() % 100000
const goalName = `E2E coins ${run}`
const gifter = `E2E Gifter ${run}`

let failed = false
try {
  await page.goto(`${base}/dashboard/#token=${encodeURIComponent(token)}`, { waitUntil: 'domcontentloaded' })
  await page.waitForFunction(() => document.querySelector('[data-testid="feed-link"]')?.getAttribute('data-state') === 'open')
  check(true, 'dashboard loaded, live feed connected')
  const order = await page.locator('nav [data-testid^="nav-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')))
  const at = (/** @type {string} */ id) => order.indexOf(`nav-${id}`)
  check(at('alerts') >= 0 && at('alerts') < at('goals') && at('goals') < at('leaderboards'), `sidebar lists Alerts, Goals, Leaderboards in order (${order.join(', ')})`)

  // --- Goals: create in the UI ------------------------------------------------
  await page.getByTestId('nav-goals').click()
  await page.getByTestId('page-goals').waitFor()
  const [createKind, createText] = await toastAfter(async () => {
    await page.getByTestId('goal-new').click()
    await page.getByTestId('goal-form-name').fill(goalName)
    await page.getByTestId('goal-form-kind').selectOption('coins')
    await page.getByTestId('goal-form-target').fill('100')
    await page.getByTestId('goal-form-style').selectOption('bar')
    await page.getByTestId('goal-form-save').click()
  })
  check(createKind === 'success', `create goal toast: ${createKind} "${createText}"`)
  const card = page.locator(`[data-testid="goal-card"][data-name="${goalName}"]`)
  await card.waitFor()
  const goalId = (await card.getAttribute('data-id')) ?? ''
  check(goalId !== '', `goal card shown (id ${goalId})`)
  check((await card.getByTestId('goal-value').innerText()).trim() === '0 / 100', 'goal starts at 0 / 100')
  const overlayUrl = await card.getByTestId('goal-overlay-url').inputValue()
  check(overlayUrl === `${base}/overlay/goal.html?id=${goalId}`, `overlay URL is ${overlayUrl}`)

  const preview = page.getByTestId('goal-preview')
  check((await preview.getAttribute('src')) === overlayUrl, 'the preview iframe shows the new goal')
  const goalFrame = page.frameLocator('[data-testid="goal-preview"]')
  await goalFrame.locator('.track .count').filter({ hasText: '0 / 100' }).waitFor()
  check(true, 'preview overlay shows 0 / 100')

  // --- a gift raises it live ----------------------------------------------------
  await post('/api/simulate', {
    type: 'gift',
    userId: `e2e-${run}`,
    uniqueId: `e2e_gifter_${run}`,
    nickname: gifter,
    giftId: 5879,
    giftName: 'Doughnut',
    diamondCount: 30,
    repeatCount: 1,
  })
  await card.getByTestId('goal-value').filter({ hasText: '30 / 100' }).waitFor()
  check(true, 'goal card rose to 30 / 100 from the live feed')
  await goalFrame.locator('.track .count').filter({ hasText: '30 / 100' }).waitFor()
  const fillWidth = await goalFrame.locator('.fill').evaluate((el) => /** @type {HTMLElement} */ (el).style.width)
  check(fillWidth === '30%', `preview overlay shows 30 / 100 with the bar at ${fillWidth}`)

  // manual adjust through the card
  await card.getByTestId('goal-amount').fill('5')
  await card.getByTestId('goal-add').click()
  await card.getByTestId('goal-value').filter({ hasText: '35 / 100' }).waitFor()
  await goalFrame.locator('.track .count').filter({ hasText: '35 / 100' }).waitFor()
  check(true, '+5 by hand: 35 / 100 on the card and in the preview')
  const saved = await getJSON(`/api/goals/${encodeURIComponent(goalId)}`)
  check(saved.value === 35 && saved.kind === 'coins' && saved.target === 100, `backend agrees: ${saved.value}/${saved.target} ${saved.kind}`)
  await page.waitForTimeout(900) // let the bar transition finish for the screenshot
  await page.screenshot({ path: `${stem}-goals.png` })
  console.log(`screenshot: ${stem}-goals.png`)

  // --- Alerts: Test shows in the live preview --------------------------------------
  await page.getByTestId('nav-alerts').click()
  await page.getByTestId('alert-editor').waitFor()
  const alertFrame = page.frameLocator('[data-testid="alert-preview"]')
  await alertFrame.locator('#ltth-stage').waitFor({ state: 'attached' })
  await page.waitForFunction(() => {
    const f = /** @type {HTMLIFrameElement | null} */ (document.querySelector('[data-testid="alert-preview"]'))
    const w = /** @type {any} */ (f?.contentWindow)
    return Boolean(w?.LTTHOverlay)
  })
  // the gift above may still hold the screen: skip it so the test alert is next
  await post('/api/alerts/main/clear', {})
  const [testKind, testText] = await toastAfter(() => page.getByTestId('alert-test-gift').click())
  check(testKind === 'success', `test gift alert toast: ${testKind} "${testText}"`)
  const shown = alertFrame.locator('.ltth-alert', { hasText: 'LTTH Tester sent 10x Rose' })
  await shown.waitFor({ timeout: timeout + 8000 })
  check(true, 'the test alert shows in the live preview iframe')
  await page.waitForTimeout(700) // entry animation
  await page.screenshot({ path: `${stem}-alerts.png` })
  console.log(`screenshot: ${stem}-alerts.png`)
  await page.getByTestId('alert-skip-main').click()
  await shown.waitFor({ state: 'detached' })
  check(true, 'Skip removed it from the preview')

  // edit the template: the sample line follows, Test uses the unsaved text, Save persists it
  await page.getByTestId('alert-text').fill('{nickname} gave {coins} coins!')
  await page.getByTestId('alert-text-preview').filter({ hasText: 'LTTH Tester gave 10 coins!' }).waitFor()
  check((await page.getByTestId('alert-type-gift').getAttribute('data-dirty')) === 'true', 'the gift alert is marked unsaved')
  await page.getByTestId('alert-test').click()
  await alertFrame.locator('.ltth-alert', { hasText: 'LTTH Tester gave 10 coins!' }).waitFor({ timeout: timeout + 8000 })
  check(true, 'Test with unsaved settings shows the edited text in the preview')
  const [saveKind] = await toastAfter(() => page.getByTestId('alert-save').click())
  const cfg = await getJSON('/api/alerts/config')
  check(saveKind === 'success' && cfg.gift.text === '{nickname} gave {coins} coins!', `saved: gift alert text is now "${cfg.gift.text}"`)
  await post('/api/alerts/main/clear', {})

  // --- Leaderboards: the gifter is listed ------------------------------------------
  await page.getByTestId('nav-leaderboards').click()
  const board = page.getByTestId('leaderboard-gifters')
  const row = board.locator('[data-testid="leaderboard-row"]', { hasText: gifter })
  await row.waitFor()
  const value = (await row.getByTestId('leaderboard-value').innerText()).replace(/\D/g, '')
  check(value === '30', `top gifters (this stream) lists ${gifter} with 30 coins`)
  const lbFrame = page.frameLocator('[data-testid="leaderboard-preview"]')
  await lbFrame.locator('.row .name', { hasText: gifter }).waitFor()
  check(true, 'the leaderboard preview iframe lists the gifter')
  const lbUrl = await page.getByTestId('leaderboard-gifters-overlay-url').inputValue()
  check(lbUrl === `${base}/overlay/leaderboard.html?board=gifters&period=stream`, `leaderboard overlay URL is ${lbUrl}`)
  await page.getByTestId('leaderboard-gifters-period-all').click()
  await board.getByTestId('leaderboard-empty').waitFor()
  check(true, 'all-time board does not count the simulated gift')
  await page.getByTestId('leaderboard-gifters-period-stream').click()
  await row.waitFor()
  await page.waitForTimeout(700) // row transition in the overlay
  await page.screenshot({ path: shot })
  console.log(`screenshot: ${shot}`)

  check(pageErrors.length === 0, `no page errors${pageErrors.length ? `: ${pageErrors.join(' | ')}` : ''}`)
} catch (err) {
  failed = true
  console.error(`not ok - ${err instanceof Error ? err.message : String(err)}`)
  const failShot = `${stem}-failure.png`
  await page.screenshot({ path: failShot }).catch(() => {})
  console.error(`failure screenshot: ${failShot}`)
} finally {
  await browser.close()
}
process.exit(failed ? 1 : 0)
