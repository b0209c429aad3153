// Newcomer UX checks against a running LTTH listener (the real Go backend):
//   - Flows: the template gallery opens "Thank big gifters" in the editor,
//     unsaved; screen and animation are dropdowns of what the alert overlay
//     has; top-gifter places only show with the top-gifter role, a chat
//     trigger's text only when it matches something; Save and
//     Test stay on screen together at every width while the editor scrolls;
//     Test from the action bar dry-runs; after saving, a real gift's run
//     names who sent it;
//   - Goals: the Step field shows in Create for "raise by a step"; reaching
//     a goal shows a banner on /overlay/goal.html before it rolls over;
//   - Replay: "Open a file…" picks a capture through the browser's file
//     chooser, uploads it to POST /api/captures and it is listed;
//   - Connection: "Advanced" closed for a beginner, opened by itself when an
//     advanced setting needs attention (an unconfirmed browser path);
//   - Sidebar badges follow a profile switch (Goals count).
//
//   LTTH_URL=… LTTH_TOKEN=… LTTH_CAPTURE=backend/tiktok/testdata/session.capture node tests/ux.e2e.mjs
//
// Point it at a throwaway data dir: it creates flows, goals, a profile and a capture.

import { chromium } from 'playwright-core'
import { check, launchChromium } from './harness.mjs'

const base = (process.env.LTTH_URL ?? '').replace(/\/+$/, '')
const token = process.env.LTTH_TOKEN ?? ''
const capture = process.env.LTTH_CAPTURE ?? ''
const timeout = Number(process.env.LTTH_E2E_TIMEOUT ?? 15000)
if (!base || !token || !capture) {
  console.error('set LTTH_URL, LTTH_TOKEN and LTTH_CAPTURE')
  process.exit(2)
}

/** @param {string} method @param {string} path @param {unknown} [body] */
async function rest(method, path, body) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await res.text()
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`)
  return text ? JSON.parse(text) : null
}

const stamp = Date.now() % 1_000_000
/** @param {string} nick @param {string} uid @param {number} coins */
const gift = (nick, uid, coins) => ({
  type: 'gift',
  id: `${Date.now()}${Math.floor(Math.random() * 1000)}`,
  ts: Date.now(),
  userId: uid,
  uniqueId: uid,
  nickname: nick,
  giftId: 5655,
  giftName: 'Rose',
  diamondCount: coins,
  repeatCount: 1,
  coins,
})

const browser = await launchChromium()
const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
const page = await context.newPage()
page.setDefaultTimeout(timeout)
/** @type {string[]} */
const pageErrors = []
page.on('pageerror', (err) => pageErrors.push(String(err)))

/** Both elements fully inside the window. @param {string[]} ids */
function allInView(ids) {
  return page.evaluate((ids) => {
    return ids.every((id) => {
      const el = document.querySelector(`[data-testid="${id}"]`)
      if (!el) return false
      const r = el.getBoundingClientRect()
      return r.width > 0 && r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth
    })
  }, ids)
}

async function flowsSection() {
  await page.getByTestId('nav-flows').click()
  await page.getByTestId('page-flows').waitFor()
  const before = (await rest('GET', '/api/flows')).length

  // The gallery opens a template in the editor, not saved.
  await page.getByTestId('flow-templates-open').click()
  await page.locator('[data-testid="flow-template"]').first().waitFor()
  const count = await page.locator('[data-testid="flow-template"]').count()
  check(count >= 8, `template gallery lists ${count} flows`)
  await page.locator('[data-testid="flow-template"][data-id="thank-big-gifters"]').click()
  await page.getByTestId('flow-editor').waitFor()
  check((await page.getByTestId('flow-name-input').inputValue()) === 'Thank big gifters', 'the template opens in the editor with its name')
  const gcard = page.locator('[data-testid="flow-card-trigger"][data-type="tiktok.gift"]')
  check((await gcard.getByTestId('field-minCoins').inputValue()) === '100', 'pre-filled: gifts of 100 coins or more')
  check((await page.getByTestId('flow-state').innerText()).includes('not saved'), 'the template flow is not saved yet')
  check((await rest('GET', '/api/flows')).length === before, 'nothing stored until the streamer saves')

  // Screen and animation are dropdowns of what the overlay has.
  const acard = page.locator('[data-testid="flow-card-action"][data-type="alert.show"]')
  const anim = acard.getByTestId('field-animation')
  check((await anim.evaluate((el) => el.tagName)) === 'SELECT', 'animation is a dropdown')
  const animOpts = await anim.locator('option').evaluateAll((os) => os.map((o) => /** @type {HTMLOptionElement} */ (o).value))
  check(animOpts.join(',') === 'pop,fade,slide,slide-up,bounce,zoom,drop', `animations offered: ${animOpts.join(', ')}`)
  check((await anim.inputValue()) === 'bounce', "the template's animation is selected")
  const screen = acard.getByTestId('field-screen')
  check((await screen.evaluate((el) => el.tagName)) === 'SELECT', 'screen is a dropdown')
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="field-screen"] option')].some((o) => /** @type {HTMLOptionElement} */ (o).value === 'main'))
  check((await screen.inputValue()) === 'main', 'screen "main" (the default) is offered and chosen')

  // Fields that do not apply stay hidden: top-gifter places need the role.
  await page.getByTestId('trigger-list').getByTestId('add-trigger').last().selectOption('tiktok.command')
  const ccard = page.locator('[data-testid="flow-card-trigger"][data-type="tiktok.command"]')
  check((await ccard.getByTestId('field-topN').count()) === 0, 'no top-gifter places without the top-gifter role')
  await ccard.locator('label.chip').filter({ has: page.locator('input[data-value="topGifter"]') }).click()
  check((await ccard.getByTestId('field-topN').count()) === 1, 'top-gifter places shown once the role is picked')
  await ccard.getByTestId('element-remove').click()
  await page.waitForFunction(() => !document.querySelector('[data-testid="flow-card-trigger"][data-type="tiktok.command"]'))
  await page.getByTestId('trigger-list').getByTestId('add-trigger').last().selectOption('tiktok.chat')
  const chat = page.locator('[data-testid="flow-card-trigger"][data-type="tiktok.chat"]')
  check((await chat.getByTestId('field-text').count()) === 0, 'a chat trigger matching any message asks for no text')
  await chat.getByTestId('field-match').selectOption('contains')
  check((await chat.getByTestId('field-text').count()) === 1, 'the text to match shows once "contains" is picked')
  await chat.getByTestId('element-remove').click()
  await page.waitForFunction(() => !document.querySelector('[data-testid="flow-card-trigger"][data-type="tiktok.chat"]'))

  // Save and Test together on screen at every width, wherever the editor is scrolled.
  for (const width of [1024, 1280, 1366, 1440, 1920]) {
    await page.setViewportSize({ width, height: 700 })
    await page.evaluate(() => document.querySelector('.page')?.scrollTo(0, 1e6))
    await page.waitForTimeout(150)
    check(await allInView(['flow-save', 'flow-test-bar']), `${width}px, scrolled down: Save and Test both on screen`)
  }
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.getByTestId('flow-test-bar').click()
  await page.getByTestId('flow-test-trace').waitFor()
  check(Boolean(await page.getByTestId('flow-test-trace').getAttribute('data-status')), `Test in the action bar dry-runs: ${(await page.getByTestId('trace-headline').first().innerText()).trim()}`)

  // Saved, a real gift runs it and the run history names the gifter.
  const flowName = `Big gifts ${stamp}`
  await page.getByTestId('flow-name-input').fill(flowName)
  await page.getByTestId('flow-save').click()
  await page.locator(`[data-testid="flow-row"][data-name="${flowName}"]`).waitFor()
  await rest('POST', '/api/simulate', gift('Big Gifter', `biggifter${stamp}`, 150))
  const who = page.getByTestId('flow-run-who').first()
  for (let i = 0; i < 20 && !(await who.count()); i++) {
    await page.getByTestId('flow-runs-refresh').click()
    await page.waitForTimeout(250)
  }
  const whoText = (await who.innerText()).trim()
  check(whoText === `Big Gifter (@biggifter${stamp})`, `the run names who triggered it: ${whoText}`)
}

async function goalsSection() {
  await page.getByTestId('nav-goals').click()
  await page.getByTestId('page-goals').waitFor()
  await page.getByTestId('goal-new').click()
  check((await page.getByTestId('goal-form-increment').count()) === 0, 'no Step field while the goal just stays full')
  await page.getByTestId('goal-form-onreach').selectOption('add')
  await page.getByTestId('goal-form-increment').waitFor()
  check(await page.getByTestId('goal-form-increment').isVisible(), 'Create shows the Step field for "raise by a step"')
  await page.keyboard.press('Escape')

  const g = await rest('POST', '/api/goals', { name: `Party ${stamp}`, kind: 'coins', target: 50, onReach: 'add', increment: 50 })
  const overlay = await context.newPage()
  await overlay.goto(`${base}/overlay/goal.html?id=${encodeURIComponent(g.id)}`)
  await overlay.waitForFunction(() => document.querySelector('.track .count')?.textContent === '0 / 50')
  await rest('POST', '/api/simulate', gift('Goal Getter', `goalgetter${stamp}`, 60))
  await overlay.waitForFunction(() => {
    const b = document.querySelector('#celebrate.on')
    return b !== null && getComputedStyle(b).display !== 'none' && /Goal reached!/.test(b.textContent ?? '')
  })
  check(true, 'reaching the goal shows a "Goal reached!" banner on the goal overlay')
  check((await overlay.locator('.fill').evaluate((el) => /** @type {HTMLElement} */ (el).style.width)) === '100%', 'the goal is shown full meanwhile')
  await overlay.waitForFunction(() => !document.querySelector('#celebrate.on') && document.querySelector('.track .count')?.textContent === '60 / 100', null, { timeout: 10000 })
  check(true, 'then the banner goes and the goal rolls over to 60 / 100')
  await overlay.close()
  return g.id
}

async function connectionSection() {
  await page.getByTestId('nav-connection').click()
  await page.getByTestId('conn-target').waitFor()
  check((await page.getByTestId('conn-advanced').getAttribute('data-open')) === 'false', 'Advanced is closed for a beginner')
  await page.getByTestId('conn-advanced-toggle').click()

  // Replay: the file chooser, uploaded and listed.
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('capture-upload').click()])
  await chooser.setFiles(capture)
  await page.waitForFunction(() => /** @type {HTMLSelectElement | null} */ (document.querySelector('[data-testid="replay-path"]'))?.value.startsWith('session'))
  const picked = await page.getByTestId('replay-path').inputValue()
  const listed = (await rest('GET', '/api/captures')).map((/** @type {{name: string}} */ c) => c.name)
  check(listed.includes(picked), `the picked file is uploaded and listed: ${picked}`)

  // An advanced setting that needs attention opens the section by itself.
  await rest('PUT', '/api/connection/settings', { browserPath: '/usr/bin/chromium' })
  await page.getByTestId('nav-live').click()
  await page.getByTestId('nav-connection').click()
  await page.getByTestId('conn-advanced-why').waitFor()
  check((await page.getByTestId('conn-advanced').getAttribute('data-open')) === 'true', 'Advanced opened by itself for the unconfirmed browser path')
  check(await page.getByTestId('browser-path-state').isVisible(), 'and the browser path is in view to confirm')
  await rest('PUT', '/api/connection/settings', { browserPath: '' })
}

/** @param {string} goalId */
async function badgesSection(goalId) {
  const badge = () => page.getByTestId('nav-goals').locator('.badge')
  const goals = (await rest('GET', '/api/goals')).length
  await page.waitForFunction((n) => document.querySelector('[data-testid="nav-goals"] .badge')?.textContent === String(n), goals)
  check(true, `Goals badge shows ${goals}`)
  const active = (await rest('GET', '/api/profiles')).find((/** @type {{name: string, active: boolean}} */ p) => p.active).name
  const other = `ux-${stamp}`
  await rest('POST', '/api/profiles', { name: other })
  await rest('POST', `/api/profiles/${other}/activate`)
  await page.waitForFunction(() => !document.querySelector('[data-testid="nav-goals"] .badge'))
  check((await badge().count()) === 0, 'after switching to an empty profile the Goals badge is gone')
  await rest('POST', `/api/profiles/${encodeURIComponent(active)}/activate`)
  await page.waitForFunction((n) => document.querySelector('[data-testid="nav-goals"] .badge')?.textContent === String(n), goals)
  check(true, `back on "${active}": the badge shows ${goals} again`)
  await rest('DELETE', `/api/goals/${encodeURIComponent(goalId)}`)
}

let failed = false
try {
  await page.goto(`${base}/dashboard/#token=${encodeURIComponent(token)}`, { waitUntil: 'domcontentloaded' })
  await page.locator('nav.sidebar a').first().waitFor()
  await flowsSection()
  const goalId = await goalsSection()
  await connectionSection()
  await badgesSection(goalId)
  check(pageErrors.length === 0, `no page errors${pageErrors.length ? `: ${pageErrors.join('; ')}` : ''}`)
} catch (err) {
  failed = true
  console.error(`not ok - ${err instanceof Error ? err.message : String(err)}`)
  await page.screenshot({ path: process.env.LTTH_SHOT ?? 'ux-e2e.png' }).catch(() => {})
} finally {
  await browser.close()
}
process.exit(failed ? 1 : 0)
