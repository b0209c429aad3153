// Flow engine API (backend/flow, format in backend/flow/README.md) and
// the pure helpers the Flows page shares with its tests: the registry's
// field schemas, new/duplicate/clean flow documents, server validation
// errors mapped to elements, import parsing, lenient JSON values and short
// human summaries of triggers and runs.

import type { ApiClient } from './client'
import type { FlowsService } from './services/flows'
import type { LiveEvent } from './types'

// --- documents ----------------------------------------------------------------

export const FLOW_MODES = ['single', 'restart', 'queued', 'parallel'] as const
export type FlowMode = (typeof FLOW_MODES)[number]

export const FLOW_MODE_LABELS: Record<FlowMode, string> = {
  single: 'Single — ignore new triggers while running',
  restart: 'Restart — stop the running one, start again',
  queued: 'Queued — run one after another',
  parallel: 'Parallel — run side by side',
}

/** The engine's default Max of queued and parallel flows (flow.DefaultMax). */
export const FLOW_DEFAULT_MAX = 10
export const FLOW_MAX_LIMIT = 1000

/** One trigger, condition or action: its registered type and config. */
export interface FlowElement {
  type: string
  /** A label shown instead of the type's name. */
  alias?: string
  /** Absent = enabled. */
  enabled?: boolean
  /** Actions only: the run goes on when this action fails. */
  continueOnError?: boolean
  config?: Record<string, unknown>
}

/** The stored JSON document of one flow (flow.Flow). */
export interface FlowDoc {
  id: string
  name: string
  description?: string
  group?: string
  enabled: boolean
  mode?: FlowMode | string
  max?: number
  queue?: string
  maxRunsPerSecond?: number
  triggers: FlowElement[]
  conditions?: FlowElement[]
  actions: FlowElement[]
  /** Editor metadata, kept as is by the backend. */
  ui?: unknown
  updatedAt?: string
}

/** Load and run state of a flow (flow.Status). */
export interface FlowStatus {
  valid: boolean
  /** Why the flow does not validate (one problem per line). */
  error?: string
  /** Enabled, valid and the circuit breaker closed. */
  active: boolean
  running: number
  waiting?: number
  breakerOpen?: boolean
  /** The stored text when it is not valid JSON, so it can be repaired. */
  definition?: string
}

/** A flow as GET /api/flows shows it. */
export interface FlowView extends FlowDoc {
  status: FlowStatus
}

export type FlowElementKind = 'trigger' | 'condition' | 'action'
export type FlowSection = 'triggers' | 'conditions' | 'actions'

export const FLOW_SECTION_OF: Record<FlowElementKind, FlowSection> = {
  trigger: 'triggers',
  condition: 'conditions',
  action: 'actions',
}

// --- registry -------------------------------------------------------------------

export type FlowFieldKind = 'text' | 'number' | 'bool' | 'select' | 'template' | 'list' | 'json' | 'conditions'

export interface FlowFieldOption {
  value: string
  label: string
}

/** One config field of a block (action.FlowFieldSpec). */
export interface FlowFieldSpec {
  name: string
  label: string
  kind: FlowFieldKind | string
  options?: FlowFieldOption[]
  default?: unknown
  required?: boolean
  help?: string
  /** GET endpoint with live suggestions, e.g. OBS scenes (fieldoptions.ts). */
  optionsUrl?: string
}

/** A trigger, condition or action type (action.Info). */
export interface FlowBlock {
  type: string
  name: string
  category: string
  description?: string
  fields: FlowFieldSpec[]
  /** Actions only: the action reports what it would do in a dry run. */
  dryRunSafe?: boolean
}

/** GET /api/flow-registry. */
export interface FlowRegistry {
  triggers: FlowBlock[]
  conditions: FlowBlock[]
  actions: FlowBlock[]
  /** Event fields usable in templates and comparisons. */
  eventFields: string[]
}

export const EMPTY_FLOW_REGISTRY: FlowRegistry = { triggers: [], conditions: [], actions: [], eventFields: [] }

function normalizeFlowBlocks(raw: unknown): FlowBlock[] {
  if (!Array.isArray(raw)) return []
  const out: FlowBlock[] = []
  for (const b of raw as Partial<FlowBlock>[]) {
    if (!b || typeof b.type !== 'string' || !b.type) continue
    out.push({
      type: b.type,
      name: typeof b.name === 'string' && b.name ? b.name : b.type,
      category: typeof b.category === 'string' && b.category ? b.category : 'Other',
      description: typeof b.description === 'string' ? b.description : '',
      fields: Array.isArray(b.fields) ? b.fields.filter((f) => f && typeof f.name === 'string') : [],
      ...(typeof b.dryRunSafe === 'boolean' ? { dryRunSafe: b.dryRunSafe } : {}),
    })
  }
  return out
}

/** The registry with missing lists and null field lists made empty. */
export function normalizeFlowRegistry(raw: unknown): FlowRegistry {
  const r = (raw ?? {}) as Record<string, unknown>
  return {
    triggers: normalizeFlowBlocks(r.triggers),
    conditions: normalizeFlowBlocks(r.conditions),
    actions: normalizeFlowBlocks(r.actions),
    eventFields: Array.isArray(r.eventFields) ? r.eventFields.filter((f): f is string => typeof f === 'string') : [],
  }
}

export function flowBlocksOf(reg: FlowRegistry, kind: FlowElementKind): FlowBlock[] {
  return reg[FLOW_SECTION_OF[kind]]
}

export function findFlowBlock(reg: FlowRegistry, kind: FlowElementKind, type: string): FlowBlock | undefined {
  return flowBlocksOf(reg, kind).find((b) => b.type === type)
}

export interface FlowBlockGroup {
  category: string
  blocks: FlowBlock[]
}

/** Blocks grouped by category for a picker: TikTok first, then A–Z; blocks by name. */
export function groupFlowBlocks(blocks: readonly FlowBlock[]): FlowBlockGroup[] {
  const by = new Map<string, FlowBlock[]>()
  for (const b of blocks) {
    const list = by.get(b.category) ?? []
    list.push(b)
    by.set(b.category, list)
  }
  const rank = (c: string) => (c === 'TikTok' ? 0 : 1)
  return [...by.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([category, list]) => ({ category, blocks: list.slice().sort((a, b) => a.name.localeCompare(b.name)) }))
}

// --- building and cleaning documents ---------------------------------------------

/** Flow ids: 1–64 letters, digits, - or _, not a route name (flow.ValidID). */
export function validFlowId(id: string): boolean {
  return /^[A-Za-z0-9_-]{1,64}$/.test(id) && id !== 'webhook' && id !== 'import' && id !== 'export'
}

/** A random flow id like the backend's ("f" + 16 hex digits). */
export function newFlowId(rand: () => number = Math.random): string {
  let hex = ''
  for (let i = 0; i < 16; i++) hex += Math.floor(rand() * 16).toString(16)
  return `f${hex}`
}

/** Variable names usable as {var.name} (letters, digits, _ . - :, starting with a letter or _). */
export function validVariableName(name: string): boolean {
  const full = `var.${name}`
  return name !== '' && full.length <= 64 && /^[A-Za-z_][A-Za-z0-9_.:-]*$/.test(full) && !full.endsWith('.')
}

/** A config with every field's default filled in (what the form starts with). */
export function defaultElementConfig(fields: readonly FlowFieldSpec[]): Record<string, unknown> {
  const c: Record<string, unknown> = {}
  for (const f of fields) {
    if (f.default !== undefined && f.default !== null) c[f.name] = structuredClone(f.default)
    else if (f.kind === 'conditions') c[f.name] = []
    else if (f.kind === 'list' && f.required) c[f.name] = []
    else if (f.required && (f.kind === 'text' || f.kind === 'template')) c[f.name] = ''
  }
  return c
}

/** A new element of the given type with its defaults. */
export function newFlowElement(reg: FlowRegistry, kind: FlowElementKind, type: string): FlowElement {
  const info = findFlowBlock(reg, kind, type)
  return { type, config: defaultElementConfig(info?.fields ?? []) }
}

/** A new, empty flow (not valid until it has a trigger and an action). */
export function emptyFlow(id: string = newFlowId(), name = 'New flow'): FlowDoc {
  return { id, name, group: '', enabled: true, mode: 'single', triggers: [], conditions: [], actions: [] }
}

/** The document part of a view (status and bookkeeping dropped), deep-copied. */
export function flowDocOf(v: FlowDoc | FlowView): FlowDoc {
  const { status: _status, ...doc } = v as FlowView
  const d = JSON.parse(JSON.stringify(doc)) as FlowDoc
  d.triggers = Array.isArray(d.triggers) ? d.triggers : []
  d.conditions = Array.isArray(d.conditions) ? d.conditions : []
  d.actions = Array.isArray(d.actions) ? d.actions : []
  d.group = d.group ?? ''
  d.mode = d.mode || 'single'
  return d
}

/** A copy of a flow under a new id, switched off, named "… (copy)". */
export function duplicateFlow(v: FlowDoc | FlowView, id: string = newFlowId()): FlowDoc {
  const d = flowDocOf(v)
  delete d.updatedAt
  return { ...d, id, name: `${d.name || d.id} (copy)`, enabled: false }
}

function isUnset(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === 'number' && Number.isNaN(v))
}

/**
 * A config ready to save: unset values (undefined/null/NaN) and values equal
 * to the field's default dropped (the engine fills defaults in), empty
 * optional texts dropped unless the default is not empty, nested condition
 * lists cleaned too. Unknown keys are kept (the server names them).
 */
export function cleanElementConfig(config: Record<string, unknown> | undefined, fields: readonly FlowFieldSpec[], reg: FlowRegistry): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  const spec = new Map(fields.map((f) => [f.name, f]))
  for (const [k, v] of Object.entries(config ?? {})) {
    if (isUnset(v)) continue
    const f = spec.get(k)
    if (f && v === '' && !f.required && (f.default === undefined || f.default === '')) continue
    if (f && f.default !== undefined && f.default !== null && stableFlowJson(v) === stableFlowJson(f.default)) continue
    if (f?.kind === 'conditions' && Array.isArray(v)) {
      out[k] = (v as FlowElement[]).map((el) => cleanFlowElement(el, 'condition', reg))
      continue
    }
    out[k] = v
  }
  return out
}

/** An element ready to save: default flags and empty labels dropped, config cleaned. */
export function cleanFlowElement(el: FlowElement, kind: FlowElementKind, reg: FlowRegistry): FlowElement {
  const info = findFlowBlock(reg, kind, el.type)
  const out: FlowElement = { type: el.type }
  const alias = el.alias?.trim()
  if (alias) out.alias = alias
  if (el.enabled === false) out.enabled = false
  if (kind === 'action' && el.continueOnError) out.continueOnError = true
  const config = info ? cleanElementConfig(el.config, info.fields, reg) : { ...(el.config ?? {}) }
  if (Object.keys(config).length > 0) out.config = config
  return out
}

/** The document PUT /api/flows/{id} gets: trimmed, cleaned, without status or timestamps. */
export function cleanFlow(d: FlowDoc, reg: FlowRegistry): FlowDoc {
  const out: FlowDoc = {
    id: d.id,
    name: d.name.trim(),
    enabled: Boolean(d.enabled),
    mode: d.mode || 'single',
    triggers: d.triggers.map((el) => cleanFlowElement(el, 'trigger', reg)),
    conditions: (d.conditions ?? []).map((el) => cleanFlowElement(el, 'condition', reg)),
    actions: d.actions.map((el) => cleanFlowElement(el, 'action', reg)),
  }
  if (d.description?.trim()) out.description = d.description.trim()
  if (d.group?.trim()) out.group = d.group.trim()
  if ((out.mode === 'queued' || out.mode === 'parallel') && typeof d.max === 'number' && d.max > 0) out.max = d.max
  if (d.queue?.trim()) out.queue = d.queue.trim()
  if (typeof d.maxRunsPerSecond === 'number' && d.maxRunsPerSecond !== 0 && !Number.isNaN(d.maxRunsPerSecond)) {
    out.maxRunsPerSecond = d.maxRunsPerSecond
  }
  if (d.ui !== undefined) out.ui = d.ui
  return out
}

/** Stable JSON (sorted keys) for comparing documents. */
export function stableFlowJson(v: unknown): string {
  return JSON.stringify(v, (_k, val: unknown) => {
    if (val && typeof val === 'object' && !Array.isArray(val)) {
      return Object.fromEntries(Object.entries(val as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
    }
    return val
  })
}

/** Whether two drafts would save the same document. */
export function sameFlow(a: FlowDoc, b: FlowDoc, reg: FlowRegistry): boolean {
  return stableFlowJson(cleanFlow(a, reg)) === stableFlowJson(cleanFlow(b, reg))
}

// --- validation ------------------------------------------------------------------

/** Server validation errors, one list per element index and the rest as general. */
export interface FlowErrors {
  general: string[]
  triggers: Record<number, string[]>
  conditions: Record<number, string[]>
  actions: Record<number, string[]>
}

export function emptyFlowErrors(): FlowErrors {
  return { general: [], triggers: {}, conditions: {}, actions: {} }
}

export function hasFlowErrors(e: FlowErrors): boolean {
  return (
    e.general.length > 0 || [e.triggers, e.conditions, e.actions].some((m) => Object.keys(m).length > 0)
  )
}

/**
 * Splits the engine's error text ("invalid flow: triggers[0] (tiktok.gift):
 * unknown config field…\nactions[1]: …") into per-element messages. A nested
 * condition's problem is filed under its top-level condition.
 */
export function parseFlowErrors(message: string): FlowErrors {
  const out = emptyFlowErrors()
  const lines = message
    .replace(/^invalid flow:\s*/, '')
    .replace(/\s*\(save a corrected version or delete it\)$/, '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
  for (const line of lines) {
    const m = /^(triggers|conditions|actions)\[(\d+)\](?:\s*\([^)]*\))?:\s*(.*)$/.exec(line)
    if (!m) {
      out.general.push(line)
      continue
    }
    const section = m[1] as FlowSection
    const i = Number(m[2])
    const list = (out[section][i] ??= [])
    list.push(m[3] || line)
  }
  return out
}

const KIND_OF_SECTION: Record<FlowSection, FlowElementKind> = { triggers: 'trigger', conditions: 'condition', actions: 'action' }

/** One line of the engine's error text for people: "Trigger 1 (Chat message): bad regular expression…". */
export function humanFlowError(line: string, reg: FlowRegistry): string {
  const t = line.trim().replace(/^invalid flow:\s*/, '')
  const m = /^(triggers|conditions|actions)\[(\d+)\](?:\s*\(([^)]*)\))?:\s*(.*)$/.exec(t)
  if (!m) return t
  const kind = KIND_OF_SECTION[m[1] as FlowSection]
  const name = m[3] ? (findFlowBlock(reg, kind, m[3])?.name ?? m[3]) : ''
  return `${kind[0]!.toUpperCase()}${kind.slice(1)} ${Number(m[2]) + 1}${name ? ` (${name})` : ''}: ${m[4]}`
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function checkFlowElements(v: unknown, where: string, required: boolean, errs: string[]): void {
  if (v === undefined || v === null) {
    if (required) errs.push(`"${where}" is missing: a list of {"type": …, "config": {…}}`)
    return
  }
  if (!Array.isArray(v)) {
    errs.push(`"${where}" must be a list`)
    return
  }
  v.forEach((el, i) => {
    if (!isPlainObject(el)) errs.push(`${where}[${i}] must be an object`)
    else if (typeof el.type !== 'string' || !el.type) errs.push(`${where}[${i}] needs a "type"`)
    else if (el.config !== undefined && el.config !== null && !isPlainObject(el.config)) errs.push(`${where}[${i}].config must be an object`)
  })
}

/** Checks a flow document's shape before it is sent (the server checks the rest). */
export function checkFlowShape(v: unknown, expectId?: string): string[] {
  const errs: string[] = []
  if (!isPlainObject(v)) return ['A flow must be a JSON object { … }']
  if (v.id !== undefined && typeof v.id !== 'string') errs.push('"id" must be text')
  else if (expectId !== undefined && v.id !== undefined && v.id !== expectId) errs.push(`"id" must stay "${expectId}"`)
  if (v.name !== undefined && typeof v.name !== 'string') errs.push('"name" must be text')
  if (v.group !== undefined && typeof v.group !== 'string') errs.push('"group" must be text')
  if (v.enabled !== undefined && typeof v.enabled !== 'boolean') errs.push('"enabled" must be true or false')
  if (v.mode !== undefined && !(FLOW_MODES as readonly unknown[]).includes(v.mode)) errs.push(`"mode" must be one of ${FLOW_MODES.join(', ')}`)
  for (const k of ['max', 'maxRunsPerSecond'] as const) {
    if (v[k] !== undefined && typeof v[k] !== 'number') errs.push(`"${k}" must be a number`)
  }
  if (v.queue !== undefined && typeof v.queue !== 'string') errs.push('"queue" must be text')
  checkFlowElements(v.triggers, 'triggers', true, errs)
  checkFlowElements(v.conditions, 'conditions', false, errs)
  checkFlowElements(v.actions, 'actions', true, errs)
  return errs
}

/** Parses the JSON tab's text into a draft, or says what is wrong. */
export function parseFlowJson(text: string, id: string): { doc: FlowDoc } | { errors: string[] } {
  let v: unknown
  try {
    v = JSON.parse(text)
  } catch (err) {
    return { errors: [`Not valid JSON: ${err instanceof Error ? err.message : String(err)}`] }
  }
  const errors = checkFlowShape(v, id)
  if (errors.length) return { errors }
  const doc = flowDocOf({ ...(v as FlowDoc), id })
  doc.name = typeof doc.name === 'string' ? doc.name : ''
  doc.enabled = doc.enabled !== false
  return { doc }
}

/** Parses import text: one flow object or an array of them. */
export function parseImport(text: string): { flows: Record<string, unknown>[] } | { error: string } {
  const t = text.trim()
  if (!t) return { error: 'Paste flow JSON or choose a file' }
  let v: unknown
  try {
    v = JSON.parse(t)
  } catch (err) {
    return { error: `Not valid JSON: ${err instanceof Error ? err.message : String(err)}` }
  }
  const list = Array.isArray(v) ? v : [v]
  if (list.length === 0) return { error: 'The list is empty' }
  for (const [i, f] of list.entries()) {
    const errs = checkFlowShape(f)
    if (errs.length) return { error: list.length > 1 ? `Flow ${i + 1}: ${errs[0]}` : (errs[0] ?? 'Not a flow') }
  }
  return { flows: list as Record<string, unknown>[] }
}

// --- values -------------------------------------------------------------------------

/**
 * Reads what a person typed into a JSON-ish field: valid JSON as JSON
 * (10, true, "x", [1,2]), anything else as plain text; empty as undefined.
 */
export function parseLooseValue(text: string): unknown {
  const t = text.trim()
  if (t === '') return undefined
  try {
    return JSON.parse(t)
  } catch {
    return t
  }
}

/** The text a JSON-ish field shows for a value (plain text stays unquoted). */
export function formatLooseValue(v: unknown): string {
  if (v === undefined || v === null) return ''
  if (typeof v === 'string') {
    // quote texts that would otherwise read back as something else
    return parseLooseValue(v) === v ? v : JSON.stringify(v)
  }
  return JSON.stringify(v)
}

/** What kind of value parseLooseValue made, for a hint next to the field. */
export function looseValueKind(v: unknown): string {
  if (v === undefined) return 'empty'
  if (v === null) return 'null'
  if (Array.isArray(v)) return 'list'
  if (typeof v === 'string') return 'text'
  if (typeof v === 'number') return 'number'
  if (typeof v === 'boolean') return 'true/false'
  return 'object'
}

// --- summaries ------------------------------------------------------------------------

function shortFlowValue(v: unknown, f?: FlowFieldSpec): string {
  if (Array.isArray(v)) {
    return v.map((x) => f?.options?.find((o) => o.value === x)?.label ?? String(x)).join(', ')
  }
  if (typeof v === 'string' && f?.options) return f.options.find((o) => o.value === v)?.label ?? v
  if (typeof v === 'boolean') return v ? 'yes' : 'no'
  if (typeof v === 'object' && v !== null) return JSON.stringify(v)
  return String(v)
}

/** "Gift · Minimum coins 10" — the block's name and its settings that differ from the defaults. */
export function summarizeFlowElement(el: FlowElement, kind: FlowElementKind, reg: FlowRegistry): string {
  const info = findFlowBlock(reg, kind, el.type)
  if (el.alias?.trim()) return el.alias.trim()
  if (!info) return el.type
  const parts: string[] = []
  for (const f of info.fields) {
    if (f.kind === 'conditions') continue
    const v = el.config?.[f.name]
    if (isUnset(v) || v === '' || (Array.isArray(v) && v.length === 0)) continue
    if (stableFlowJson(v) === stableFlowJson(f.default)) continue
    parts.push(`${f.label} ${shortFlowValue(v, f)}`)
  }
  const text = parts.length ? `${info.name} · ${parts.join(' · ')}` : info.name
  return text.length > 90 ? `${text.slice(0, 89)}…` : text
}

/** The enabled triggers of a flow, summarized ("no trigger" when none). */
export function triggerSummary(d: FlowDoc, reg: FlowRegistry): string {
  const on = (d.triggers ?? []).filter((t) => t.enabled !== false)
  if (on.length === 0) return 'no trigger'
  return on.map((t) => summarizeFlowElement(t, 'trigger', reg)).join(' or ')
}

/** Flows grouped by their group ("" last, as "Ungrouped"), each group sorted by name. */
export function groupFlows<T extends FlowDoc>(flows: readonly T[]): { group: string; flows: T[] }[] {
  const by = new Map<string, T[]>()
  for (const f of flows) {
    const g = f.group?.trim() ?? ''
    const list = by.get(g) ?? []
    list.push(f)
    by.set(g, list)
  }
  return [...by.entries()]
    .sort(([a], [b]) => (a === '' ? 1 : 0) - (b === '' ? 1 : 0) || a.localeCompare(b))
    .map(([group, list]) => ({ group, flows: list.sort((x, y) => (x.name || x.id).localeCompare(y.name || y.id)) }))
}

// --- runs and traces ------------------------------------------------------------------

export interface FlowTriggerTrace {
  type: string
  /** Position in the flow's triggers; -1 for manual and test runs. */
  index: number
  alias?: string
  key?: string
  matched: boolean
  reason?: string
}

export interface FlowCondTrace {
  type: string
  alias?: string
  result: boolean
  reason?: string
  skipped?: boolean
  children?: FlowCondTrace[]
}

export interface FlowActionTrace {
  index: number
  type: string
  alias?: string
  /** ok, error, skipped, disabled, dryRun, stopped, canceled */
  status: string
  startMs: number
  durationMs: number
  notes?: string[]
  error?: string
  children?: FlowActionTrace[]
}

/** One run (or dry run) of a flow (flow.Trace). */
export interface FlowTrace {
  runId: string
  flowId: string
  flowName: string
  parentRunId?: string
  dryRun?: boolean
  depth?: number
  started: string
  finished: string
  durationMs: number
  /** running, completed, stopped, failed, canceled, rejected, ignored */
  status: string
  reason?: string
  trigger: FlowTriggerTrace
  event?: LiveEvent | null
  args?: Record<string, string> | null
  conditions: FlowCondTrace[]
  actions: FlowActionTrace[]
  variables?: Record<string, unknown> | null
  errors?: string[] | null
}

export function normalizeFlowTrace(raw: Partial<FlowTrace> | null | undefined): FlowTrace {
  const t = raw ?? {}
  return {
    runId: t.runId ?? '',
    flowId: t.flowId ?? '',
    flowName: t.flowName ?? '',
    parentRunId: t.parentRunId,
    dryRun: Boolean(t.dryRun),
    depth: t.depth ?? 0,
    started: t.started ?? '',
    finished: t.finished ?? '',
    durationMs: typeof t.durationMs === 'number' ? t.durationMs : 0,
    status: t.status ?? 'unknown',
    reason: t.reason,
    trigger: t.trigger ?? { type: '', index: -1, matched: false },
    event: t.event ?? null,
    args: t.args ?? null,
    conditions: Array.isArray(t.conditions) ? t.conditions : [],
    actions: Array.isArray(t.actions) ? t.actions : [],
    variables: t.variables ?? null,
    errors: Array.isArray(t.errors) ? t.errors : [],
  }
}

export type RunTone = 'ok' | 'bad' | 'warn' | 'info' | 'muted'

const RUN_STATUS_TONE: Record<string, RunTone> = {
  completed: 'ok',
  ok: 'ok',
  dryRun: 'info',
  running: 'info',
  queued: 'info',
  failed: 'bad',
  error: 'bad',
  rejected: 'warn',
  ignored: 'warn',
  stopped: 'muted',
  canceled: 'muted',
  skipped: 'muted',
  disabled: 'muted',
}

/** Colour of a run or action status. */
export function runStatusTone(status: string): RunTone {
  return RUN_STATUS_TONE[status] ?? 'muted'
}

const RUN_STATUS_TEXT: Record<string, string> = {
  completed: 'Ran',
  running: 'Running',
  queued: 'Queued',
  failed: 'Failed',
  rejected: 'Did not pass',
  ignored: 'Ignored',
  stopped: 'Stopped',
  canceled: 'Canceled',
  dryRun: 'Would run',
  ok: 'Done',
  error: 'Error',
  skipped: 'Skipped',
  disabled: 'Disabled',
}

export function runStatusText(status: string): string {
  return RUN_STATUS_TEXT[status] ?? status
}

/** Milliseconds for people: "0.04 ms", "12 ms", "1.5 s". */
export function formatRunMs(ms: number): string {
  if (!Number.isFinite(ms)) return ''
  if (ms < 1) return `${ms.toFixed(2)} ms`
  if (ms < 1000) return `${Math.round(ms)} ms`
  return `${(ms / 1000).toFixed(ms < 10000 ? 1 : 0)} s`
}

/** One line on how a run went, e.g. "Did not pass: conditions not met". */
export function flowTraceHeadline(t: FlowTrace): string {
  const base = t.dryRun && t.status === 'completed' ? 'Test passed' : runStatusText(t.status)
  return t.reason ? `${base}: ${t.reason}` : base
}

/** How many actions (nested ones included) a trace lists. */
export function flowTraceActionCount(actions: readonly FlowActionTrace[]): number {
  return actions.reduce((n, a) => n + 1 + flowTraceActionCount(a.children ?? []), 0)
}

// --- requests -------------------------------------------------------------------------

/** POST /api/flows/{id}/test body. */
export interface FlowTestRequest {
  event?: LiveEvent
  /** A state message sample, e.g. {type: "goal", data: {…}}. */
  message?: { type: string; data: unknown }
  args?: Record<string, string>
  /** Test this unsaved definition instead of the stored one. */
  flow?: FlowDoc
  /** Run the actions even when no trigger matches or a condition fails. */
  force?: boolean
}

/** POST /api/flows/{id}/run reply (flow.Fired). */
export interface FlowRunStarted {
  flowId: string
  runId: string
  /** running, queued, rejected, ignored */
  status: string
  reason?: string
}

export interface FlowImportResult {
  id: string
  name: string
  enabled: boolean
  /** Why it was imported switched off. */
  error?: string
}

export interface FlowExport {
  blob: Blob
  filename: string
}

export type FlowVariables = Record<string, unknown>

function normalizeView(v: Partial<FlowView> | null | undefined): FlowView | null {
  if (!v || typeof v.id !== 'string' || !v.id) return null
  const st: Partial<FlowStatus> = v.status ?? {}
  return {
    ...(v as FlowView),
    name: typeof v.name === 'string' && v.name ? v.name : v.id,
    group: typeof v.group === 'string' ? v.group : '',
    enabled: Boolean(v.enabled),
    triggers: Array.isArray(v.triggers) ? v.triggers : [],
    conditions: Array.isArray(v.conditions) ? v.conditions : [],
    actions: Array.isArray(v.actions) ? v.actions : [],
    status: {
      valid: st.valid !== false,
      error: st.error,
      active: Boolean(st.active),
      running: st.running ?? 0,
      waiting: st.waiting ?? 0,
      breakerOpen: Boolean(st.breakerOpen),
      definition: st.definition,
    },
  }
}

/** Client of the flow engine's service (bindings on desktop, REST in a browser). */
export class FlowsApi {
  private readonly svc: FlowsService

  constructor(svc: FlowsService) {
    this.svc = svc
  }

  private static view(raw: unknown): FlowView {
    const v = normalizeView(raw as Partial<FlowView> | null)
    if (!v) throw new Error('Unexpected reply from the flow engine')
    return v
  }

  /** The service cannot cancel a call: an aborted caller gets AbortError once it answers. */
  async list(signal?: AbortSignal): Promise<FlowView[]> {
    const raw = await this.svc.list()
    signal?.throwIfAborted()
    return (Array.isArray(raw) ? (raw as Partial<FlowView>[]) : []).map(normalizeView).filter((v): v is FlowView => v !== null)
  }

  async get(id: string): Promise<FlowView> {
    return FlowsApi.view(await this.svc.get(id))
  }

  /** Creates or replaces the flow (400 with the reasons when it does not validate). */
  async save(doc: FlowDoc): Promise<FlowView> {
    return FlowsApi.view(await this.svc.put(doc))
  }

  remove(id: string): Promise<void> {
    return this.svc.remove(id)
  }

  async setEnabled(id: string, enabled: boolean): Promise<FlowView> {
    return FlowsApi.view(await this.svc.enable(id, enabled))
  }

  /** Starts the saved flow by hand (its conditions and mode apply). */
  async run(id: string, event?: LiveEvent, args?: Record<string, string>): Promise<FlowRunStarted> {
    const r = (await this.svc.run({ id, ...(event ? { event } : {}), ...(args ? { args } : {}) })) as Partial<FlowRunStarted> | null
    return { flowId: r?.flowId ?? id, runId: r?.runId ?? '', status: r?.status ?? 'running', reason: r?.reason }
  }

  /** Dry run against a sample: nothing is published, sent, stored or counted. */
  async test(id: string, req: FlowTestRequest = {}): Promise<FlowTrace> {
    return normalizeFlowTrace((await this.svc.test(id, req)) as Partial<FlowTrace> | null)
  }

  /** Recent runs, newest first (kept in memory by the engine). */
  async runs(id: string, signal?: AbortSignal): Promise<FlowTrace[]> {
    const raw = await this.svc.runs(id)
    signal?.throwIfAborted()
    return (Array.isArray(raw) ? (raw as Partial<FlowTrace>[]) : []).map(normalizeFlowTrace)
  }

  /** Imports one flow or a list; invalid ones are stored switched off, with the reason. */
  async importFlows(flows: unknown): Promise<FlowImportResult[]> {
    const r = await this.svc.importFlows(flows)
    return Array.isArray(r) ? (r as FlowImportResult[]) : []
  }

  /** All flows (or the given ones) as a JSON file ready for import. */
  async exportFlows(ids: readonly string[] = []): Promise<FlowExport> {
    const list = await this.svc.exportFlows(ids)
    const text = `${JSON.stringify(Array.isArray(list) ? list : [], null, 2)}\n`
    const blob = new Blob([text], { type: 'application/json' })
    const filename = ids.length === 1 ? `ltth-flow-${ids[0]}.json` : 'ltth-flows.json'
    return { blob, filename }
  }

  async registry(signal?: AbortSignal): Promise<FlowRegistry> {
    const raw = await this.svc.registry()
    signal?.throwIfAborted()
    return normalizeFlowRegistry(raw)
  }

  async variables(signal?: AbortSignal): Promise<FlowVariables> {
    const v = await this.svc.variables()
    signal?.throwIfAborted()
    return isPlainObject(v) ? v : {}
  }

  /** Sets variables; a null value deletes one. Resolves to every variable. */
  async setVariables(patch: Record<string, unknown>): Promise<FlowVariables> {
    const v = await this.svc.setVariables(patch)
    return isPlainObject(v) ? v : {}
  }
}

export function flowsApi(api: ApiClient): FlowsApi {
  return new FlowsApi(api.services.flows)
}
