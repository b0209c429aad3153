// The catalogue check (`npm run check`, so `make check`): every catalogue in
// messages/ has exactly the keys of the base catalogue (en.json), each
// message takes the same parameters in every language, and every key is
// used somewhere in src/ (as m.<key>). It also scans the markup of every
// .svelte file for words shown to the streamer that bypass the catalogues
// (see scanMarkup). Exits 1 with a list of problems.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'svelte/compiler'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const dir = join(root, 'messages')
const BASE = 'en'

/** The parameters a message takes: {name} placeholders and declared inputs. */
export function placeholders(msg) {
  const out = new Set()
  const scan = (s) => {
    for (const m of String(s).matchAll(/\{\s*([A-Za-z_]\w*)\s*\}/g)) out.add(m[1])
  }
  if (typeof msg === 'string') scan(msg)
  else if (Array.isArray(msg)) {
    for (const v of msg) {
      const locals = new Set()
      for (const d of v.declarations ?? []) {
        const input = /^input\s+(\w+)/.exec(d)
        if (input) out.add(input[1])
        const local = /^local\s+(\w+)/.exec(d)
        if (local) locals.add(local[1])
      }
      for (const text of Object.values(v.match ?? {})) scan(text)
      for (const l of locals) out.delete(l)
    }
  }
  return [...out].sort()
}

function load(file) {
  const data = JSON.parse(readFileSync(join(dir, file), 'utf8'))
  delete data.$schema
  return data
}

function sources(d, acc = []) {
  for (const name of readdirSync(d)) {
    const p = join(d, name)
    if (name === 'paraglide' || name === 'node_modules') continue
    if (statSync(p).isDirectory()) sources(p, acc)
    else if (/\.(ts|svelte)$/.test(name) && !/\.test\.ts$/.test(name)) acc.push(p)
  }
  return acc
}

export function checkCatalogues() {
  const problems = []
  const files = readdirSync(dir).filter((f) => f.endsWith('.json'))
  const cats = Object.fromEntries(files.map((f) => [f.slice(0, -5), load(f)]))
  const base = cats[BASE]
  if (!base) return [`messages/${BASE}.json is missing`]
  const keys = Object.keys(base)
  for (const [lang, cat] of Object.entries(cats)) {
    if (lang === BASE) continue
    for (const k of keys) {
      if (!(k in cat)) problems.push(`${lang}.json: key "${k}" missing (it is in ${BASE}.json)`)
      else {
        const a = placeholders(base[k]).join(','), b = placeholders(cat[k]).join(',')
        if (a !== b) problems.push(`${lang}.json: "${k}" takes {${b}}, ${BASE}.json takes {${a}}`)
      }
    }
    for (const k of Object.keys(cat)) {
      if (!(k in base)) problems.push(`${BASE}.json: key "${k}" missing (it is in ${lang}.json)`)
    }
  }
  const code = sources(join(root, 'src')).map((f) => readFileSync(f, 'utf8')).join('\n')
  const used = new Set([...code.matchAll(/\bm\.([A-Za-z_]\w*)/g)].map((x) => x[1]))
  // blk_/blkcat_ keys are looked up by name (src/pages/flows/blocktexts.ts);
  // backend/core/blocktexts_test.go checks them against the block registry.
  for (const k of keys) if (!used.has(k) && !/^blk(cat)?_/.test(k)) problems.push(`${BASE}.json: key "${k}" is not used in src/`)
  return problems
}

// ---- markup scan --------------------------------------------------------
//
// Text nodes and aria-label / title / placeholder / alt / label attribute
// literals (and string literals an expression in those places renders
// directly, e.g. {busy ? 'Saving' : m.save()}) must not hold words: those go
// through m.<key>(). Allowed: the words below (brand and protocol names,
// units), symbols, numbers, and whatever sits in <code>, <pre>, <kbd>.

/** Paths (relative to src/) the markup scan skips (none: every page is translated). */
const SCAN_EXCLUDED = []
/** Words that are the same in every language: names of products, protocols, formats, units. */
export const ALLOWED_WORDS = new Set(
  ('LTTH TikTok LIVE OBS VRChat OSC TikFinity Euler Streamer.bot WebSocket WebView2 Wails Chromium ' +
    'URL URLs API CSS HTML JSON HTTP HTTPS TCP UDP MIDI TTS ID IP LAN PID SHA-256 UTC ' +
    'px ms fps dB Hz kHz KB MB GB ' +
    'LT TH') // the logo's two coloured halves
    .split(' '),
)
const SCANNED_ATTRS = new Set(['aria-label', 'title', 'placeholder', 'alt', 'label', 'aria-description'])
const SKIPPED_ELEMENTS = new Set(['code', 'pre', 'kbd', 'script', 'style', 'svg'])
// keys of template nodes that hold JavaScript (conditions, each lists, …), not markup
const CODE_KEYS = new Set(['expression', 'test', 'context', 'key', 'index', 'parameters', 'declaration', 'metadata', 'name_loc'])

/** A token that is code, not a word: a URL, path, file name, @handle, #colour, .class, key=value, CSS. */
const CODE_TOKEN = /[/@#=;{}<>_]|:\S|^\.|^[\w-]+\.[a-z]{2,5}$/

/** The words of a shown text that are not allowed (the English that bypasses m). */
export function strayWords(text) {
  const prose = text
    .split(/\s+/)
    .filter((t) => !CODE_TOKEN.test(t))
    .join(' ')
  return (prose.match(/[\p{L}][\p{L}.'’-]*[\p{L}]|\p{L}{2,}/gu) ?? []).filter((w) => !ALLOWED_WORDS.has(w) && !ALLOWED_WORDS.has(w.replace(/[.’'-]+$/, '')))
}

/** The strings an expression shows as they are (literals, template text, both branches of ?:, ||, ??, +). */
function shownStrings(e) {
  if (!e) return []
  switch (e.type) {
    case 'Literal':
      return typeof e.value === 'string' ? [e.value] : []
    case 'TemplateLiteral':
      return [e.quasis.map((q) => q.value.cooked ?? '').join(' ')].concat(e.expressions.flatMap(shownStrings))
    case 'ConditionalExpression':
      return [...shownStrings(e.consequent), ...shownStrings(e.alternate)]
    case 'LogicalExpression':
    case 'BinaryExpression':
      return e.operator === '+' || e.type === 'LogicalExpression' ? [...shownStrings(e.left), ...shownStrings(e.right)] : []
  }
  return []
}

/** Problems ("file:line: text") in one component's markup. */
export function scanMarkup(source, file = 'component.svelte') {
  const problems = []
  const ast = parse(source, { modern: true })
  const lineOf = (pos) => source.slice(0, pos).split('\n').length
  const report = (text, pos) => {
    const words = strayWords(text)
    if (words.length) problems.push(`${file}:${lineOf(pos)}: "${text.trim().replace(/\s+/g, ' ').slice(0, 80)}" is not from the catalogue`)
  }
  const walk = (node) => {
    if (Array.isArray(node)) return node.forEach(walk)
    if (!node || typeof node !== 'object') return
    switch (node.type) {
      case 'Text':
        return report(node.data, node.start)
      case 'ExpressionTag':
        return shownStrings(node.expression).forEach((t) => report(t, node.start))
      case 'Attribute':
        return SCANNED_ATTRS.has(node.name) && node.value !== true ? walk(node.value) : undefined
      case 'SpreadAttribute':
      case 'BindDirective':
      case 'OnDirective':
      case 'ClassDirective':
      case 'StyleDirective':
      case 'UseDirective':
      case 'TransitionDirective':
      case 'AnimateDirective':
      case 'LetDirective':
      case 'AttachTag':
      case 'Comment':
        return
    }
    if (node.type === 'RegularElement' && SKIPPED_ELEMENTS.has(node.name)) return
    for (const [k, v] of Object.entries(node)) if (!CODE_KEYS.has(k)) walk(v)
  }
  walk(ast.fragment)
  return problems
}

export function checkMarkup() {
  const src = join(root, 'src')
  return sources(src)
    .filter((f) => f.endsWith('.svelte') && !SCAN_EXCLUDED.some((x) => relative(src, f).startsWith(x)))
    .flatMap((f) => scanMarkup(readFileSync(f, 'utf8'), relative(root, f)))
}

if (process.argv[1] && relative(process.argv[1], fileURLToPath(import.meta.url)) === '') {
  const problems = [...checkCatalogues(), ...checkMarkup()]
  if (problems.length) {
    console.error(`i18n catalogue check failed (${problems.length}):\n  ` + problems.join('\n  '))
    process.exit(1)
  }
  console.log('i18n catalogues and markup: OK')
}
