// The TikTok connection service (backend/tiktok/connector/svc.go; bindings
// on desktop, REST in a browser, see services/connection.ts):
// status with per-source states, timeline and coverage gaps; connect and
// disconnect; settings with masked secrets; capture recording; replay.
// Names are prefixed `Connector…` so they never clash with other api modules.

import { bridgeOpenCapture } from './bootstrap'
import type { ApiClient } from './client'
import { CONNECTOR_MISSING } from './client'
import { ApiError } from './http'
import { ServiceError, type ConnectionService } from './services'
import { m } from '../i18n'

/** Every source the connector knows, in its default order. */
export const CONNECTOR_SOURCES = ['direct', 'euler', 'browser', 'tikfinity'] as const
export type ConnectorSourceName = (typeof CONNECTOR_SOURCES)[number]

export function isConnectorSource(name: unknown): name is ConnectorSourceName {
  return typeof name === 'string' && (CONNECTOR_SOURCES as readonly string[]).includes(name)
}

/** Connection states ("state" of GET /api/connection and the `connection` feed message). */
export type ConnectorStateName = 'disconnected' | 'connecting' | 'connected' | 'reconnecting' | 'error'

/** Per-source states. */
export type ConnectorSourceStateName = 'live' | 'standby' | 'trying' | 'failed' | 'cooldown' | 'idle'

/** Stable failure codes (backend/tiktok/source/errors.go). */
export type ConnectorCode =
  | 'invalid_target'
  | 'user_not_found'
  | 'not_live'
  | 'age_restricted'
  | 'rate_limited'
  | 'invalid_api_key'
  | 'sign_server_error'
  | 'blocked'
  | 'handshake_refused'
  | 'network'
  | 'stream_ended'
  | 'unavailable'
  | 'protocol'

export interface ConnectorSourceStatus {
  name: string
  state: ConnectorSourceStateName | string
  code?: string
  reason?: string
  /** Unix ms: end of a cooldown. */
  until?: number
}

export interface ConnectorTimelineEntry {
  ts: number
  state: ConnectorStateName | string
  source?: string
  code?: string
  reason?: string
}

/** A period in which a watched LIVE was not covered by any source. */
export interface ConnectorGap {
  from: number
  /** 0 / absent while the gap is still open. */
  to?: number
  durationMs: number
  reason?: string
}

export interface ConnectorRecording {
  enabled: boolean
  /** The current (or last) capture file. */
  path?: string
  records: number
}

/** GET /api/connection. */
export interface ConnectorStatus {
  state: ConnectorStateName | string
  source: string
  uniqueId: string
  roomId: string
  reason: string
  code?: string
  /** Unix ms of the last state change (0 = never). */
  since: number
  sources: ConnectorSourceStatus[]
  timeline: ConnectorTimelineEntry[]
  gaps: ConnectorGap[]
  recording: ConnectorRecording
  /** The capture being replayed, when one is playing. */
  replaying?: string
}

/** GET /api/captures: a capture file in the data folder's captures/. */
export interface CaptureInfo {
  name: string
  size: number
  /** Unix ms of the last change. */
  modified: number
}

/** GET /api/connection/settings: secrets come back masked. */
export interface ConnectorSettings {
  target: string
  /** Enabled sources in the user's order. */
  sources: string[]
  apiKey: string
  sessionId: string
  signServerUrl: string
  tikfinityUrl: string
  browserPath: string
  apiKeySet: boolean
  sessionIdSet: boolean
  /** '' (none set), 'pending' (set, not confirmed: never run) or 'confirmed'. */
  browserPathState: BrowserPathState
}

export type BrowserPathState = '' | 'pending' | 'confirmed'

/** POST /api/connection/browser-path/confirm reply. */
export interface BrowserPathConfirmed {
  path: string
  /** The browser's --version answer, e.g. "Chromium 120.0…". */
  version: string
}

/**
 * PUT /api/connection/settings: absent fields stay; a secret sent back
 * masked stays; an empty secret clears it.
 */
export type ConnectorSettingsPatch = Partial<
  Pick<ConnectorSettings, 'target' | 'sources' | 'apiKey' | 'sessionId' | 'signServerUrl' | 'tikfinityUrl' | 'browserPath'>
>

export type ReplaySpeed = 1 | 4 | 'max'
export const REPLAY_SPEEDS: readonly ReplaySpeed[] = [1, 4, 'max']

export interface ReplayStarted {
  status: string
  /** The capture's file name in the captures folder. */
  name: string
  speed: number
}

/** What the server shows instead of a secret (source.Mask). */
export const SECRET_MASK = '***'

/** True for a value the server masked (sending it back keeps the secret). */
export function isMaskedSecret(v: string): boolean {
  return v.startsWith(SECRET_MASK)
}

// --- parsing (the server is trusted, but old/partial builds must not crash the page) ---

type Obj = Record<string, unknown>

function obj(v: unknown): Obj {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {}
}
function str(v: unknown): string {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : ''
}
function num(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : 0
}
function opt(o: Obj, key: string): string | undefined {
  const s = str(o[key])
  return s ? s : undefined
}

function parseSource(v: unknown): ConnectorSourceStatus | null {
  const o = obj(v)
  const name = str(o.name)
  if (!name) return null
  const s: ConnectorSourceStatus = { name, state: str(o.state) || 'idle' }
  const code = opt(o, 'code')
  const reason = opt(o, 'reason')
  if (code) s.code = code
  if (reason) s.reason = reason
  if (num(o.until) > 0) s.until = num(o.until)
  return s
}

function parseSources(v: unknown): ConnectorSourceStatus[] {
  return Array.isArray(v) ? v.map(parseSource).filter((s): s is ConnectorSourceStatus => s !== null) : []
}

function parseTimeline(v: unknown): ConnectorTimelineEntry[] {
  if (!Array.isArray(v)) return []
  const out: ConnectorTimelineEntry[] = []
  for (const item of v) {
    const o = obj(item)
    const state = str(o.state)
    if (!state) continue
    const e: ConnectorTimelineEntry = { ts: num(o.ts), state }
    const source = opt(o, 'source')
    const code = opt(o, 'code')
    const reason = opt(o, 'reason')
    if (source) e.source = source
    if (code) e.code = code
    if (reason) e.reason = reason
    out.push(e)
  }
  return out
}

function parseGaps(v: unknown): ConnectorGap[] {
  if (!Array.isArray(v)) return []
  const out: ConnectorGap[] = []
  for (const item of v) {
    const o = obj(item)
    const from = num(o.from)
    if (!from) continue
    const g: ConnectorGap = { from, durationMs: num(o.durationMs) }
    if (num(o.to) > 0) g.to = num(o.to)
    const reason = opt(o, 'reason')
    if (reason) g.reason = reason
    out.push(g)
  }
  return out
}

function parseRecording(v: unknown): ConnectorRecording {
  const o = obj(v)
  const r: ConnectorRecording = { enabled: o.enabled === true, records: num(o.records) }
  const path = opt(o, 'path')
  if (path) r.path = path
  return r
}

/** GET /api/connection reply → status (missing fields get safe defaults). */
export function parseConnectorStatus(raw: unknown): ConnectorStatus {
  const o = obj(raw)
  const s: ConnectorStatus = {
    state: str(o.state) || 'disconnected',
    source: str(o.source),
    uniqueId: str(o.uniqueId),
    roomId: str(o.roomId),
    reason: str(o.reason),
    since: num(o.since),
    sources: parseSources(o.sources),
    timeline: parseTimeline(o.timeline),
    gaps: parseGaps(o.gaps),
    recording: parseRecording(o.recording),
  }
  const code = opt(o, 'code')
  if (code) s.code = code
  const replaying = opt(o, 'replaying')
  if (replaying) s.replaying = replaying
  return s
}

/** GET /api/captures reply → the capture list (bad entries dropped). */
export function parseCaptures(raw: unknown): CaptureInfo[] {
  if (!Array.isArray(raw)) return []
  return raw.map(parseCapture).filter((c) => c.name !== '')
}

/** One capture (the POST /api/captures reply, or a list entry). */
export function parseCapture(raw: unknown): CaptureInfo {
  const o = obj(raw)
  return { name: str(o.name), size: num(o.size), modified: num(o.modified) }
}

/** GET/PUT /api/connection/settings reply → settings. */
export function parseConnectorSettings(raw: unknown): ConnectorSettings {
  const o = obj(raw)
  const sources = Array.isArray(o.sources) ? o.sources.map(str).filter(Boolean) : []
  return {
    target: str(o.target),
    sources,
    apiKey: str(o.apiKey),
    sessionId: str(o.sessionId),
    signServerUrl: str(o.signServerUrl),
    tikfinityUrl: str(o.tikfinityUrl),
    browserPath: str(o.browserPath),
    apiKeySet: o.apiKeySet === true || (o.apiKeySet === undefined && str(o.apiKey) !== ''),
    sessionIdSet: o.sessionIdSet === true || (o.sessionIdSet === undefined && str(o.sessionId) !== ''),
    browserPathState: parseBrowserPathState(o.browserPathState),
  }
}

function parseBrowserPathState(v: unknown): BrowserPathState {
  return v === 'pending' || v === 'confirmed' ? v : ''
}

/**
 * Applies a `connection` message from /ws (state, source, target, reason,
 * code, per-source states) to the last full status. Timeline, gaps and
 * recording only come from GET /api/connection; the caller refetches.
 * Returns null when the message is not a connection state.
 */
export function mergeConnectorMessage(prev: ConnectorStatus | null, data: unknown): ConnectorStatus | null {
  const o = obj(data)
  const state = str(o.state)
  if (!state) return null
  const base = prev ?? parseConnectorStatus({})
  const next: ConnectorStatus = {
    ...base,
    state,
    source: str(o.source),
    uniqueId: 'uniqueId' in o ? str(o.uniqueId) : base.uniqueId,
    roomId: 'roomId' in o ? str(o.roomId) : base.roomId,
    reason: str(o.reason),
    sources: Array.isArray(o.sources) ? parseSources(o.sources) : base.sources,
  }
  const code = opt(o, 'code')
  if (code) next.code = code
  else delete next.code
  if (state !== base.state) next.since = num(o.since) || Date.now()
  return next
}

export interface SecretCheck {
  ok: boolean
  message?: string
}

/**
 * A secret field can be left as the server's mask (keep), emptied (clear)
 * or replaced by a whole new value. Typing next to the mask would be
 * silently ignored by the server, so it is refused here.
 */
export function checkSecretInput(value: string, savedMask: string): SecretCheck {
  const v = value.trim()
  if (v === '' || v === savedMask) return { ok: true }
  if (isMaskedSecret(v)) return { ok: false, message: m.conn_secret_replace() }
  return { ok: true }
}

/** The settings fields a PUT should send: only what differs from what the server has. */
export function connectorSettingsPatch(saved: ConnectorSettings, draft: ConnectorSettingsPatch): ConnectorSettingsPatch {
  const patch: ConnectorSettingsPatch = {}
  const keys = ['target', 'apiKey', 'sessionId', 'signServerUrl', 'tikfinityUrl', 'browserPath'] as const
  for (const k of keys) {
    const v = draft[k]
    if (v === undefined) continue
    if (v.trim() !== saved[k]) patch[k] = v.trim()
  }
  if (draft.sources && draft.sources.join('\n') !== saved.sources.join('\n')) patch.sources = [...draft.sources]
  return patch
}

// --- client -----------------------------------------------------------------

/** An API error with the connector's stable `code` (e.g. invalid_target). */
export class ConnectorError extends ApiError {
  readonly code: string

  constructor(message: string, status: number, code: string) {
    super(message, status)
    this.name = 'ConnectorError'
    this.code = code
  }
}

/**
 * A service call with its failure as the ConnectorError callers expect
 * (the backend's code kept); a route this build lacks explains itself.
 */
async function connector<T>(p: Promise<T>): Promise<T> {
  try {
    return await p
  } catch (err) {
    if (!(err instanceof ApiError)) throw err
    const code = err instanceof ServiceError ? err.code : ''
    if (err.status === 404 || err.status === 405 || err.status === 501) {
      throw new ConnectorError(CONNECTOR_MISSING, err.status, code || 'not_available')
    }
    throw new ConnectorError(err.message, err.status, code)
  }
}

/** p, or an AbortError once signal aborts (the call itself runs to its end). */
function abortable<T>(p: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return p
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(signal.reason instanceof Error ? signal.reason : new DOMException('aborted', 'AbortError'))
    if (signal.aborted) return abort()
    signal.addEventListener('abort', abort, { once: true })
    p.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort))
  })
}

/** Calls of the TikTok connection service. Get one with `connectorApi(api)`. */
export class ConnectorApi {
  private readonly svc: ConnectionService

  constructor(svc: ConnectionService) {
    this.svc = svc
  }

  /** The status; signal gives up waiting (a poll that took too long), whichever transport runs. */
  async status(signal?: AbortSignal): Promise<ConnectorStatus> {
    return parseConnectorStatus(await connector(abortable(this.svc.status(), signal)))
  }

  /** Starts watching target (@handle, LIVE link or room id); the connection runs in the background. */
  async connect(target: string): Promise<ConnectorStatus> {
    return parseConnectorStatus(await connector(this.svc.connect(target)))
  }

  async disconnect(): Promise<ConnectorStatus> {
    return parseConnectorStatus(await connector(this.svc.disconnect()))
  }

  async settings(): Promise<ConnectorSettings> {
    return parseConnectorSettings(await connector(this.svc.settings()))
  }

  async saveSettings(patch: ConnectorSettingsPatch): Promise<ConnectorSettings> {
    return parseConnectorSettings(await connector(this.svc.updateSettings(patch)))
  }

  async setRecording(enabled: boolean): Promise<ConnectorRecording> {
    return parseRecording(await connector(this.svc.record(enabled)))
  }

  /**
   * Confirms the pending browser path (the one shown to the user): the
   * server checks it is a real Chrome/Edge/Brave/Chromium and only then lets
   * the browser source run it.
   */
  async confirmBrowserPath(path: string): Promise<BrowserPathConfirmed> {
    const o = obj(await connector(this.svc.confirmBrowserPath(path)))
    return { path: str(o.path) || path, version: str(o.version) }
  }

  /**
   * Plays a capture from the captures folder (its file name, see captures())
   * into the live pipeline (overlays, flows, journal); replaces a running replay.
   */
  async replay(name: string, speed: ReplaySpeed): Promise<ReplayStarted> {
    const o = obj(await connector(this.svc.startReplay({ name, speed })))
    return { status: str(o.status), name: str(o.name) || name, speed: num(o.speed) }
  }

  /** Stops the running replay; false when none was running. */
  async stopReplay(): Promise<boolean> {
    return obj(await connector(this.svc.stopReplay())).stopped === true
  }

  /** The captures in the data folder, newest first. */
  async captures(): Promise<CaptureInfo[]> {
    return parseCaptures(await connector(this.svc.captures()))
  }

  /** Uploads a capture file (JSON lines) from a browser; the server picks a safe, unused name. */
  async uploadCapture(name: string, file: Blob): Promise<CaptureInfo> {
    return parseCapture(await connector(this.svc.saveCapture(name, file)))
  }

  /**
   * Lets the streamer pick a capture file and puts it in the captures
   * folder: the native Open dialog in the desktop app (Go stores it through
   * the service), else pickInBrowser (a file input) and an upload. Resolves
   * the stored name, '' when cancelled.
   */
  async openCapture(pickInBrowser: () => Promise<File | null>, win?: unknown): Promise<string> {
    const native = await bridgeOpenCapture(win)
    if (native !== null) return native
    const file = await pickInBrowser()
    return file ? (await this.uploadCapture(file.name, file)).name : ''
  }
}

const cache = new WeakMap<ApiClient, ConnectorApi>()

/** The connector API for a dashboard client (same address and token). */
export function connectorApi(api: ApiClient): ConnectorApi {
  let c = cache.get(api)
  if (!c) {
    c = new ConnectorApi(api.services.connection)
    cache.set(api, c)
  }
  return c
}
