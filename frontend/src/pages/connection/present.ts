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

export interface SourceInfo {
  label: string
  about: string
}

export const SOURCE_INFO: Record<string, SourceInfo> = {
  direct: { label: 'Direct webcast', about: "TikTok's own LIVE connection, signed by the sign server." },
  euler: { label: 'Euler relay', about: 'Euler Stream relays the LIVE to LTTH. An Euler API key raises its limits.' },
  browser: { label: 'Browser capture', about: 'Reads the LIVE page in your own Chrome, Edge or Chromium.' },
  tikfinity: { label: 'TikFinity bridge', about: 'Takes the events from the TikFinity desktop app while it runs.' },
  replay: { label: 'Replay', about: 'A recorded capture played back.' },
}

export function sourceLabel(name: string | undefined): string {
  if (!name) return ''
  return SOURCE_INFO[name]?.label ?? name
}

export const STATE_LABELS: Record<string, string> = {
  connected: 'Connected',
  connecting: 'Connecting…',
  reconnecting: 'Reconnecting…',
  disconnected: 'Not connected',
  error: 'Connection failed',
}

export function stateLabel(state: string): string {
  return STATE_LABELS[state] ?? state
}

export const SOURCE_STATE_LABELS: Record<string, string> = {
  live: 'Live',
  standby: 'Standby',
  trying: 'Trying…',
  failed: 'Failed',
  cooldown: 'Cooling down',
  idle: 'Idle',
  off: 'Off',
}

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
export const CODE_INFO: Record<string, CodeInfo> = {
  invalid_target: {
    title: "That isn't a TikTok username or LIVE link",
    hint: 'Use @name, a tiktok.com/@name/live link, or a room id.',
    fix: 'target',
    fixLabel: 'Edit the username',
  },
  user_not_found: {
    title: 'TikTok user not found',
    hint: 'Use the @handle from the profile link, not the display name.',
    fix: 'target',
    fixLabel: 'Edit the username',
  },
  not_live: {
    title: 'Not LIVE right now',
    hint: 'You can leave LTTH running: it keeps checking and connects when the LIVE starts.',
  },
  age_restricted: {
    title: 'Age-restricted LIVE (18+)',
    hint: 'Paste the sessionid cookie of a logged-in TikTok account into “TikTok session id” in the settings below.',
    fix: 'sessionId',
    fixLabel: 'Add a session id',
  },
  rate_limited: {
    title: 'Rate limit reached',
    hint: 'LTTH waits and retries by itself. An Euler API key raises the limit.',
    fix: 'apiKey',
    fixLabel: 'Add an API key',
  },
  invalid_api_key: {
    title: 'API key rejected',
    hint: 'Copy the key again from your Euler Stream dashboard and save it in the settings below.',
    fix: 'apiKey',
    fixLabel: 'Check the API key',
  },
  sign_server_error: {
    title: 'Sign server problem',
    hint: 'The sign server is down or answered oddly. Another source may still work; check the sign server URL if you set one.',
    fix: 'signServerUrl',
    fixLabel: 'Check the sign server',
  },
  blocked: {
    title: 'TikTok is blocking the connection',
    hint: 'Try again later, move browser capture to the top of the sources, or use another network.',
    fix: 'sources',
    fixLabel: 'Change the sources',
  },
  handshake_refused: {
    title: 'TikTok refused the connection',
    hint: 'Move another source (Euler relay or browser capture) to the top of the list.',
    fix: 'sources',
    fixLabel: 'Change the sources',
  },
  network: {
    title: "Can't reach the service",
    hint: 'Check your internet connection, firewall or VPN. LTTH keeps trying by itself.',
  },
  stream_ended: {
    title: 'The LIVE has ended',
    hint: 'Connect again when the next LIVE starts.',
  },
  unavailable: {
    title: 'Source not available here',
    hint: 'This connection method cannot run right now; the reason says why.',
    fix: 'sources',
    fixLabel: 'Change the sources',
  },
  protocol: {
    title: 'Unexpected data from TikTok',
    hint: 'Record a capture and send it with a bug report.',
  },
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
    title: info?.title ?? (state === 'error' ? 'Connection failed' : 'Connection problem'),
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
  if (roomId) return `room ${roomId}`
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
  if (!item.enabled) return { name: item.name, state: 'off', reason: 'Not used' }
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
  if (left <= 500) return 'a moment'
  return formatDuration(Math.ceil(left / 1000) * 1000)
}

/** Clock time, with the date when not today. */
export function formatTime(ts: number, now = Date.now()): string {
  if (!ts) return ''
  const d = new Date(ts)
  const time = d.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' })
  if (new Date(now).toDateString() === d.toDateString()) return time
  return `${d.toLocaleDateString(undefined, { month: 'short', day: 'numeric' })} ${time}`
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
