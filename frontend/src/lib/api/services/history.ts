// History service (backend/history/svc.go): streams, the event journal,
// viewers and loyalty points. The desktop binds HistoryService, the
// browser dashboard reaches the same methods over REST. A stream's export
// is a file: the binding saves it through the native Save dialog (Go
// writes it, nothing crosses the bridge), REST downloads it for the page
// to save.

import type { EventPage, EventSearch, PointsRules, StreamComparison, StreamDetail, StreamSummary, Viewer, ViewerDetail, ViewerSort } from '../history'
import { bound, type Call, type DownloadedFile, type RestCall, type RestFiles } from './base'

export interface StreamsRequest {
  /** 0 is the backend's default (100). */
  limit?: number
  /** The simulated and replayed streams instead of the real ones. */
  simulated?: boolean
}

export interface ViewersRequest {
  q?: string
  sort?: ViewerSort
  limit?: number
}

export type ExportFormat = 'csv' | 'json'

/** An export: saved by the desktop (its path, '' when cancelled) or downloaded in a browser. */
export type ExportedStream = { saved: string } | DownloadedFile

export interface HistoryService {
  streams(req: StreamsRequest): Promise<StreamSummary[] | null>
  stream(id: number): Promise<StreamDetail>
  compare(a: number, b: number): Promise<StreamComparison>
  export(id: number, format: ExportFormat): Promise<ExportedStream>
  events(search: EventSearch): Promise<EventPage | null>
  viewers(req: ViewersRequest): Promise<Viewer[] | null>
  viewer(userId: string): Promise<ViewerDetail>
  setNotes(userId: string, notes: string): Promise<ViewerDetail>
  addPoints(userId: string, amount: number): Promise<ViewerDetail>
  rules(): Promise<PointsRules>
  setRules(rules: PointsRules): Promise<PointsRules>
}

/** The Go adapter's methods as the Wails bridge exposes them. */
export interface HistoryBound {
  Streams: Call
  Stream: Call
  Compare: Call
  Export: Call
  Events: Call
  Viewers: Call
  Viewer: Call
  SetNotes: Call
  AddPoints: Call
  Rules: Call
  SetRules: Call
}

type One<T> = (req: T) => Promise<unknown>

export function historyBinding(b: HistoryBound): HistoryService {
  const streams = b.Streams as One<{ limit: number; simulated: boolean }>
  const stream = b.Stream as One<{ id: number }>
  const compare = b.Compare as One<{ a: number; b: number }>
  const exp = b.Export as One<{ id: number; format: string }>
  const events = b.Events as One<Omit<EventSearch, 'cursor'> & { cursor: number }>
  const viewers = b.Viewers as One<{ q: string; sort: string; limit: number }>
  const viewer = b.Viewer as One<{ userId: string }>
  const notes = b.SetNotes as One<{ userId: string; notes: string }>
  const points = b.AddPoints as One<{ userId: string; amount: number }>
  const setRules = b.SetRules as One<PointsRules>
  return {
    streams: (r) => bound(() => streams({ limit: r.limit ?? 0, simulated: r.simulated === true })),
    stream: (id) => bound(() => stream({ id })),
    compare: (a, bId) => bound(() => compare({ a, b: bId })),
    export: async (id, format) => ({ saved: await bound<string>(() => exp({ id, format })) }),
    events: (s) => bound(() => events({ ...s, cursor: Number(s.cursor ?? 0) || 0 })),
    viewers: (r) => bound(() => viewers({ q: r.q ?? '', sort: r.sort ?? '', limit: r.limit ?? 0 })),
    viewer: (userId) => bound(() => viewer({ userId })),
    setNotes: (userId, n) => bound(() => notes({ userId, notes: n })),
    addPoints: (userId, amount) => bound(() => points({ userId, amount })),
    rules: () => bound(() => b.Rules()),
    setRules: (r) => bound(() => setRules(r)),
  }
}

/** ?k=v for the set parameters (empty, 0 and undefined left out). */
export function query(p: Record<string, string | number | undefined>): string {
  const q = new URLSearchParams()
  for (const [k, v] of Object.entries(p)) if (v !== undefined && v !== '' && v !== 0) q.set(k, String(v))
  const s = q.toString()
  return s ? `?${s}` : ''
}

const enc = (v: string | number) => encodeURIComponent(String(v))

export function historyRest(call: RestCall, files: RestFiles): HistoryService {
  return {
    streams: (r) => call('GET', `/api/streams${query({ limit: r.limit, simulated: r.simulated ? 1 : undefined })}`),
    stream: (id) => call('GET', `/api/streams/${enc(id)}`),
    compare: (a, b) => call('GET', `/api/streams/compare${query({ a, b })}`),
    export: (id, format) => files.download(`/api/streams/${enc(id)}/export?format=${format}`),
    events: (s) => call('GET', `/api/events${query({ ...s })}`),
    viewers: (r) => call('GET', `/api/viewers${query({ q: r.q, sort: r.sort, limit: r.limit })}`),
    viewer: (userId) => call('GET', `/api/viewers/${enc(userId)}`),
    setNotes: (userId, notes) => call('PUT', `/api/viewers/${enc(userId)}/notes`, { notes }),
    addPoints: (userId, amount) => call('POST', `/api/viewers/${enc(userId)}/points`, { amount }),
    rules: () => call('GET', '/api/history/points-rules'),
    setRules: (r) => call('PUT', '/api/history/points-rules', r),
  }
}
