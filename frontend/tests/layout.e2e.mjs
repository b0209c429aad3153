// Layout across widths: walks every page in the sidebar at 1024, 1280, 1366,
// 1440 and 1920 px wide and fails when a page scrolls sideways, an element
// sticks out of the window, or a primary button is clipped or off screen;
// and checks the status header (long handle, alerts paused): one row from
// 1280 px up, handle and overlay URL never cut.
// Pages with an editor are also checked with the editor open (Alerts: the
// gift editor; Flows: a new flow; History: the stream comparison; Event
// search: a search with results; Overlay designer: a leaderboard).
//
//   LTTH_URL=… LTTH_TOKEN=… [LTTH_DASHBOARD=…] [LTTH_SHOT_DIR=…] [LTTH_LOCALE=de-DE] [LTTH_WIDTHS=1024] node tests/layout.e2e.mjs
//
// LTTH_LOCALE is the browser's language (the dashboard follows it while the
// language setting is "system"): German texts are longer. LTTH_WIDTHS limits
// the widths (comma-separated).
//
// LTTH_DASHBOARD overrides the dashboard address (e.g. a vite dev server).

import { launchChromium } from './harness.mjs'
import { join } from 'node:path'

const base = (process.env.LTTH_URL ?? '').replace(/\/+$/, '')
const token = process.env.LTTH_TOKEN ?? ''
const dashboard = process.env.LTTH_DASHBOARD ?? `${base}/dashboard/`
const shotDir = process.env.LTTH_SHOT_DIR ?? ''
const timeout = Number(process.env.LTTH_E2E_TIMEOUT ?? 15000)
if (!base || !token) {
  console.error('set LTTH_URL and LTTH_TOKEN')
  process.exit(2)
}

const WIDTHS = process.env.LTTH_WIDTHS ? process.env.LTTH_WIDTHS.split(',').map(Number) : [1024, 1280, 1366, 1440, 1920]
const LOCALE = process.env.LTTH_LOCALE || undefined
const HANDLE = 'creative_streamer_2026'

/** @param {string} path @param {unknown} [body] */
async function post(path, body) {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`)
}

/**
 * The status header: one row from 1280 px up, the handle and the overlay URL
 * (with its port) never cut.
 * @param {import('playwright-core').Page} page @param {number} width
 */
function headerProblems(page, width) {
  return page.evaluate(
    ({ width, handle }) => {
      const out = []
      const header = document.querySelector('[data-testid="status-header"]')
      const target = document.querySelector('[data-testid="connection-target"]')
      const url = /** @type {HTMLInputElement | null} */ (document.querySelector('[data-testid="overlay-url"]'))
      if (!header || !url) return ['no status header']
      if (width >= 1280 && header.getBoundingClientRect().height > 80) out.push(`the header takes two rows (${Math.round(header.getBoundingClientRect().height)} px)`)
      if (!target || target.textContent !== `@${handle}`) out.push(`the handle is not shown (${target?.textContent})`)
      else if (target.scrollWidth > target.clientWidth + 1 || target.getBoundingClientRect().right > (target.closest('.pill')?.getBoundingClientRect().right ?? 0)) out.push('the handle is cut')
      if (url.scrollWidth > url.clientWidth + 1) out.push(`the overlay URL is cut (${url.scrollWidth} > ${url.clientWidth})`)
      return out
    },
    { width, handle: HANDLE },
  )
}
const HEIGHT = 800

const browser = await launchChromium()

/**
 * Problems on the current page: sideways scrolling, elements past the right
 * edge of the window (unless an ancestor clips them on purpose, e.g. an
 * ellipsis), primary buttons not fully visible.
 * @param {import('playwright-core').Page} page
 */
function problems(page) {
  return page.evaluate(() => {
    /** @type {string[]} */
    const out = []
    const vw = document.documentElement.clientWidth
    /** @param {Element} el */
    const name = (el) => {
      const id = el.getAttribute('data-testid')
      const cls = typeof el.className === 'string' ? el.className.split(/\s+/).filter((c) => c && !c.startsWith('svelte-')).join('.') : ''
      const txt = (el.textContent ?? '').trim().slice(0, 30)
      return `${el.tagName.toLowerCase()}${id ? `[${id}]` : ''}${cls ? `.${cls}` : ''}${txt ? ` "${txt}"` : ''}`
    }
    /** @param {Element} el */
    const visible = (el) => {
      const r = el.getBoundingClientRect()
      const cs = getComputedStyle(el)
      return r.width > 0 && r.height > 0 && cs.visibility !== 'hidden' && cs.display !== 'none'
    }
    /** Nearest ancestor that clips horizontally (overflow-x not visible). @param {Element} el */
    const clipper = (el) => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        if (getComputedStyle(p).overflowX !== 'visible') return p
      }
      return null
    }
    if (document.documentElement.scrollWidth > vw + 1) out.push(`the page scrolls sideways (${document.documentElement.scrollWidth} > ${vw})`)
    const all = [...document.querySelectorAll('.shell *')]
    for (const el of all) {
      if (!visible(el) || el.closest('[popover], dialog')) continue
      const cs = getComputedStyle(el)
      if ((cs.overflowX === 'auto' || cs.overflowX === 'scroll') && el.scrollWidth > el.clientWidth + 1 && !el.hasAttribute('data-scroll-x')) {
        out.push(`${name(el)} scrolls sideways (${el.scrollWidth} > ${el.clientWidth})`)
      }
      const r = el.getBoundingClientRect()
      if (r.right > vw + 1 && !clipper(el)) out.push(`${name(el)} sticks out of the window (right ${Math.round(r.right)} > ${vw})`)
    }
    for (const b of document.querySelectorAll('.shell .btn.primary')) {
      if (!visible(b)) continue
      const r = b.getBoundingClientRect()
      if (r.left < -1 || r.right > vw + 1) out.push(`primary button ${name(b)} is off screen (${Math.round(r.left)}..${Math.round(r.right)})`)
      for (let p = b.parentElement; p && p !== document.body; p = p.parentElement) {
        const cs = getComputedStyle(p)
        if (cs.overflowX === 'visible') continue
        const pr = p.getBoundingClientRect()
        if (r.left < pr.left - 1 || r.right > pr.right + 1) {
          out.push(`primary button ${name(b)} is clipped by ${name(p)}`)
          break
        }
      }
    }
    return [...new Set(out)]
  })
}

/** Opens an editor where a page has one. @param {import('playwright-core').Page} page @param {string} id */
async function openEditor(page, id) {
  if (id === 'alerts') {
    const item = page.locator('[data-testid="alert-type-gift"] .pick')
    if (await item.count()) {
      await item.click()
      return 'editor'
    }
  }
  if (id === 'overlays') {
    // the overlay designer with a narrow source (a leaderboard) and custom CSS typed
    const pick = page.getByTestId('designer-overlay')
    if (await pick.count()) {
      await pick.selectOption('leaderboard-gifters')
      await page.getByTestId('designer-css').fill('#list { gap: 4px; }')
      return 'leaderboard'
    }
  }
  if (id === 'flows') {
    const add = page.getByTestId('flow-new')
    if (await add.count()) {
      await add.click()
      return 'editor'
    }
  }
  if (id === 'history') {
    await page.getByTestId('history-compare-toggle').click()
    await page.getByTestId('history-compare').waitFor()
    return 'compare'
  }
  if (id === 'events') {
    await page.getByTestId('events-search').click()
    return 'results'
  }
  return ''
}

const failures = []
// The worst case for the header: a long handle (the connection fails here,
// with no internet, and keeps it) and alerts paused.
await post('/api/connection/connect', { target: `@${HANDLE}` })
await post('/api/alerts/pause', { paused: true })
try {
  for (const width of WIDTHS) {
    const context = await browser.newContext({ viewport: { width, height: HEIGHT }, locale: LOCALE })
    const page = await context.newPage()
    page.setDefaultTimeout(timeout)
    await page.goto(`${dashboard}#token=${encodeURIComponent(token)}`, { waitUntil: 'domcontentloaded' })
    await page.locator('nav.sidebar a').first().waitFor()
    await page.getByTestId('connection-target').waitFor()
    await page.locator('[data-testid="alerts-pause"][aria-pressed="true"]').waitFor()
    const head = await headerProblems(page, width)
    if (head.length) failures.push(`${width}px header: ${head.join('; ')}`)
    console.log(`${head.length ? 'not ok' : 'ok'} - ${width}px header${head.length ? `: ${head.join('; ')}` : ''}`)
    const ids = await page.$$eval('nav.sidebar a[data-testid^="nav-"]', (as) => as.map((a) => a.getAttribute('data-testid')?.slice(4) ?? ''))
    for (const must of ['settings']) if (!ids.includes(must)) failures.push(`${width}px: the ${must} page is missing from the sidebar`)
    for (const id of ids) {
      await page.getByTestId(`nav-${id}`).click()
      await page.getByTestId(`page-${id}`).waitFor()
      await page.waitForTimeout(400)
      const states = ['']
      for (const state of states) {
        const found = await problems(page)
        const label = `${width}px ${id}${state ? ` (${state})` : ''}`
        if (found.length) failures.push(`${label}: ${found.join('; ')}`)
        console.log(`${found.length ? 'not ok' : 'ok'} - ${label}${found.length ? `: ${found.join('; ')}` : ''}`)
        if (shotDir && width === 1280) await page.screenshot({ path: join(shotDir, `layout-${width}-${id}${state ? `-${state}` : ''}.png`) })
        if (!state) {
          const opened = await openEditor(page, id)
          if (opened) {
            await page.waitForTimeout(400)
            states.push(opened)
          }
        }
      }
    }
    await context.close()
  }
} finally {
  await browser.close()
  await post('/api/alerts/pause', { paused: false }).catch(() => {})
  await post('/api/connection/disconnect').catch(() => {})
}
if (failures.length) {
  console.error(`\n${failures.length} layout problem(s):\n${failures.join('\n')}`)
  process.exit(1)
}
console.log('layout ok at every width')
