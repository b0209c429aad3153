// How the flow editor shows block fields: durations in seconds (the Alerts
// page's unit; the stored value stays milliseconds), "Everyone" when no role
// is picked, and fields that do not apply hidden.

import type { FlowFieldOption, FlowFieldSpec } from '../../lib/api'

/** A number field that stores milliseconds ("durationMs", "timeoutMs", …). */
export function isDurationMs(spec: FlowFieldSpec): boolean {
  return spec.kind === 'number' && /Ms$/.test(spec.name)
}

/** The label shown: milliseconds fields are edited in seconds. */
export function fieldLabel(spec: FlowFieldSpec): string {
  if (!isDurationMs(spec)) return spec.label
  return /\(ms\)/i.test(spec.label) ? spec.label.replace(/\(ms\)/i, '(seconds)') : `${spec.label} (seconds)`
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

/**
 * Whether a field applies given the block's other settings: the top-gifter
 * places only matter when the "Top gifter" role is picked.
 */
export function fieldApplies(spec: FlowFieldSpec, config: Record<string, unknown>): boolean {
  if (spec.name === 'topN') return strings(config.roles).includes('topGifter')
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
