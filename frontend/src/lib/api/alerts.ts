// Alerts API (backend/alert, through the alerts service): per event type configuration, test
// alerts, pause, skip/clear per overlay screen, queue status. Plus the
// pure helpers the alerts page shares with its tests: placeholder lists, a
// local template preview that mirrors the backend's Render, and the same
// validation rules the backend applies.

import type { ApiClient } from './client'
import type { AlertsService } from './services/alerts'
import type { LiveEvent } from './types'
import { m } from '../i18n'

/** Event types that can have an alert, in the backend's display order (alert.AlertTypes). */
export const ALERT_TYPES = ['gift', 'follow', 'subscribe', 'share', 'like', 'chat', 'join', 'emote', 'question'] as const
export type AlertType = (typeof ALERT_TYPES)[number]

export function isAlertType(t: unknown): t is AlertType {
  return typeof t === 'string' && (ALERT_TYPES as readonly string[]).includes(t)
}

/** One event type's alert configuration (alert.Config). */
export interface AlertConfig {
  enabled: boolean
  /** Template such as "{nickname} sent {repeatCount}x {giftName}"; renders to plain text. */
  text: string
  soundUrl: string
  imageUrl: string
  videoUrl: string
  durationMs: number
  animation: string
  /** Least gift value (coins) that alerts; gifts only. */
  minCoins: number
  screen: string
  /** Higher shows first; FIFO within a priority. */
  priority: number
  /** Gifts only: alert on every combo step instead of once at the streak end. */
  comboSteps: boolean
}

export type AlertConfigs = Record<string, AlertConfig>

/** The `alert` state message payload. */
export interface AlertPayload {
  id: string
  screen: string
  eventType: string
  text: string
  imageUrl: string
  soundUrl: string
  videoUrl: string
  durationMs: number
  animation: string
  event?: LiveEvent | null
}

export interface AlertScreenStatus {
  name: string
  showing?: AlertPayload | null
  queued: number
  dropped: number
}

export interface AlertStatus {
  paused: boolean
  screens: AlertScreenStatus[]
}

export interface AlertTestResult {
  alert: AlertPayload
  /** True when alerts are paused: the test alert waits in the queue. */
  paused: boolean
}

/** Limits of a valid configuration (backend/alert/config.go). */
export const ALERT_LIMITS = { minDurationMs: 500, maxDurationMs: 60000, maxTextLen: 500, defaultScreen: 'main' } as const

/** Entry animations the main overlay knows (backend/overlay alerts.js); anything else falls back to "pop". */
export const ALERT_ANIMATIONS = ['fade', 'pop', 'slide', 'slide-up', 'bounce', 'zoom', 'drop'] as const

/** Placeholders every alert with a viewer can use. */
export const USER_PLACEHOLDERS = ['nickname', 'username', 'uniqueId', 'userId', 'avatarUrl'] as const

const TYPE_PLACEHOLDERS: Record<AlertType, readonly string[]> = {
  gift: ['giftName', 'repeatCount', 'coins', 'diamondCount', 'giftId', 'giftPictureUrl'],
  follow: [],
  subscribe: ['subMonth'],
  share: [],
  like: ['likeCount', 'totalLikeCount'],
  chat: ['comment'],
  join: [],
  emote: ['emoteId', 'emoteUrl'],
  question: ['question'],
}

/** Placeholders that make sense for an alert of type t (user fields first). */
export function alertPlaceholders(t: AlertType): string[] {
  return [...USER_PLACEHOLDERS, ...TYPE_PLACEHOLDERS[t]]
}

/** Media placeholders (a media URL may be exactly one of these). */
export function mediaPlaceholders(t: AlertType): string[] {
  const own = TYPE_PLACEHOLDERS[t].filter((p) => p.endsWith('Url'))
  return ['avatarUrl', ...own]
}

/** What the backend's default configuration of a type is (alert.DefaultConfig). */
/** The placeholder every default text starts with (passed through the catalogue as itself). */
const NAME = { nickname: '{nickname}' }

/** An event type's defaults; the text in the dashboard's language (as the backend's alert.DefaultConfigIn). */
export function defaultAlertConfig(t: AlertType): AlertConfig {
  const c: AlertConfig = {
    enabled: false,
    text: '',
    soundUrl: '',
    imageUrl: '',
    videoUrl: '',
    durationMs: 5000,
    animation: 'fade',
    minCoins: 0,
    screen: ALERT_LIMITS.defaultScreen,
    priority: 0,
    comboSteps: false,
  }
  switch (t) {
    case 'gift':
      return { ...c, enabled: true, priority: 20, text: m.al_default_gift({ ...NAME, repeatCount: '{repeatCount}', giftName: '{giftName}' }), imageUrl: '{giftPictureUrl}' }
    case 'follow':
      return { ...c, enabled: true, priority: 10, text: m.al_default_follow(NAME), imageUrl: '{avatarUrl}' }
    case 'subscribe':
      return { ...c, enabled: true, priority: 30, text: m.al_default_subscribe({ ...NAME, subMonth: '{subMonth}' }), imageUrl: '{avatarUrl}' }
    case 'share':
      return { ...c, enabled: true, priority: 5, text: m.al_default_share(NAME) }
    case 'like':
      return { ...c, text: m.al_default_like({ ...NAME, likeCount: '{likeCount}' }) }
    case 'chat':
      return { ...c, text: '{nickname}: {comment}' }
    case 'join':
      return { ...c, text: m.al_default_join(NAME) }
    case 'emote':
      return { ...c, text: m.al_default_emote(NAME), imageUrl: '{emoteUrl}' }
    case 'question':
      return { ...c, text: m.al_default_question({ ...NAME, question: '{question}' }) }
  }
}

/** Fills fields a (possibly older) backend left out, so forms always bind to defined values. */
export function normalizeAlertConfig(t: AlertType, c: Partial<AlertConfig> | null | undefined): AlertConfig {
  const d = defaultAlertConfig(t)
  const src = c ?? {}
  return {
    enabled: typeof src.enabled === 'boolean' ? src.enabled : d.enabled,
    text: typeof src.text === 'string' ? src.text : d.text,
    soundUrl: typeof src.soundUrl === 'string' ? src.soundUrl : d.soundUrl,
    imageUrl: typeof src.imageUrl === 'string' ? src.imageUrl : d.imageUrl,
    videoUrl: typeof src.videoUrl === 'string' ? src.videoUrl : d.videoUrl,
    durationMs: typeof src.durationMs === 'number' && src.durationMs > 0 ? src.durationMs : d.durationMs,
    animation: typeof src.animation === 'string' ? src.animation : d.animation,
    minCoins: typeof src.minCoins === 'number' ? src.minCoins : d.minCoins,
    screen: typeof src.screen === 'string' && src.screen ? src.screen : d.screen,
    priority: typeof src.priority === 'number' ? src.priority : d.priority,
    comboSteps: typeof src.comboSteps === 'boolean' ? src.comboSteps : d.comboSteps,
  }
}

export function sameAlertConfig(a: AlertConfig, b: AlertConfig): boolean {
  return (Object.keys(a) as (keyof AlertConfig)[]).every((k) => a[k] === b[k])
}

const SCREEN_RE = /^[A-Za-z0-9_-]{1,32}$/
const ANIMATION_RE = /^[A-Za-z0-9_-]{0,32}$/

/** True for a valid overlay screen name (also what the skip/clear routes accept). */
export function validScreen(s: string): boolean {
  return SCREEN_RE.test(s)
}

/** Mirrors the backend's validMediaURL: "", http(s) URL, /local path, or (in configs) one {placeholder}. */
export function validMediaUrl(u: string, placeholder = true): boolean {
  if (u === '') return true
  if (placeholder && u.startsWith('{') && u.endsWith('}') && !/[{}]/.test(u.slice(1, -1))) return true
  if (/["'<>\\ \t\r\n]/.test(u)) return false
  const l = u.toLowerCase()
  if (l.startsWith('https://') || l.startsWith('http://')) return true
  return u.startsWith('/') && !u.startsWith('//')
}

export type AlertConfigErrors = Partial<Record<keyof AlertConfig, string>>

/** The backend's validation, field by field, so the form can say what is wrong before saving. */
export function validateAlertConfig(c: AlertConfig): AlertConfigErrors {
  const errs: AlertConfigErrors = {}
  const { minDurationMs, maxDurationMs, maxTextLen } = ALERT_LIMITS
  if (!Number.isFinite(c.durationMs) || c.durationMs < minDurationMs || c.durationMs > maxDurationMs) {
    errs.durationMs = m.al_err_duration({ min: minDurationMs / 1000, max: maxDurationMs / 1000 })
  }
  if (c.screen !== '' && !SCREEN_RE.test(c.screen)) errs.screen = m.al_err_name()
  if (!ANIMATION_RE.test(c.animation)) errs.animation = m.al_err_name()
  if (new TextEncoder().encode(c.text).length > maxTextLen) errs.text = m.al_err_text({ max: maxTextLen })
  if (!Number.isFinite(c.minCoins) || c.minCoins < 0) errs.minCoins = m.al_err_negative()
  if (!Number.isInteger(c.priority)) errs.priority = m.al_err_whole()
  const media = ['soundUrl', 'imageUrl', 'videoUrl'] as const
  for (const k of media) {
    if (!validMediaUrl(c[k])) errs[k] = m.al_err_media({ avatarUrl: '{avatarUrl}' })
  }
  return errs
}

/** The event the backend uses for test alerts (alert.SampleEvent), for local previews. */
export function sampleAlertEvent(t: AlertType, ts = Date.now()): LiveEvent {
  const e: LiveEvent = {
    type: t,
    id: 'test-preview',
    ts,
    simulated: true,
    userId: '1',
    uniqueId: 'ltth_tester',
    nickname: 'LTTH Tester',
    avatarUrl: '',
  }
  switch (t) {
    case 'gift':
      return { ...e, giftId: 5655, giftName: 'Rose', diamondCount: 1, repeatCount: 10, coins: 10, streakable: true }
    case 'like':
      return { ...e, likeCount: 15, totalLikeCount: 1500 }
    case 'chat':
      return { ...e, comment: 'Hello from the alert test!' }
    case 'subscribe':
      return { ...e, subMonth: 3 }
    case 'question':
      return { ...e, question: 'How long have you been streaming?' }
    default:
      return e
  }
}

const SNAKE: Record<string, string> = {
  gift_name: 'giftName',
  repeat_count: 'repeatCount',
  unique_id: 'uniqueId',
  like_count: 'likeCount',
  total_like_count: 'totalLikeCount',
  sub_month: 'subMonth',
  diamond_count: 'diamondCount',
}

const TEMPLATE_FIELDS = new Set([
  ...USER_PLACEHOLDERS,
  'giftName',
  'giftId',
  'repeatCount',
  'coins',
  'diamondCount',
  'giftPictureUrl',
  'likeCount',
  'totalLikeCount',
  'subMonth',
  'viewerCount',
  'comment',
  'question',
  'emoteId',
  'emoteUrl',
])

const NUMERIC = new Set(['giftId', 'repeatCount', 'coins', 'diamondCount', 'likeCount', 'totalLikeCount', 'subMonth', 'viewerCount'])

function fieldValue(name: string, e: LiveEvent): string | undefined {
  const key = SNAKE[name] ?? name
  if (!TEMPLATE_FIELDS.has(key)) return undefined
  if (key === 'username') return e.nickname || e.uniqueId || ''
  const v = (e as unknown as Record<string, unknown>)[key]
  if (v === undefined || v === null) return NUMERIC.has(key) ? '0' : ''
  return String(v)
}

/**
 * Expands {name} / {{name}} placeholders like the backend (alert.Render):
 * one pass, inserted values are never expanded again, unknown names stay as
 * written. The result is plain text (render it as text, never as HTML).
 */
export function renderAlertTemplate(tmpl: string, e: LiveEvent): string {
  return tmpl.replace(/\{\{([^{}]{1,32})\}\}|\{([^{}]{1,32})\}/g, (whole, dbl: string | undefined, single: string | undefined) => {
    const v = fieldValue(dbl ?? single ?? '', e)
    return v === undefined ? whole : v
  })
}

/** Placeholders in a template that the backend does not know (they would show literally). */
export function unknownPlaceholders(tmpl: string): string[] {
  const out = new Set<string>()
  for (const m of tmpl.matchAll(/\{\{([^{}]{1,32})\}\}|\{([^{}]{1,32})\}/g)) {
    const name = m[1] ?? m[2] ?? ''
    if (!TEMPLATE_FIELDS.has(SNAKE[name] ?? name)) out.add(name)
  }
  return [...out]
}

/** Rejects once signal aborts (the call itself runs on: a bound call cannot be cancelled). */
function abortable<T>(p: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return p
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(signal.reason ?? new DOMException('Aborted', 'AbortError'))
    if (signal.aborted) return abort()
    signal.addEventListener('abort', abort, { once: true })
    p.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort))
  })
}

/** Client of the alerts service (bindings in the desktop window, else REST). */
export class AlertsApi {
  private readonly svc: AlertsService

  constructor(svc: AlertsService) {
    this.svc = svc
  }

  /** Every alertable type's configuration, normalized. */
  async configs(): Promise<Record<AlertType, AlertConfig>> {
    const raw = (await this.svc.configs()) ?? {}
    const out = {} as Record<AlertType, AlertConfig>
    for (const t of ALERT_TYPES) out[t] = normalizeAlertConfig(t, raw[t])
    return out
  }

  /** Merges the given fields over the saved configuration; returns what was saved. */
  async saveConfig(t: AlertType, patch: Partial<AlertConfig>): Promise<AlertConfig> {
    return normalizeAlertConfig(t, await this.svc.putConfig(t, patch))
  }

  /** Queues a sample alert; with `preview`, unsaved settings are used instead of the saved ones. */
  test(t: AlertType, preview?: AlertConfig): Promise<AlertTestResult> {
    return this.svc.test(t, preview)
  }

  async setPaused(paused: boolean): Promise<void> {
    await this.svc.pause(paused)
  }

  /** Ends the alert showing on a screen; resolves whether one was showing. */
  async skip(screen: string): Promise<boolean> {
    const r = await this.svc.skip(screen)
    return Boolean(r?.skipped)
  }

  /** Ends the showing alert and drops the screen's queue; resolves how many were removed. */
  async clear(screen: string): Promise<number> {
    const r = await this.svc.clear(screen)
    return typeof r?.cleared === 'number' ? r.cleared : 0
  }

  /** The queue status; with `signal` (e.g. a poll's timeout) it rejects once that aborts. */
  async status(signal?: AbortSignal): Promise<AlertStatus> {
    const s = await abortable(this.svc.status(), signal)
    return { paused: Boolean(s?.paused), screens: Array.isArray(s?.screens) ? s.screens : [] }
  }
}

export function alertsApi(api: ApiClient): AlertsApi {
  return new AlertsApi(api.services.alerts)
}

/**
 * Base URL of the overlay pages: the listener the dashboard talks to (same
 * origin in a browser, the reported listen address in the desktop window).
 * With `preferReported` (the Vite dev server, which proxies only part of the
 * listener) the backend's own overlay address wins.
 */
export function overlayBase(api: ApiClient | null, reportedOverlayUrl?: unknown, preferReported = false): string {
  let reported = ''
  if (typeof reportedOverlayUrl === 'string' && /^https?:\/\//i.test(reportedOverlayUrl)) {
    try {
      reported = new URL(reportedOverlayUrl).origin
    } catch {
      reported = ''
    }
  }
  if (preferReported && reported) return reported
  return api?.conn.baseUrl || reported
}

/** URL of the main alert overlay for one screen (`sound=0` mutes it, e.g. for a dashboard preview). */
export function alertOverlayUrl(base: string, screen: string = ALERT_LIMITS.defaultScreen, opts: { sound?: boolean } = {}): string {
  const q = new URLSearchParams()
  if (screen && screen !== ALERT_LIMITS.defaultScreen) q.set('screen', screen)
  if (opts.sound === false) q.set('sound', '0')
  const qs = q.toString()
  return `${base}/overlay.html${qs ? `?${qs}` : ''}`
}
