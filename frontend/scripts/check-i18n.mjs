// The catalogue check (`npm run check`, so `make check`): every catalogue in
// messages/ has exactly the keys of the base catalogue (en.json), each
// message takes the same parameters in every language, and every key is
// used somewhere in src/ (as m.<key>). Exits 1 with a list of problems.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

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
  for (const k of keys) if (!used.has(k)) problems.push(`${BASE}.json: key "${k}" is not used in src/`)
  return problems
}

if (process.argv[1] && relative(process.argv[1], fileURLToPath(import.meta.url)) === '') {
  const problems = checkCatalogues()
  if (problems.length) {
    console.error(`i18n catalogue check failed (${problems.length}):\n  ` + problems.join('\n  '))
    process.exit(1)
  }
  console.log('i18n catalogues: OK')
}
