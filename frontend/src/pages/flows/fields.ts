// How the flow editor shows block fields: durations in seconds (the Alerts
// page's unit; the stored value stays milliseconds), "Everyone" when no role
// is picked, and fields that do not apply hidden.

import type { FlowFieldOption, FlowFieldSpec } from '../../lib/api'
import { m } from '../../lib/i18n'

/** A number field that stores milliseconds ("durationMs", "timeoutMs", …). */
export function isDurationMs(spec: FlowFieldSpec): boolean {
  return spec.kind === 'number' && /Ms$/.test(spec.name)
}

/** The label shown: milliseconds fields are edited in seconds. */
export function fieldLabel(spec: FlowFieldSpec): string {
  if (!isDurationMs(spec)) return spec.label
  return m.fe_in_seconds({ label: spec.label.replace(/\s*\(ms\)/i, '').trim() })
}

/** Stored milliseconds → shown seconds (undefined when unset). */
export function msToSeconds(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? Math.round(v) / 1000 : undefined
}

/** Typed seconds → stored milliseconds (whole ms; undefined when empty). */
export function secondsToMs(s: number | undefined): number | undefined {
  return s === undefined || !Number.isFinite(s) ? undefined : Math.round(s * 1000)
}

/** The role option that means "no restriction". */
export const EVERYONE = 'everyone'

/** Whether a role chip shows as picked: with none picked, "Everyone" does. */
export function chipOn(picked: readonly string[], value: string, hasEveryone: boolean): boolean {
  if (picked.length === 0) return hasEveryone && value === EVERYONE
  return picked.includes(value)
}

function strings(v: unknown): string[] {
  if (Array.isArray(v)) return v.map(String)
  return typeof v === 'string' && v ? [v] : []
}

/** Comparison operators that take no value. */
const NO_VALUE_OPS = new Set(['any', 'exists', 'notExists', 'isTrue', 'isFalse'])

/**
 * Whether a field applies given the block's other settings (fields: the
 * block's specs, for the defaults of unset settings): the top-gifter places
 * only with the "Top gifter" role; the text to match only when a chat
 * trigger matches something; a value only for operators that compare with
 * one; a webhook body only when the method sends one; an OSC value only for
 * types that carry one.
 */
export function fieldApplies(spec: FlowFieldSpec, config: Record<string, unknown>, fields: readonly FlowFieldSpec[] = []): boolean {
  const has = (name: string) => fields.some((f) => f.name === name)
  const val = (name: string): unknown => config[name] ?? fields.find((f) => f.name === name)?.default
  switch (spec.name) {
    case 'topN':
      return strings(config.roles).includes('topGifter')
    case 'text':
      return !has('match') || val('match') !== 'any'
    case 'value':
      if (has('type') && has('address')) return !['T', 'F'].includes(String(val('type'))) // osc.send: true/false carry no value
      return !has('op') || !NO_VALUE_OPS.has(String(val('op')))
    case 'ignoreCase':
      if (has('match')) return val('match') !== 'any'
      return !has('op') || !NO_VALUE_OPS.has(String(val('op')))
    case 'body':
    case 'contentType':
      return !has('method') || val('method') !== 'GET'
  }
  return true
}

/**
 * A select's choices: its fixed options, else the live ones (optionsUrl);
 * a value already set that is not among them stays offered.
 */
export function selectChoices(fixed: readonly FlowFieldOption[], live: readonly FlowFieldOption[], current: string): FlowFieldOption[] {
  const out = [...(fixed.length ? fixed : live)]
  if (current && !out.some((o) => o.value === current)) out.push({ value: current, label: current })
  return out
}
