// Stream history, event search and the viewer database (backend/history):
// GET /api/streams, /api/streams/{id}, /api/streams/{id}/export,
// /api/events, /api/viewers, /api/viewers/{userId}.

import type { ApiClient } from './client'
import type { ExportFormat, HistoryService } from './services/history'

export interface StreamFigures {
  coins: number
  gifts: number
  likes: number
  follows: number
  shares: number
  subscribes: number
  chatMessages: number
  uniqueChatters: number
  uniqueGifters: number
  peakViewers: number
  avgViewers: number
  biggestStreak: number
}

export interface StreamSummary extends StreamFigures {
  id: number
  source: string
  uniqueId: string
  roomId: string
  simulated: boolean
  startedAt: number
  endedAt: number | null
  lastTs: number
}

export interface SeriesPoint {
  minute: number
  ts: number
  viewers: number
  coins: number
  likes: number
  chats: number
  follows: number
}

export interface TopGifter {
  userId: string
  uniqueId: string
  nickname: string
  coins: number
  gifts: number
  messages: number
}

/** A chart marker: a big gift, a goal reached, or a connection gap (t..end). */
export interface StreamMarker {
  t: number
  kind: 'bigGift' | 'goal' | 'gap'
  label: string
  end?: number
}

export interface StreamDetail extends StreamSummary {
  series: SeriesPoint[]
  topGifters: TopGifter[]
  topChatters: TopGifter[]
  markers: StreamMarker[]
}

/** Two streams side by side (GET /api/streams/compare): delta = b - a. */
export interface StreamComparison {
  a: StreamDetail
  b: StreamDetail
  delta: StreamFigures
  durationDelta: number
}

export interface EventRow {
  seq: number
  event: Record<string, unknown> & { type: string; ts: number }
}

export interface EventPage {
  events: EventRow[]
  nextCursor?: string
}

export interface EventSearch {
  type?: string
  user?: string
  q?: string
  gift?: string
  minCoins?: number
  maxCoins?: number
  from?: number
  to?: number
  limit?: number
  cursor?: string
}

/** GET/PUT /api/history/points-rules: loyalty points per activity. */
export interface PointsRules {
  perMinute: number
  perCoin: number
  perLike: number
  perMessage: number
  perFollow: number
  perShare: number
}

export interface Viewer {
  userId: string
  uniqueId: string
  nickname: string
  avatarUrl: string
  firstSeen: number
  lastSeen: number
  streams: number
  coins: number
  gifts: number
  likes: number
  messages: number
  follows: number
  shares: number
  minutes: number
  roles: string[]
  points: number
  notes: string
}

export interface ViewerDetail extends Viewer {
  nicknames: { nickname: string; firstSeen: number }[]
  recentStreams: { streamId: number; startedAt: number; coins: number; messages: number; minutes: number }[]
}

export const VIEWER_SORTS = ['lastSeen', 'coins', 'points', 'messages', 'likes', 'streams', 'minutes', 'firstSeen'] as const
export type ViewerSort = (typeof VIEWER_SORTS)[number]

/** A stream's duration in ms (up to its last event while live). */
export function streamDuration(s: Pick<StreamSummary, 'startedAt' | 'endedAt' | 'lastTs'>): number {
  return Math.max(0, (s.endedAt ?? s.lastTs) - s.startedAt)
}

/** "2h 05m", "12m", "45s". */
export function formatDuration(ms: number): string {
  const s = Math.floor(ms / 1000)
  const h = Math.floor(s / 3600)
  const m = Math.floor((s % 3600) / 60)
  if (h > 0) return `${h}h ${String(m).padStart(2, '0')}m`
  if (m > 0) return `${m}m`
  return `${s}s`
}

/**
 * Columns for a time-series chart (uPlot's data layout): x in unix seconds,
 * then one array per field, all of the series' length.
 */
export function seriesColumns(series: SeriesPoint[], fields: (keyof SeriesPoint)[]): number[][] {
  return [series.map((p) => p.ts / 1000), ...fields.map((f) => series.map((p) => p[f]))]
}

/** The points leaderboard overlay URL (count 1..100, theme dark|light|glass). */
export function pointsOverlayUrl(base: string, opts: { count?: number; theme?: string } = {}): string {
  const q = new URLSearchParams()
  if (opts.count) q.set('count', String(Math.max(1, Math.min(100, Math.trunc(opts.count)))))
  if (opts.theme && opts.theme !== 'dark') q.set('theme', opts.theme)
  const s = q.toString()
  return `${base}/overlay/points.html${s ? `?${s}` : ''}`
}

/** A chart marker's x (unix seconds) and, for gaps, its end. */
export interface ChartMarker {
  x: number
  end?: number
  kind: StreamMarker['kind']
  label: string
}

/**
 * Markers on a chart's x axis: unix seconds, or minutes since the stream's
 * start when startedAt is given (the comparison's aligned axis). An open
 * gap ends at the stream's last event.
 */
export function chartMarkers(d: Pick<StreamDetail, 'markers' | 'lastTs' | 'startedAt'>, sinceStart = false): ChartMarker[] {
  const x = (t: number) => (sinceStart ? (t - d.startedAt) / 60000 : t / 1000)
  return (d.markers ?? []).map((m) => ({
    x: x(m.t),
    end: m.kind === 'gap' ? x(m.end ?? d.lastTs) : undefined,
    kind: m.kind,
    label: m.label,
  }))
}

const list = <T>(v: T[] | null | undefined): T[] => (Array.isArray(v) ? v : [])

function normalizeDetail(d: StreamDetail): StreamDetail {
  return { ...d, series: list(d?.series), topGifters: list(d?.topGifters), topChatters: list(d?.topChatters), markers: list(d?.markers) }
}

/** Client of the history service (bindings on desktop, REST in a browser). */
export class HistoryApi {
  private readonly svc: HistoryService

  constructor(svc: HistoryService) {
    this.svc = svc
  }

  async streams(opts: { limit?: number; simulated?: boolean } = {}): Promise<StreamSummary[]> {
    return list(await this.svc.streams(opts))
  }

  async stream(id: number): Promise<StreamDetail> {
    return normalizeDetail(await this.svc.stream(id))
  }

  async compare(a: number, b: number): Promise<StreamComparison> {
    const c = await this.svc.compare(a, b)
    return { ...c, a: normalizeDetail(c.a), b: normalizeDetail(c.b) }
  }

  /**
   * Saves a stream's export (csv or json): in the desktop window through
   * the native Save dialog, in a browser as a download handed to saveFile.
   * Resolves false when the streamer cancelled the dialog.
   */
  async saveExport(id: number, format: ExportFormat, saveFile: (blob: Blob, filename: string) => void): Promise<boolean> {
    const r = await this.svc.export(id, format)
    if ('saved' in r) return r.saved !== ''
    saveFile(r.blob, r.filename || `stream-${id}.${format}`)
    return true
  }

  async events(s: EventSearch = {}): Promise<EventPage> {
    const r = await this.svc.events(s)
    return { events: list(r?.events), nextCursor: r?.nextCursor || undefined }
  }

  async viewers(q = '', sort: ViewerSort = 'lastSeen', limit?: number): Promise<Viewer[]> {
    return list(await this.svc.viewers({ q, sort, limit }))
  }

  viewer(userId: string): Promise<ViewerDetail> {
    return this.svc.viewer(userId)
  }

  setNotes(userId: string, notes: string): Promise<ViewerDetail> {
    return this.svc.setNotes(userId, notes)
  }

  addPoints(userId: string, amount: number): Promise<ViewerDetail> {
    return this.svc.addPoints(userId, Math.trunc(amount))
  }

  pointsRules(): Promise<PointsRules> {
    return this.svc.rules()
  }

  setPointsRules(rules: PointsRules): Promise<PointsRules> {
    return this.svc.setRules(rules)
  }
}

export function historyApi(api: ApiClient): HistoryApi {
  return new HistoryApi(api.services.history)
}
