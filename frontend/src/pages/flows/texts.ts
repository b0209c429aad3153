// The flow editor's words in the dashboard's language: run modes, run and
// action states, value kinds, element kinds, durations, one-line summaries
// of triggers and the engine's validation lines. Block names and field
// labels come from the registry, already localized (blocktexts.ts); reasons
// come from the traces as they are.

import { findFlowBlock, type FlowDoc, type FlowElement, type FlowElementKind, type FlowFieldSpec, type FlowRegistry, type FlowTrace, stableFlowJson } from '../../lib/api'
import { fmtNumber, m } from '../../lib/i18n'

const MODES: Record<string, () => string> = {
  single: m.fe_mode_single,
  restart: m.fe_mode_restart,
  queued: m.fe_mode_queued,
  parallel: m.fe_mode_parallel,
}

/** "Single — ignore new triggers while running" for a flow's mode. */
export function modeLabel(mode: string): string {
  return MODES[mode]?.() ?? mode
}

const STATUS: Record<string, () => string> = {
  completed: m.fe_st_completed,
  running: m.fe_st_running,
  queued: m.fe_st_queued,
  failed: m.fe_st_failed,
  rejected: m.fe_st_rejected,
  ignored: m.fe_st_ignored,
  stopped: m.fe_st_stopped,
  canceled: m.fe_st_canceled,
  dryRun: m.fe_st_dry_run,
  ok: m.fe_st_ok,
  error: m.fe_st_error,
  skipped: m.fe_st_skipped,
  disabled: m.fe_st_disabled,
}

/** A run's or an action's status for people ("Ran", "Did not pass", …). */
export function statusText(status: string): string {
  return STATUS[status]?.() ?? status
}

/** One line on how a run went, e.g. "Did not pass: conditions not met". */
export function traceHeadline(t: Pick<FlowTrace, 'dryRun' | 'status' | 'reason'>): string {
  const base = t.dryRun && t.status === 'completed' ? m.fe_test_passed() : statusText(t.status)
  return t.reason ? m.fe_headline({ status: base, reason: t.reason }) : base
}

const KINDS: Record<FlowElementKind, () => string> = {
  trigger: m.fe_kind_trigger,
  condition: m.fe_kind_condition,
  action: m.fe_kind_action,
}

/** "Trigger", "Condition", "Action". */
export function kindLabel(kind: FlowElementKind): string {
  return KINDS[kind]()
}

const VALUE_KINDS: Record<string, () => string> = {
  empty: m.fe_vk_empty,
  null: m.fe_vk_null,
  list: m.fe_vk_list,
  text: m.fe_vk_text,
  number: m.fe_vk_number,
  'true/false': m.fe_vk_bool,
  object: m.fe_vk_object,
}

/** What looseValueKind() said, in words ("number", "list", …). */
export function valueKindLabel(kind: string): string {
  return VALUE_KINDS[kind]?.() ?? kind
}

/** Milliseconds for people: "0.04 ms", "12 ms", "1.5 s" (decimal comma in German). */
export function fmtMs(ms: number): string {
  if (!Number.isFinite(ms)) return ''
  if (ms < 1) return `${fmtNumber(ms, { minimumFractionDigits: 2, maximumFractionDigits: 2 })} ms`
  if (ms < 1000) return `${fmtNumber(Math.round(ms))} ms`
  const digits = ms < 10000 ? 1 : 0
  return `${fmtNumber(ms / 1000, { minimumFractionDigits: digits, maximumFractionDigits: digits })} s`
}

const SECTION_KIND: Record<string, FlowElementKind> = { triggers: 'trigger', conditions: 'condition', actions: 'action' }

/** One line of the engine's error text for people: "Trigger 1 (Chat message): bad regular expression…". */
export function humanError(line: string, reg: FlowRegistry): string {
  const t = line.trim().replace(/^invalid flow:\s*/, '')
  const hit = /^(triggers|conditions|actions)\[(\d+)\](?:\s*\(([^)]*)\))?:\s*(.*)$/.exec(t)
  if (!hit) return t
  const kind = SECTION_KIND[hit[1]!]!
  const n = String(Number(hit[2]) + 1)
  const error = hit[4] ?? ''
  if (!hit[3]) return m.fe_error_at({ kind: kindLabel(kind), n, error })
  const name = findFlowBlock(reg, kind, hit[3])?.name ?? hit[3]
  return m.fe_error_at_named({ kind: kindLabel(kind), n, name, error })
}

function unset(v: unknown): boolean {
  return v === undefined || v === null || v === '' || (typeof v === 'number' && Number.isNaN(v)) || (Array.isArray(v) && v.length === 0)
}

function shortValue(v: unknown, f: FlowFieldSpec): string {
  const label = (x: unknown) => f.options?.find((o) => o.value === x)?.label ?? String(x)
  if (Array.isArray(v)) return v.map(label).join(', ')
  if (typeof v === 'string') return label(v)
  if (typeof v === 'boolean') return v ? m.fe_yes() : m.fe_no()
  if (typeof v === 'number') return fmtNumber(v)
  if (typeof v === 'object' && v !== null) return JSON.stringify(v)
  return String(v)
}

/** "Gift · Minimum coins 10": the label, else the block's name and its settings that differ from the defaults. */
export function summarize(el: FlowElement, kind: FlowElementKind, reg: FlowRegistry): string {
  if (el.alias?.trim()) return el.alias.trim()
  const info = findFlowBlock(reg, kind, el.type)
  if (!info) return el.type
  const parts = [info.name]
  for (const f of info.fields) {
    const v = el.config?.[f.name]
    if (f.kind === 'conditions' || unset(v) || stableFlowJson(v) === stableFlowJson(f.default)) continue
    parts.push(`${f.label} ${shortValue(v, f)}`)
  }
  const text = parts.join(' · ')
  return text.length > 90 ? `${text.slice(0, 89)}…` : text
}

/** The enabled triggers of a flow, summarized ("no trigger" when none). */
export function triggerSummary(d: FlowDoc, reg: FlowRegistry): string {
  const on = (d.triggers ?? []).filter((t) => t.enabled !== false).map((t) => summarize(t, 'trigger', reg))
  if (on.length === 0) return m.fe_no_trigger()
  return on.reduce((a, b) => m.fe_or({ a, b }))
}
