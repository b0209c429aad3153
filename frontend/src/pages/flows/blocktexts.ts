// The backend registry's block texts (names, descriptions, field labels and
// help, option labels, picker groups) in the dashboard's language. The Go
// blocks hold the English; the catalogues hold every language under keys
// derived from the block type and field name (blockKey and friends below;
// backend/core/blocktexts_test.go keeps the catalogues and the registry in
// step). A text without a catalogue key (a plugin installed later) stays as
// the backend sent it.

import type { FlowBlock, FlowFieldSpec, FlowRegistry } from '../../lib/api'
import { m } from '../../lib/i18n'

type Msg = (inputs?: Record<string, string>) => string
const messages = m as unknown as Record<string, Msg | undefined>

/** Letters and digits stay; ".", "-", " " and "/" become "_"; anything else x<hex>. */
export function norm(s: string): string {
  let out = ''
  for (const ch of s) {
    if (/[A-Za-z0-9]/.test(ch)) out += ch
    else if (/[.\- /]/.test(ch)) out += '_'
    else out += 'x' + (ch.codePointAt(0) ?? 0).toString(16)
  }
  return out
}

export const blockKey = (type: string) => `blk_${norm(type)}`
export const descKey = (type: string) => `${blockKey(type)}_d`
export const fieldKey = (type: string, field: string) => `${blockKey(type)}__${norm(field)}`
export const helpKey = (type: string, field: string) => `${fieldKey(type, field)}_h`
export const optionKey = (type: string, field: string, value: string) => `${fieldKey(type, field)}__${norm(value)}`
export const categoryKey = (category: string) => `blkcat_${norm(category)}`

/** Inputs that render every {name} as itself. */
const ASIS = new Proxy({} as Record<string, string>, { get: (_, name) => (typeof name === 'string' ? `{${name}}` : undefined) })

/** The catalogue text under key, or english when there is none. {name}
 * placeholders in the text are shown as they are (they are template hints). */
export function blockText(key: string, english: string): string {
  const fn = messages[key]
  if (typeof fn !== 'function' || !english) return english
  return fn(ASIS)
}

export const blockName = (type: string, english: string) => blockText(blockKey(type), english)
export const blockDesc = (type: string, english: string) => blockText(descKey(type), english)
export const fieldLabelText = (type: string, field: string, english: string) => blockText(fieldKey(type, field), english)
export const fieldHelp = (type: string, field: string, english: string) => blockText(helpKey(type, field), english)
export const optionLabel = (type: string, field: string, value: string, english: string) =>
  blockText(optionKey(type, field, value), english)
export const categoryLabel = (category: string) => blockText(categoryKey(category), category)

function localizeField(type: string, f: FlowFieldSpec): FlowFieldSpec {
  return {
    ...f,
    label: fieldLabelText(type, f.name, f.label),
    help: f.help ? fieldHelp(type, f.name, f.help) : f.help,
    options: f.options?.map((o) => ({ ...o, label: optionLabel(type, f.name, o.value, o.label) })),
  }
}

function localizeBlock<T extends FlowBlock>(b: T): T {
  return {
    ...b,
    name: blockName(b.type, b.name),
    category: categoryLabel(b.category),
    description: b.description ? blockDesc(b.type, b.description) : b.description,
    fields: (b.fields ?? []).map((f) => localizeField(b.type, f)),
  }
}

/** The registry with every block text in the current language. */
export function localizeRegistry(reg: FlowRegistry): FlowRegistry {
  return {
    ...reg,
    triggers: reg.triggers.map(localizeBlock),
    conditions: reg.conditions.map(localizeBlock),
    actions: reg.actions.map(localizeBlock),
  }
}
