// Languages, in the browser against a running listener: the Settings page
// switches the dashboard to German at once (no reload), the choice is saved
// in the app settings and survives a reload, every page in the sidebar then
// shows no text that is an English catalogue message with a different German
// one (i.e. left untranslated), and switching back to English brings the
// English sidebar back. The flow editor is walked in German too: a flow from
// a template (trigger, condition and action cards, settings, a dry run, the
// JSON tab), saved and run (its run history), a variable and the import
// dialog — texts, titles, labels, placeholders and the block pickers' and
// select fields' options (block names, descriptions, field labels and help
// come from the registry through the catalogues' blk_ keys). The language setting is
// reset to "system" at the end; the flow and the variable are deleted.
//
//   LTTH_URL=… LTTH_TOKEN=… [LTTH_SHOT_DIR=…] node tests/i18n.e2e.mjs

import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'

const base = (process.env.LTTH_URL ?? '').replace(/\/+$/, '')
const token = process.env.LTTH_TOKEN ?? ''
const shotDir = process.env.LTTH_SHOT_DIR ?? ''
if (!base || !token) {
  console.error('set LTTH_URL and LTTH_TOKEN')
  process.exit(2)
}

// Pages whose own texts are not in the catalogues yet: their page-specific
// leftovers are printed, not failed. The shell around them is checked.
const PENDING = new Set(
  (process.env.LTTH_I18N_PENDING ??
    '')
    .split(',')
    .filter(Boolean),
)

const messages = join(dirname(fileURLToPath(import.meta.url)), '..', 'messages')
/** @param {string} l @returns {Record<string, unknown>} */
const load = (l) => JSON.parse(readFileSync(join(messages, `${l}.json`), 'utf8'))
const en = load('en')
const de = load('de')

/** Plain texts of a message (its variants for plural messages), placeholders left out. @param {unknown} v */
function texts(v) {
  if (typeof v === 'string') return [v]
  if (Array.isArray(v)) return v.flatMap((x) => Object.values(x.match ?? {}))
  return []
}
/**
 * English texts that have a different German translation, without
 * placeholders; a text that is also some German message (German "Profile" is
 * English "Profile" too) is not evidence of a missing translation.
 */
const untranslated = new Set()
const germanTexts = new Set(Object.values(de).flatMap(texts).map((t) => t.trim()))
for (const [k, v] of Object.entries(en)) {
  if (k === '$schema') continue
  const g = new Set(texts(de[k]))
  for (const t of texts(v)) if (!t.includes('{') && !g.has(t) && !germanTexts.has(t.trim())) untranslated.add(t.trim())
}

/** @param {boolean} cond @param {string} msg */
function check(cond, msg) {
  if (!cond) throw new Error(msg)
  console.log(`ok - ${msg}`)
}

/** @param {string} language */
async function putLanguage(language) {
  const h = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }
  const cur = await (await fetch(`${base}/api/settings/app`, { headers: h })).json()
  const res = await fetch(`${base}/api/settings/app`, { method: 'PUT', headers: h, body: JSON.stringify({ ...cur.settings, language }) })
  if (!res.ok) throw new Error(`PUT language: ${res.status} ${await res.text()}`)
}
async function savedLanguage() {
  const res = await fetch(`${base}/api/settings/app`, { headers: { Authorization: `Bearer ${token}` } })
  return (await res.json()).settings.language
}

/** Visible text nodes of the page, trimmed. @param {import('playwright-core').Page} page */
function visibleTexts(page) {
  return page.evaluate(() => {
    const out = []
    const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {
      const t = (n.textContent ?? '').trim()
      const el = n.parentElement
      // identifiers, not words; [data-backend]: texts the backend supplies as they are (run reasons, aliases)
      if (!t || !el || el.closest('script, style, option, code, kbd, .mono, [data-backend]')) continue
      if (!el.checkVisibility({ visibilityProperty: true, opacityProperty: false })) continue
      out.push({ text: t, where: el.closest('main') ? 'page' : 'shell' })
    }
    return out
  })
}

/**
 * Titles, accessible names and placeholders of the visible elements under the
 * given roots (options, checked by selectTexts, and [data-backend] left out).
 * @param {import('playwright-core').Page} page @param {string} roots
 */
function visibleAttributes(page, roots) {
  return page.evaluate((sel) => {
    const out = []
    for (const root of document.querySelectorAll(sel)) {
      for (const el of root.querySelectorAll('[title], [aria-label], [placeholder]')) {
        if (el.closest('option, code, .mono, [data-backend]') || !el.checkVisibility({ visibilityProperty: true, opacityProperty: false })) continue
        for (const a of ['title', 'aria-label', 'placeholder']) {
          const t = (el.getAttribute(a) ?? '').trim()
          if (t) out.push({ text: t, where: a })
        }
      }
    }
    return out
  }, roots)
}

/** @param {string} path @param {RequestInit} [init] */
async function api(path, init = {}) {
  const res = await fetch(`${base}${path}`, { ...init, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' } })
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${res.status} ${await res.text()}`)
  return res
}

/**
 * Labels of the options and option groups (and the options' titles: block
 * descriptions) of the selects under the given roots: the element cards'
 * block pickers and select fields, whose texts come from the registry through
 * the catalogues (not the placeholder inserters: event field names).
 * @param {import('playwright-core').Page} page @param {string} roots
 */
function selectTexts(page, roots) {
  return page.evaluate((sel) => {
    const out = []
    for (const root of document.querySelectorAll(sel)) {
      for (const g of root.querySelectorAll('select:not(.ins) optgroup')) out.push((g.getAttribute('label') ?? '').trim())
      for (const o of root.querySelectorAll('select:not(.ins) option')) out.push((o.textContent ?? '').trim(), (o.getAttribute('title') ?? '').trim())
    }
    return out.filter(Boolean)
  }, roots)
}

const FLOW_ROOTS = 'main[data-testid="page-flows"], [data-testid="flow-import-dialog"], [data-testid="flow-templates"], [data-testid="toast"]'
const VARIABLE = 'i18nCheck'

/**
 * Walks the flow editor (German must be on): the untranslated texts found
 * on the way, and the id of the flow it saved.
 * @param {import('playwright-core').Page} page
 * @param {(id: string) => void} saved called with the flow's id before it is saved
 */
async function walkFlowEditor(page, saved) {
  /** @type {string[]} */
  const found = []
  /** @param {string} step */
  const scan = async (step) => {
    for (const t of await visibleTexts(page)) if (untranslated.has(t.text)) found.push(`${step}: "${t.text}"`)
    for (const t of await visibleAttributes(page, FLOW_ROOTS)) if (untranslated.has(t.text)) found.push(`${step} (${t.where}): "${t.text}"`)
    for (const t of await selectTexts(page, '[data-testid^="flow-card-"]')) if (untranslated.has(t)) found.push(`${step} (select): "${t}"`)
  }
  await api('/api/variables', { method: 'PUT', body: JSON.stringify({ [VARIABLE]: 5 }) })
  await page.getByTestId('nav-flows').click()
  await page.waitForSelector('main[data-testid="page-flows"]')
  await page.waitForSelector(`[data-testid="variable-row"][data-name="${VARIABLE}"]`)
  await scan('flows page')

  await page.getByTestId('flow-templates-open').click()
  await page.getByTestId('flow-templates').waitFor()
  await scan('template gallery')
  await page.locator('[data-testid="flow-template"][data-id="discord-command"]').click()
  const editor = page.getByTestId('flow-editor')
  await editor.waitFor()
  const id = (await editor.getAttribute('data-id')) ?? ''
  await page.locator('[data-testid="flow-card-action"]').first().waitFor()
  await page.locator('[data-testid="flow-settings"] details summary').click()
  await page.locator('[data-testid="flow-test-panel"] details summary').click()
  await scan('new flow from a template')
  // The registry's texts in German: the block picker, a card's description, field labels and option labels.
  const trigger = page.locator('[data-testid="flow-card-trigger"]').first()
  const picked = await trigger.getByTestId('element-type').evaluate((s) => /** @type {HTMLSelectElement} */ (s).selectedOptions[0]?.textContent?.trim())
  check(picked === 'Chat-Befehl', `the block picker names the trigger in German (${picked})`)
  const groups = await trigger.locator('[data-testid="element-type"] optgroup').evaluateAll((gs) => gs.map((g) => g.getAttribute('label')))
  check(groups.includes('Extern') && groups.includes('Ziele'), `the block picker's groups are German (${groups.join(', ')})`)
  const action = page.locator('[data-testid="flow-card-action"]').first()
  const labels = await action.locator('[data-testid="field"] .lbl').allInnerTexts()
  const where = await action.getByTestId('field-position').evaluate((s) => /** @type {HTMLSelectElement} */ (s).selectedOptions[0]?.textContent?.trim())
  check(labels.some((l) => l.startsWith('Dauer')) && where === 'unten', `an action card shows its labels and options in German (${labels.join(', ')}; ${where})`)

  await page.getByTestId('flow-test-run').click()
  await page.getByTestId('flow-test-trace').waitFor()
  await scan('dry run')

  await page.locator('[data-testid="flow-card-condition"] header button').first().click() // collapsed: its summary line
  await scan('collapsed condition')

  await page.getByTestId('flow-tab-json').click()
  await page.getByTestId('flow-json').waitFor()
  await scan('JSON tab')
  await page.getByTestId('flow-tab-form').click()

  saved(id)
  await page.getByTestId('flow-save').click()
  await page.locator(`[data-testid="flow-row"][data-id="${id}"]`).waitFor()
  await page.waitForFunction(() => !document.querySelector('[data-testid="flow-run-now"]')?.hasAttribute('disabled'))
  await scan('saved')
  await page.getByTestId('flow-run-now').click()
  const run = page.getByTestId('flow-run').first()
  await run.waitFor({ timeout: 20000 })
  await run.getByRole('button').first().click()
  await page.getByTestId('flow-run-trace').waitFor()
  await scan('run history')

  await page.getByTestId('flow-import').click()
  await page.getByTestId('flow-import-dialog').waitFor()
  await scan('import dialog')
  const exported = await (await api(`/api/flows/export?id=${encodeURIComponent(id)}`)).text()
  await page.getByTestId('flow-import-text').fill(exported)
  await page.getByTestId('flow-import-preview').waitFor()
  await scan('import preview')
  await page.keyboard.press('Escape')
  await page.getByTestId('flow-import-dialog').waitFor({ state: 'hidden' })
  return [...new Set(found)]
}

/** @param {import('playwright-core').Page} page */
async function sidebar(page) {
  return page.$$eval('nav.sidebar a[data-testid^="nav-"]', (as) =>
    as.map((a) => ({ id: a.getAttribute('data-testid')?.slice(4) ?? '', label: a.querySelector('.label')?.textContent?.trim() ?? '' })),
  )
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
})
const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-US' })
page.setDefaultTimeout(15000)
/** @type {string[]} */
const pageErrors = []
page.on('pageerror', (err) => pageErrors.push(String(err)))
page.on('dialog', (d) => void d.dismiss())
let failed = false
let flowId = ''
try {
  await putLanguage('')
  await page.goto(`${base}/dashboard/#token=${encodeURIComponent(token)}`, { waitUntil: 'domcontentloaded' })
  await page.getByTestId('nav-settings').click()
  await page.getByTestId('settings-language').waitFor()
  check((await page.getByTestId('nav-settings').textContent())?.trim() === 'Settings', 'an English browser starts in English')

  await page.evaluate(() => ((/** @type {any} */ (window)).__sameDocument = true))
  await page.getByTestId('settings-language').selectOption('de')
  await page.waitForFunction(() => document.querySelector('[data-testid="nav-settings"] .label')?.textContent?.trim() === 'Einstellungen')
  check(await page.evaluate(() => (/** @type {any} */ (window)).__sameDocument === true), 'German applies at once, without a reload')
  check((await page.locator('h1.page-title').textContent())?.trim() === 'Einstellungen', 'the Settings page re-rendered in German')
  for (let i = 0; i < 50 && (await savedLanguage()) !== 'de'; i++) await new Promise((r) => setTimeout(r, 100))
  check((await savedLanguage()) === 'de', 'the choice is saved in the app settings')

  await page.reload({ waitUntil: 'domcontentloaded' })
  await page.waitForFunction(() => document.querySelector('[data-testid="nav-settings"] .label')?.textContent?.trim() === 'Einstellungen')
  check(true, 'German survives a reload (English browser, saved setting)')

  const nav = await sidebar(page)
  const englishNav = nav.filter((n) => untranslated.has(n.label))
  check(englishNav.length === 0, `the German sidebar has no English labels${englishNav.length ? `: ${englishNav.map((n) => n.label).join(', ')}` : ''}`)
  /** @type {string[]} */
  const problems = []
  /** @type {string[]} */
  const pending = []
  for (const { id } of nav) {
    await page.getByTestId(`nav-${id}`).click()
    await page.waitForSelector(`main[data-testid="page-${id}"]`)
    await page.waitForTimeout(700) // let the page load its data
    const left = (await visibleTexts(page)).filter((t) => untranslated.has(t.text))
    for (const t of left) {
      const line = `${id} (${t.where}): "${t.text}"`
      if (t.where === 'page' && PENDING.has(id)) pending.push(line)
      else problems.push(line)
    }
    if (shotDir && id === 'settings') await page.screenshot({ path: join(shotDir, 'i18n-settings-de.png') })
  }
  // the overlay designer's style panel (its option lists too) for the alerts overlay
  await page.getByTestId('nav-overlays').click()
  await page.getByTestId('designer-overlay').selectOption('alerts')
  const panel = page.getByTestId('designer-style')
  await panel.waitFor()
  const panelTexts = await panel.evaluate((el) =>
    [...el.querySelectorAll('legend, span, p, button, option')].map((n) => n.textContent?.trim() ?? '').concat(
      [...el.querySelectorAll('[aria-label], [title], [placeholder]')].flatMap((n) => ['aria-label', 'title', 'placeholder'].map((a) => n.getAttribute(a) ?? '')),
    ),
  )
  const englishPanel = [...new Set(panelTexts.filter((t) => untranslated.has(t)))]
  check(englishPanel.length === 0, `the overlay style panel is German${englishPanel.length ? `: ${englishPanel.join(', ')}` : ''}`)
  check(
    ['Farben', 'Verhalten', 'Sprache des Browsers', 'Montserrat / Segoe UI (Standard)', 'unten rechts'].every((t) => panelTexts.includes(t)),
    'the style panel shows its German legends, options and anchor names',
  )
  if (shotDir) await page.screenshot({ path: join(shotDir, 'i18n-overlays-de.png'), fullPage: true })
  if (pending.length) console.log(`# not translated yet (pages still pending):\n#   ${[...new Set(pending)].join('\n#   ')}`)
  check(problems.length === 0, `no untranslated text on ${nav.length} pages in German${problems.length ? `:\n  ${problems.join('\n  ')}` : ''}`)

  const flowLeft = await walkFlowEditor(page, (id) => (flowId = id))
  if (shotDir) await page.screenshot({ path: join(shotDir, 'i18n-flows-de.png'), fullPage: true })
  check(flowLeft.length === 0, `the flow editor, its test, runs, variables and import are German${flowLeft.length ? `:\n  ${flowLeft.join('\n  ')}` : ''}`)

  await page.getByTestId('nav-settings').click()
  await page.getByTestId('settings-language').selectOption('en')
  await page.waitForFunction(() => document.querySelector('[data-testid="nav-settings"] .label')?.textContent?.trim() === 'Settings')
  const back = await sidebar(page)
  const enNav = /** @type {Record<string, string>} */ (
    Object.fromEntries(Object.entries(en).filter(([k]) => k.startsWith('nav_')).map(([k, v]) => [k.slice(4).replace(/_/g, '-'), String(v)]))
  )
  const wrong = back.filter((n) => enNav[n.id] !== undefined && enNav[n.id] !== n.label)
  check(wrong.length === 0, `switching back to English shows the English sidebar${wrong.length ? `: ${wrong.map((n) => `${n.id}=${n.label}`).join(', ')}` : ''}`)
  check(pageErrors.length === 0, `no page errors${pageErrors.length ? `: ${pageErrors.join('; ')}` : ''}`)
} catch (err) {
  failed = true
  console.error(`FAIL: ${err instanceof Error ? err.message : err}`)
  if (shotDir) await page.screenshot({ path: join(shotDir, 'i18n-failure.png') }).catch(() => {})
} finally {
  await putLanguage('').catch((e) => console.error(`reset language: ${e}`))
  if (flowId) await api(`/api/flows/${encodeURIComponent(flowId)}`, { method: 'DELETE' }).catch((e) => console.error(`delete flow: ${e}`))
  await api('/api/variables', { method: 'PUT', body: JSON.stringify({ [VARIABLE]: null }) }).catch((e) => console.error(`delete variable: ${e}`))
  await browser.close()
}
process.exit(failed ? 1 : 0)
