// Compiles messages/<locale>.json into typed message functions in
// src/paraglide (generated, git-ignored). The locale list in
// project.inlang/settings.json is derived from the catalogue files first, so
// adding a language is adding its catalogue.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { compile } from '@inlang/paraglide-js'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const settingsPath = join(root, 'project.inlang', 'settings.json')

export function catalogueLocales(dir = join(root, 'messages')) {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -5))
    .sort((a, b) => (a === 'en' ? -1 : b === 'en' ? 1 : a.localeCompare(b)))
}

const settings = JSON.parse(readFileSync(settingsPath, 'utf8'))
const found = catalogueLocales()
if (JSON.stringify(settings.locales) !== JSON.stringify(found)) {
  settings.locales = found
  writeFileSync(settingsPath, JSON.stringify(settings, null, 2) + '\n')
}

await compile({
  project: join(root, 'project.inlang'),
  outdir: join(root, 'src', 'paraglide'),
  strategy: ['globalVariable', 'baseLocale'],
  emitTsDeclarations: true,
})
