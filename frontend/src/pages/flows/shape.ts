// The JSON tab's and the import dialog's first check of a flow document,
// with the problems in the dashboard's language (the server checks every
// setting on save). JSON keys stay as they are written.

import { FLOW_MODES, flowDocOf, type FlowDoc } from '../../lib/api'
import { m } from '../../lib/i18n'

const ELEMENT = '{"type": …, "config": {…}}'

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function checkElements(v: unknown, key: string, required: boolean, errs: string[]): void {
  if (v === undefined || v === null) {
    if (required) errs.push(m.fe_sh_missing({ key, example: ELEMENT }))
    return
  }
  if (!Array.isArray(v)) {
    errs.push(m.fe_sh_list({ key }))
    return
  }
  v.forEach((el, i) => {
    const where = `${key}[${i}]`
    if (!isPlainObject(el)) errs.push(m.fe_sh_el_object({ where }))
    else if (typeof el.type !== 'string' || !el.type) errs.push(m.fe_sh_el_type({ where }))
    else if (el.config !== undefined && el.config !== null && !isPlainObject(el.config)) errs.push(m.fe_sh_el_object({ where: `${where}.config` }))
  })
}

/** A flow document's shape problems (none: it can be sent); expectId: the id it must keep. */
export function checkShape(v: unknown, expectId?: string): string[] {
  if (!isPlainObject(v)) return [m.fe_sh_not_object({ example: '{ … }' })]
  const errs: string[] = []
  if (v.id !== undefined && typeof v.id !== 'string') errs.push(m.fe_sh_text({ key: 'id' }))
  else if (expectId !== undefined && v.id !== undefined && v.id !== expectId) errs.push(m.fe_sh_id_stays({ id: expectId }))
  for (const key of ['name', 'group', 'queue']) {
    if (v[key] !== undefined && typeof v[key] !== 'string') errs.push(m.fe_sh_text({ key }))
  }
  if (v.enabled !== undefined && typeof v.enabled !== 'boolean') errs.push(m.fe_sh_bool({ key: 'enabled' }))
  if (v.mode !== undefined && !(FLOW_MODES as readonly unknown[]).includes(v.mode)) errs.push(m.fe_sh_mode({ modes: FLOW_MODES.join(', ') }))
  for (const key of ['max', 'maxRunsPerSecond']) {
    if (v[key] !== undefined && typeof v[key] !== 'number') errs.push(m.fe_sh_number({ key }))
  }
  checkElements(v.triggers, 'triggers', true, errs)
  checkElements(v.conditions, 'conditions', false, errs)
  checkElements(v.actions, 'actions', true, errs)
  return errs
}

function parse(text: string): { value: unknown } | { error: string } {
  try {
    return { value: JSON.parse(text) }
  } catch (err) {
    return { error: m.fe_sh_not_json({ error: err instanceof Error ? err.message : String(err) }) }
  }
}

/** The JSON tab's text as a draft of flow id, or what is wrong with it. */
export function parseFlowText(text: string, id: string): { doc: FlowDoc } | { errors: string[] } {
  const p = parse(text)
  if ('error' in p) return { errors: [p.error] }
  const errors = checkShape(p.value, id)
  if (errors.length) return { errors }
  const doc = flowDocOf({ ...(p.value as FlowDoc), id })
  doc.name = typeof doc.name === 'string' ? doc.name : ''
  doc.enabled = doc.enabled !== false
  return { doc }
}

/** Import text (one flow or a list of them) as flows, or the first problem. */
export function parseImportText(text: string): { flows: Record<string, unknown>[] } | { error: string } {
  const p = parse(text.trim())
  if ('error' in p) return p
  const list = Array.isArray(p.value) ? p.value : [p.value]
  if (list.length === 0) return { error: m.fe_sh_empty_list() }
  for (const [i, f] of list.entries()) {
    const first = checkShape(f)[0]
    if (first) return { error: list.length > 1 ? m.fe_sh_flow_n({ n: String(i + 1), error: first }) : first }
  }
  return { flows: list as Record<string, unknown>[] }
}
