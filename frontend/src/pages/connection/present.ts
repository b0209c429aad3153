// What the Connection page shows for the connector's states and codes:
// streamer-friendly titles and hints, the most useful explanation when every
// source failed, the editable source list, durations.

import {
  CONNECTOR_SOURCES,
  isConnectorSource,
  type ConnectorSourceStatus,
  type ConnectorStatus,
  type ConnectorTimelineEntry,
  type ConnectorGap,
} from '../../lib/api'
import { fmtDateTime, fmtTime, m } from '../../lib/i18n'

export interface SourceInfo {
  label: string
  about: string
}

/** A record whose values are read through functions (the current language on every read). */
function lazy<T>(fns: Record<string, () => T>): Record<string, T> {
  const out: Record<string, T> = {}
  for (const [k, f] of Object.entries(fns)) Object.defineProperty(out, k, { get: f, enumerable: true })
  return out
}

const info = (label: () => string, about: () => string): (() => SourceInfo) => () => ({ label: label(), about: about() })

export const SOURCE_INFO: Record<string, SourceInfo> = lazy({
  direct: info(m.src_direct, m.src_direct_about),
  euler: info(m.src_euler, m.src_euler_about),
  browser: info(m.src_browser, m.src_browser_about),
  tikfinity: info(m.src_tikfinity, m.src_tikfinity_about),
  replay: info(m.src_replay, m.src_replay_about),
})

export function sourceLabel(name: string | undefined): string {
  if (!name) return ''
  return SOURCE_INFO[name]?.label ?? name
}

export const STATE_LABELS: Record<string, string> = lazy({
  connected: m.conn_connected,
  connecting: m.conn_connecting,
  reconnecting: m.conn_reconnecting,
  disconnected: m.conn_disconnected,
  error: m.conn_failed,
})

export function stateLabel(state: string): string {
  return STATE_LABELS[state] ?? state
}

export const SOURCE_STATE_LABELS: Record<string, string> = lazy({
  live: m.srcstate_live,
  standby: m.srcstate_standby,
  trying: m.srcstate_trying,
  failed: m.srcstate_failed,
  cooldown: m.srcstate_cooldown,
  idle: m.srcstate_idle,
  off: m.srcstate_off,
})

export function sourceStateLabel(state: string): string {
  return SOURCE_STATE_LABELS[state] ?? state
}

/** What a settings field the hint points to. */
export type FixTarget = 'sessionId' | 'apiKey' | 'signServerUrl' | 'tikfinityUrl' | 'browserPath' | 'sources' | 'target'

export interface CodeInfo {
  title: string
  hint: string
  fix?: FixTarget
  fixLabel?: string
}

/** Per failure code (backend/tiktok/source/errors.go). */
export const CODE_INFO: Record<string, CodeInfo> = lazy<CodeInfo>({
  invalid_target: () => ({ title: m.code_invalid_target(), hint: m.code_invalid_target_hint(), fix: 'target', fixLabel: m.fix_username() }),
  user_not_found: () => ({ title: m.code_user_not_found(), hint: m.code_user_not_found_hint(), fix: 'target', fixLabel: m.fix_username() }),
  not_live: () => ({ title: m.code_not_live(), hint: m.code_not_live_hint() }),
  age_restricted: () => ({ title: m.code_age_restricted(), hint: m.code_age_restricted_hint(), fix: 'sessionId', fixLabel: m.fix_session() }),
  rate_limited: () => ({ title: m.code_rate_limited(), hint: m.code_rate_limited_hint(), fix: 'apiKey', fixLabel: m.fix_add_key() }),
  invalid_api_key: () => ({ title: m.code_invalid_api_key(), hint: m.code_invalid_api_key_hint(), fix: 'apiKey', fixLabel: m.fix_check_key() }),
  sign_server_error: () => ({ title: m.code_sign_server_error(), hint: m.code_sign_server_error_hint(), fix: 'signServerUrl', fixLabel: m.fix_sign_server() }),
  blocked: () => ({ title: m.code_blocked(), hint: m.code_blocked_hint(), fix: 'sources', fixLabel: m.fix_sources() }),
  handshake_refused: () => ({ title: m.code_handshake_refused(), hint: m.code_handshake_refused_hint(), fix: 'sources', fixLabel: m.fix_sources() }),
  network: () => ({ title: m.code_network(), hint: m.code_network_hint() }),
  stream_ended: () => ({ title: m.code_stream_ended(), hint: m.code_stream_ended_hint() }),
  unavailable: () => ({ title: m.code_unavailable(), hint: m.code_unavailable_hint(), fix: 'sources', fixLabel: m.fix_sources() }),
  protocol: () => ({ title: m.code_protocol(), hint: m.code_protocol_hint() }),
})

/**
 * The connection's overall reason in the dashboard's language: the
 * connector's own phrases (backend/tiktok/connector) get catalogue texts, a
 * failure code its title; any other text is shown as the server wrote it.
 */
export function connectionReasonText(reason: string, code?: string): string {
  let r: RegExpExecArray | null
  if (reason === 'disconnected by the user') return m.conn_why_user()
  if (reason === 'every source is cooling down') return m.conn_why_cooling()
  if ((r = /^connecting to (.+)$/.exec(reason))) return m.conn_why_connecting_to({ target: r[1] ?? '' })
  if ((r = /^connecting via (.+)$/.exec(reason))) return m.conn_why_connecting_via({ source: r[1] ?? '' })
  if ((r = /^live via (.+)$/.exec(reason))) return m.conn_why_live_via({ source: r[1] ?? '' })
  const info = code ? CODE_INFO[code] : undefined
  if (reason.startsWith('no source could connect')) return info ? m.conn_why_none_code({ what: info.title }) : m.conn_why_none()
  return info ? info.title : reason
}

/** Codes from most to least telling, to pick the explanation when several sources failed. */
const CODE_PRIORITY = [
  'invalid_target',
  'user_not_found',
  'stream_ended',
  'not_live',
  'age_restricted',
  'invalid_api_key',
  'rate_limited',
  'blocked',
  'handshake_refused',
  'sign_server_error',
  'protocol',
  'network',
  'unavailable',
]

function rank(code: string | undefined): number {
  const i = code ? CODE_PRIORITY.indexOf(code) : -1
  return i < 0 ? CODE_PRIORITY.length : i
}

export type Tone = 'ok' | 'busy' | 'bad' | 'idle'

export interface Problem {
  code: string
  title: string
  /** The server's words for the streamer (TikTok's reason included). */
  reason: string
  hint: string
  /** Which source it came from, when known. */
  source?: string
  fix?: FixTarget
  fixLabel?: string
  /** Unix ms: a cooldown ends (rate_limited). */
  until?: number
}

/** Generic summaries the failover loop writes when no single source is to blame. */
function isGeneric(reason: string): boolean {
  return /^(no source could connect|every source is cooling down)/i.test(reason) || /^connecting (to|via) /i.test(reason)
}

/** The source problem that best explains the connection state (most telling code first, then the user's order). */
export function primarySourceProblem(sources: ConnectorSourceStatus[]): ConnectorSourceStatus | undefined {
  let best: ConnectorSourceStatus | undefined
  for (const s of sources) {
    if ((s.state !== 'failed' && s.state !== 'cooldown') || !s.code) continue
    if (!best || rank(s.code) < rank(best.code)) best = s
  }
  return best
}

/**
 * Why the connection is not live, in words a streamer can act on; null when
 * there is nothing to explain (connected, connecting, or never started).
 */
export function describeProblem(st: ConnectorStatus): Problem | null {
  const state = st.state
  if (state === 'connected' || state === 'connecting') return null
  if (state === 'disconnected' && st.code !== 'stream_ended') return null

  const viaSource = primarySourceProblem(st.sources)
  let code = st.code ?? ''
  let reason = st.reason
  let source = st.source || undefined
  let until: number | undefined
  // The overall reason names no cause ("no source could connect…", code of
  // whichever source failed last): explain with the most telling source.
  if (viaSource && (!code || isGeneric(reason) || rank(viaSource.code) < rank(code))) {
    code = viaSource.code ?? code
    reason = viaSource.reason ?? reason
    source = viaSource.name
    until = viaSource.until
  } else if (source) {
    until = st.sources.find((s) => s.name === source)?.until
  }
  if (!code && !reason) return null
  const info = CODE_INFO[code]
  const p: Problem = {
    code: code || 'unknown',
    title: info?.title ?? (state === 'error' ? m.conn_failed() : m.conn_problem()),
    reason: reason || info?.hint || '',
    hint: info?.hint ?? '',
  }
  if (source) p.source = source
  if (info?.fix) p.fix = info.fix
  if (info?.fixLabel) p.fixLabel = info.fixLabel
  if (until) p.until = until
  return p
}

export function stateTone(state: string): Tone {
  switch (state) {
    case 'connected':
      return 'ok'
    case 'connecting':
    case 'reconnecting':
      return 'busy'
    case 'error':
      return 'bad'
    default:
      return 'idle'
  }
}

/** "@handle", "room 123", or "". */
export function targetLabel(uniqueId: string, roomId: string): string {
  if (uniqueId) return `@${uniqueId}`
  if (roomId) return m.ev_room({ room: roomId })
  return ''
}

// --- the editable source list ----------------------------------------------

export interface SourceItem {
  name: string
  enabled: boolean
}

/** Enabled sources in the saved order, then the others in the default order. */
export function sourceItems(enabled: readonly string[]): SourceItem[] {
  const out: SourceItem[] = []
  for (const n of enabled) if (isConnectorSource(n) && !out.some((s) => s.name === n)) out.push({ name: n, enabled: true })
  for (const n of CONNECTOR_SOURCES) if (!out.some((s) => s.name === n)) out.push({ name: n, enabled: false })
  return out
}

/** What PUT /api/connection/settings wants: the enabled names in order. */
export function enabledNames(items: readonly SourceItem[]): string[] {
  return items.filter((s) => s.enabled).map((s) => s.name)
}

/** Moves item i by delta (−1 up, +1 down); out-of-range moves return the list unchanged. */
export function moveItem<T>(items: readonly T[], i: number, delta: number): T[] {
  const j = i + delta
  if (i < 0 || i >= items.length || j < 0 || j >= items.length) return [...items]
  const out = [...items]
  const a = out[i] as T
  out[i] = out[j] as T
  out[j] = a
  return out
}

export function toggleItem(items: readonly SourceItem[], name: string): SourceItem[] {
  return items.map((s) => (s.name === name ? { ...s, enabled: !s.enabled } : s))
}

export function sameItems(a: readonly SourceItem[], b: readonly SourceItem[]): boolean {
  return a.length === b.length && a.every((s, i) => s.name === b[i]?.name && s.enabled === b[i]?.enabled)
}

/** Status of a source for display: "off" when disabled, "idle" when the server has not mentioned it. */
export function sourceView(item: SourceItem, statuses: readonly ConnectorSourceStatus[]): ConnectorSourceStatus {
  if (!item.enabled) return { name: item.name, state: 'off', reason: m.src_not_used() }
  return statuses.find((s) => s.name === item.name) ?? { name: item.name, state: 'idle' }
}

// --- timeline and gaps -------------------------------------------------------

export function newestFirst<T extends ConnectorTimelineEntry | ConnectorGap>(list: readonly T[]): T[] {
  const key = (x: T) => ('ts' in x ? x.ts : x.from)
  // Reversed first so that entries with the same time keep newest-first order (sort is stable).
  return [...list].reverse().sort((a, b) => key(b) - key(a))
}

/** Duration of a gap; an open gap grows until now. */
export function gapDuration(g: ConnectorGap, now: number): number {
  if (!g.to && g.from) return Math.max(g.durationMs, now - g.from)
  return g.durationMs
}

/** "850 ms", "12 s", "3 min 05 s", "2 h 04 min". */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) ms = 0
  if (ms < 1000) return `${Math.round(ms)} ms`
  const s = Math.floor(ms / 1000)
  if (s < 60) return `${s} s`
  const m = Math.floor(s / 60)
  if (m < 60) return `${m} min ${String(s % 60).padStart(2, '0')} s`
  const h = Math.floor(m / 60)
  return `${h} h ${String(m % 60).padStart(2, '0')} min`
}

/** Seconds left until `until` as "42 s" (or "a moment"). */
export function countdown(until: number, now: number): string {
  const left = until - now
  if (left <= 500) return m.a_moment()
  return formatDuration(Math.ceil(left / 1000) * 1000)
}

/** Clock time, with the date when not today. */
export function formatTime(ts: number, now = Date.now()): string {
  if (!ts) return ''
  const d = new Date(ts)
  const time = fmtTime(d, { hour: '2-digit', minute: '2-digit', second: '2-digit' })
  if (new Date(now).toDateString() === d.toDateString()) return time
  return `${fmtDateTime(d, { month: 'short', day: 'numeric' })} ${time}`
}

/** Last path element of a Windows or Unix path. */
export function baseName(path: string): string {
  const parts = path.split(/[\\/]/)
  return parts[parts.length - 1] || path
}

export interface TimelineRow extends ConnectorTimelineEntry {
  /** How many consecutive identical changes this row stands for. */
  count: number
  /** Time of the oldest of them (ts is the newest). */
  firstTs: number
}

function reasonKey(reason: string | undefined): string {
  return (reason ?? '').replace(/\s*\(next try in [^)]*\)\s*$/, '')
}

/** An entry written when one source is tried ("connecting via direct"). */
export function isAttempt(e: ConnectorTimelineEntry): boolean {
  return (e.state === 'connecting' || e.state === 'reconnecting') && /^connecting via /i.test(e.reason ?? '')
}

/**
 * Newest first, with runs of the same change folded into one row (a
 * failover loop writes the same entries again and again). Without
 * `attempts`, the per-source tries are left out.
 */
export function foldTimeline(list: readonly ConnectorTimelineEntry[], attempts = false): TimelineRow[] {
  const out: TimelineRow[] = []
  for (const e of newestFirst(list)) {
    if (!attempts && isAttempt(e)) continue
    const last = out[out.length - 1]
    if (last && last.state === e.state && last.source === e.source && last.code === e.code && reasonKey(last.reason) === reasonKey(e.reason)) {
      last.count++
      last.firstTs = e.ts
      continue
    }
    out.push({ ...e, count: 1, firstTs: e.ts })
  }
  return out
}
