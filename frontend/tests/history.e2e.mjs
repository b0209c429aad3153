// e2e pass over the History, Event search and Viewers pages and the live
// feed's viewer card against a running listener: a simulated stream (five
// minutes of viewers, chat, one big gift that reaches a goal, and a
// connection gap) and an older, shorter one are posted to /api/simulate;
// the History page (simulated streams) lists them, draws the charts with
// one point per minute and markers for the big gift, the goal and the gap;
// the comparison shows both streams' figures with deltas and overlaid
// charts; the event search with a coin range keeps only gifts in it and a
// name opens the viewer card; the Viewers page searches, sorts and links
// the points overlay; a name in the live feed opens the viewer card; the
// pages hold at 1024/1280/1366/1920 px (no horizontal overflow).
//
//   LTTH_URL=… LTTH_TOKEN=… [LTTH_SHOT_DIR=…] node tests/history.e2e.mjs

import { base, token, shotDir, check, launchChromium } from './harness.mjs'

/** @param {string} method @param {string} path @param {unknown} [body] */
async function call(method, path, body) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`)
  return res.status === 204 ? null : res.json()
}

/** @param {Record<string, unknown>} e */
async function simulate(e) {
  const res = await fetch(`${base}/api/simulate`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(e),
  })
  if (res.status >= 300) throw new Error(`simulate ${e.type}: ${res.status} ${await res.text()}`)
}

// A stream far in the past so it is the only one of its hour; any simulated
// stream other suites left open is closed first. The big gift reaches a
// goal made for this test; a drop and reconnect to the same room is a gap.
const t0 = Date.UTC(2026, 0, 5, 20, 0, 0)
const user = { userId: '900001', uniqueId: 'e2e_fan', nickname: 'E2E Fan' }
await simulate({ type: 'streamEnd', ts: t0 - 2 * 86_400_000 })
/** @type {{id: string}} */
const goal = await call('POST', '/api/goals', { name: 'E2E coins', kind: 'coins', target: 1000 })
await simulate({ type: 'connected', ts: t0, roomId: 'e2e-room', uniqueId: 'e2e_host' })
for (let m = 0; m < 5; m++) {
  await simulate({ type: 'viewers', ts: t0 + m * 60000 + 1000, viewerCount: 100 + m * 10 })
  await simulate({ type: 'chat', ts: t0 + m * 60000 + 2000, ...user, comment: `hello ${m}` })
}
await simulate({ type: 'gift', ts: t0 + 2 * 60000 + 5000, ...user, giftId: 5655, giftName: 'Universe', diamondCount: 5000, repeatCount: 1 })
await simulate({ type: 'gift', ts: t0 + 2 * 60000 + 6000, ...user, giftId: 5655, giftName: 'Rose', diamondCount: 1, repeatCount: 1 })
await simulate({ type: 'disconnected', ts: t0 + 3 * 60000 + 10000, roomId: 'e2e-room', uniqueId: 'e2e_host', reason: 'e2e drop' })
await simulate({ type: 'connected', ts: t0 + 3 * 60000 + 40000, roomId: 'e2e-room', uniqueId: 'e2e_host' })
await simulate({ type: 'streamEnd', ts: t0 + 4 * 60000 + 30000 })
// An older, shorter stream to compare with.
const t1 = t0 - 86_400_000
await simulate({ type: 'connected', ts: t1, roomId: 'e2e-room-b', uniqueId: 'e2e_host' })
for (let m = 0; m < 3; m++) {
  await simulate({ type: 'viewers', ts: t1 + m * 60000 + 1000, viewerCount: 50 + m })
  await simulate({ type: 'chat', ts: t1 + m * 60000 + 2000, ...user, comment: `earlier ${m}` })
}
await simulate({ type: 'streamEnd', ts: t1 + 3 * 60000 })
await call('DELETE', `/api/goals/${goal.id}`)
/** @type {{id: number, startedAt: number}[]} */
const simStreams = await call('GET', '/api/streams?simulated=1')
const streamA = simStreams.find((s) => s.startedAt === t0)
const streamB = simStreams.find((s) => s.startedAt === t1)
if (!streamA || !streamB) throw new Error(`simulated streams not found: ${JSON.stringify(simStreams)}`)

const browser = await launchChromium()
const page = await browser.newPage({ viewport: { width: 1366, height: 900 } })
page.setDefaultTimeout(15000)
/** @type {string[]} */
const pageErrors = []
page.on('pageerror', (err) => pageErrors.push(String(err)))
let failed = false
try {
  await page.goto(`${base}/dashboard/#token=${encodeURIComponent(token)}`, { waitUntil: 'domcontentloaded' })
  await page.getByRole('link', { name: /History/ }).first().click()
  await page.getByTestId('history-simulated').check()
  await page.locator(`[data-testid="history-stream"][data-stream-id="${streamA.id}"]`).click()
  await page.locator('[data-testid="history-detail"] h2', { hasText: `Stream ${streamA.id} ` }).waitFor()
  const coins = page.getByTestId('chart-coins')
  await coins.waitFor()
  check((await coins.getAttribute('data-points')) === '5', 'coins chart has one point per minute (5)')
  check((await coins.getAttribute('data-marker-kinds')) === 'bigGift gap goal', `big-gift, goal and gap markers on the chart (${await coins.getAttribute('data-marker-kinds')})`)
  check(Number(await coins.getAttribute('data-markers')) === 3, 'one marker each (the 1-coin gift has none)')
  check((await page.locator('[data-testid="history-markers"] li[data-kind="goal"]', { hasText: 'E2E coins' }).count()) === 1, 'the goal marker names the goal')
  check((await page.locator('[data-testid="history-markers"] li[data-kind="gap"]', { hasText: 'e2e drop' }).count()) === 1, 'the gap marker gives the reason')
  check((await page.locator('[data-testid="chart-viewers"] canvas').count()) === 1, 'viewers chart drawn on a canvas')
  check((await page.locator('.charts figure').count()) === 5, 'five charts share the stream time axis')
  for (const w of [1024, 1280, 1366, 1920]) {
    await page.setViewportSize({ width: w, height: 900 })
    await page.waitForTimeout(150)
    const over = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
    check(over <= 0, `History holds at ${w} px`)
    if (shotDir && w === 1366) await page.screenshot({ path: `${shotDir}/history-${w}.png` })
  }
  await page.setViewportSize({ width: 1366, height: 900 })

  // Compare: both streams' figures with B - A, charts overlaid on minutes.
  await page.getByTestId('history-compare-toggle').click()
  await page.getByTestId('compare-a').selectOption(String(streamA.id))
  await page.getByTestId('compare-b').selectOption(String(streamB.id))
  const figs = page.getByTestId('compare-figures')
  await figs.locator('th', { hasText: `B · #${streamB.id}` }).waitFor()
  const chat = (await figs.locator('tr[data-figure="chatMessages"] td').allTextContents()).map((t) => t.trim())
  check(JSON.stringify(chat) === JSON.stringify(['5', '3', '-2']), `compare shows both streams' chat and the delta (${chat})`)
  const cmpViewers = page.getByTestId('compare-chart-viewers')
  await cmpViewers.waitFor()
  check((await cmpViewers.getAttribute('data-points')) === '5', 'compare charts span the longer stream in minutes')
  check((await page.locator('[data-testid="history-compare"] canvas').count()) === 5, 'five overlaid comparison charts')
  for (const w of [1024, 1920]) {
    await page.setViewportSize({ width: w, height: 900 })
    await page.waitForTimeout(150)
    const over = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
    check(over <= 0, `History compare holds at ${w} px`)
    if (shotDir && w === 1024) await page.screenshot({ path: `${shotDir}/history-compare-${w}.png` })
  }
  await page.setViewportSize({ width: 1366, height: 900 })

  // Event search: a coin range keeps only gifts within it; a name opens the card.
  await page.getByTestId('nav-events').click()
  await page.getByTestId('events-min-coins').fill('1000')
  await page.getByTestId('events-max-coins').fill('10000')
  await page.getByTestId('events-search').click()
  const rows = page.getByTestId('event-row')
  await rows.first().waitFor()
  const coinsShown = (await page.getByTestId('event-row-coins').allTextContents()).map((t) => Number(t.replace(/\D/g, '')))
  const types = await rows.evaluateAll((rs) => rs.map((r) => r.getAttribute('data-type')))
  check(coinsShown.length > 0 && coinsShown.every((c) => c >= 1000 && c <= 10000) && types.every((t) => t === 'gift'),
    `coin range keeps only gifts of 1000-10000 coins (${coinsShown})`)
  check(coinsShown.includes(5000), 'the 5000-coin gift is found')
  await rows.first().getByTestId('event-row-user').click()
  const card = page.getByTestId('viewer-card-dialog')
  await card.getByText('E2E Fan').first().waitFor()
  check(await card.isVisible(), 'clicking a name in the search opens the viewer card')
  await card.getByRole('button', { name: 'Close' }).click()
  for (const w of [1024, 1920]) {
    await page.setViewportSize({ width: w, height: 900 })
    await page.waitForTimeout(150)
    const over = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
    check(over <= 0, `Event search holds at ${w} px`)
  }
  await page.setViewportSize({ width: 1366, height: 900 })

  // The live feed: a viewer's name opens their card.
  await page.getByTestId('nav-live').click()
  await simulate({ type: 'chat', uniqueId: 'card_fan', nickname: 'Card Fan', userId: '900077', comment: 'open my card' })
  const who = page.getByTestId('feed-row-who').filter({ hasText: 'Card Fan' }).first()
  await who.waitFor()
  await who.click()
  await page.getByTestId('viewer-card-dialog').getByText('Card Fan').first().waitFor()
  check(true, 'clicking a name in the live feed opens the viewer card')
  await page.getByTestId('viewer-card-dialog').getByRole('button', { name: 'Close' }).click()

  await page.getByRole('link', { name: /Viewers/ }).first().click()
  await page.getByTestId('viewers-table').waitFor()
  await page.getByTestId('viewers-sort').selectOption('coins')
  await page.getByTestId('viewers-search').fill('nobody-here')
  await page.getByText('No viewers match.').waitFor()
  check(true, 'viewer search answers (simulated viewers are not in the viewer database)')
  const overlayUrl = await page.getByTestId('points-overlay-url').inputValue()
  await page.getByTestId('points-overlay-theme').selectOption('light')
  const lightUrl = await page.getByTestId('points-overlay-url').inputValue()
  check(/\/overlay\/points\.html(\?|$)/.test(overlayUrl) && lightUrl.includes('theme=light'), `points overlay URL offered (${lightUrl})`)
  const overlay = await browser.newPage()
  const res = await overlay.goto(lightUrl)
  check(res?.status() === 200 && (await overlay.locator('#title').textContent()) === 'Top points', 'the points overlay page loads')
  await overlay.close()
  // The overlay draws pointsTop messages, names as text: the feed client is
  // replaced by one that delivers a hostile nickname and then an update.
  const drawn = await browser.newPage()
  await drawn.route('**/overlay/ltth-client.js', (route) => route.fulfill({
    contentType: 'text/javascript',
    body: `window.LTTH = { connect(h) {
      const e = (n) => ({ userId: 'u' + n, uniqueId: 'fan' + n, nickname: n === 1 ? '<img src=x onerror="window.pwned=1">' : 'Fan ' + n, points: 100 - n })
      h.onMessage({ type: 'pointsTop', data: { entries: [1, 2, 3, 4].map(e) } })
      setTimeout(() => h.onMessage({ type: 'pointsTop', data: { entries: [e(2), e(1)] } }), 1500)
    } }`,
  }))
  await drawn.goto(overlayUrl.replace(/\?.*$/, '') + '?count=3')
  await drawn.locator('#list li').first().waitFor()
  const first = await drawn.locator('#list li').evaluateAll((ls) => ls.map((l) => l.textContent))
  await drawn.waitForFunction(() => document.querySelectorAll('#list li').length === 2)
  const names = await drawn.locator('#list li .name').allTextContents()
  const pwned = await drawn.evaluate(() => /** @type {any} */ (window).pwned === 1 || document.querySelector('#list img') !== null)
  check(first.length === 3 && names[0] === 'Fan 2' && names[1]?.startsWith('<img') && !pwned,
    `the points overlay shows the top ?count=3, follows updates and renders names as text (${names})`)
  await drawn.close()
  for (const w of [1024, 1280, 1366, 1920]) {
    await page.setViewportSize({ width: w, height: 900 })
    await page.waitForTimeout(150)
    const over = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
    check(over <= 0, `Viewers holds at ${w} px`)
  }
  check(pageErrors.length === 0, `no page errors ${pageErrors.join('; ')}`)
} catch (err) {
  failed = true
  console.error(err)
  if (shotDir) await page.screenshot({ path: `${shotDir}/history-failure.png` }).catch(() => {})
} finally {
  await browser.close()
}
process.exit(failed ? 1 : 0)
