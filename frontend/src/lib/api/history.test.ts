// Unit tests of the history API layer: request shapes against a recording
// fetch, reply normalization, and the chart helpers.

import { describe, expect, it } from 'vitest'
import type { Connection } from './bootstrap'
import { ApiClient } from './client'
import { historyBinding } from './services/history'
import { HistoryApi, chartMarkers, formatDuration, pointsOverlayUrl, seriesColumns, streamDuration, type SeriesPoint } from './history'

const conn: Connection = { mode: 'browser', baseUrl: 'http://127.0.0.1:3000', token: 'tok', version: '', headless: false }

function recorder(routes: Record<string, unknown>) {
  const calls: { method: string; path: string; auth: string | null; body: unknown }[] = []
  const fetcher: typeof fetch = async (input, init) => {
    const path = String(input).replace(conn.baseUrl, '')
    const method = init?.method ?? 'GET'
    const headers = (init?.headers ?? {}) as Record<string, string>
    calls.push({ method, path, auth: headers['Authorization'] ?? null, body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined })
    const key = `${method} ${path}`
    if (!(key in routes)) return new Response(JSON.stringify({ error: 'no route' }), { status: 404 })
    return new Response(JSON.stringify(routes[key]), { status: 200, headers: { 'Content-Type': 'application/json' } })
  }
  return { calls, fetcher }
}

const pt = (minute: number, coins = 0): SeriesPoint => ({ minute, ts: 1_700_000_000_000 + minute * 60000, viewers: minute * 10, coins, likes: 0, chats: 1, follows: 0 })

describe('history api', () => {
  it('builds the documented paths with the token and normalizes replies', async () => {
    const { calls, fetcher } = recorder({
      'GET /api/streams?limit=20': [{ id: 3 }],
      'GET /api/streams/3': { id: 3, series: null, topGifters: [{ userId: '1' }] },
      'GET /api/events?type=chat&user=bob&q=hi+there&limit=50&cursor=99': { events: [{ seq: 98, event: { type: 'chat', ts: 1 } }], nextCursor: '98' },
      'GET /api/events': null,
      'GET /api/viewers?q=al&sort=coins': [{ userId: '1' }],
      'GET /api/viewers/a%2Fb': { userId: 'a/b', points: 5 },
      'POST /api/viewers/7/points': { userId: '7', points: 2 },
      'PUT /api/viewers/7/notes': { userId: '7', notes: 'vip' },
    })
    const api = new HistoryApi(new ApiClient(conn, fetcher).services.history)
    expect(await api.streams({ limit: 20 })).toEqual([{ id: 3 }])
    const d = await api.stream(3)
    expect(d.series).toEqual([])
    expect(d.topGifters).toHaveLength(1)
    const p = await api.events({ type: 'chat', user: 'bob', q: 'hi there', limit: 50, cursor: '99' })
    expect(p.nextCursor).toBe('98')
    expect(await api.events()).toEqual({ events: [], nextCursor: undefined })
    expect(await api.viewers('al', 'coins')).toHaveLength(1)
    expect((await api.viewer('a/b')).points).toBe(5)
    await api.addPoints('7', -2.7)
    await api.setNotes('7', 'vip')
    expect(calls.every((c) => c.auth === 'Bearer tok')).toBe(true)
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ amount: -2 })
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({ notes: 'vip' })
  })

  it('saves an export: a browser download with the served name, the desktop through its Save dialog', async () => {
    const fetcher: typeof fetch = async (input) => {
      expect(String(input)).toBe('http://127.0.0.1:3000/api/streams/3/export?format=csv')
      return new Response('id,source\n3,direct\n', { status: 200, headers: { 'Content-Disposition': 'attachment; filename="stream-3-20260101-1200.csv"' } })
    }
    const saved: [string, string][] = []
    const rest = new HistoryApi(new ApiClient(conn, fetcher).services.history)
    expect(await rest.saveExport(3, 'csv', (b, name) => void b.text().then((t) => saved.push([name, t])))).toBe(true)
    await new Promise((r) => setTimeout(r, 0))
    expect(saved).toEqual([['stream-3-20260101-1200.csv', 'id,source\n3,direct\n']])

    const asked: unknown[] = []
    const desk = new HistoryApi(historyBinding({ Export: async (r: unknown) => (asked.push(r), '') } as never))
    expect(await desk.saveExport(3, 'json', () => saved.push(['nope', '']))).toBe(false)
    expect(asked).toEqual([{ id: 3, format: 'json' }])
    expect(saved).toHaveLength(1)
  })

  it('the bindings get typed requests, and a refused call keeps its code', async () => {
    const calls: [string, unknown][] = []
    const rec = (name: string, reply: unknown = {}) => async (r?: unknown) => (calls.push([name, r]), reply)
    const svc = historyBinding({
      Streams: rec('streams', null),
      Stream: rec('stream', { id: 3, series: null }),
      Compare: rec('compare', { a: {}, b: {} }),
      Export: rec('export', '/home/me/s.csv'),
      Events: rec('events', { events: null }),
      Viewers: rec('viewers', null),
      Viewer: async () => {
        throw new Error('{"code":"not_found","error":"viewer not found"}')
      },
      SetNotes: rec('notes'),
      AddPoints: rec('points'),
      Rules: rec('rules', { perMinute: 1 }),
      SetRules: rec('setRules'),
    } as never)
    const api = new HistoryApi(svc)
    expect(await api.streams({ simulated: true })).toEqual([])
    expect((await api.stream(3)).series).toEqual([])
    await api.compare(1, 2)
    expect(await api.events({ q: 'hi', cursor: '99' })).toEqual({ events: [], nextCursor: undefined })
    expect(await api.viewers('al', 'coins')).toEqual([])
    await api.setNotes('7', 'vip')
    await api.addPoints('7', 2.9)
    await api.setPointsRules({ perMinute: 2, perCoin: 1, perLike: 0, perMessage: 1, perFollow: 5, perShare: 5 })
    expect(await api.saveExport(3, 'csv', () => {})).toBe(true)
    expect(calls).toEqual([
      ['streams', { limit: 0, simulated: true }],
      ['stream', { id: 3 }],
      ['compare', { a: 1, b: 2 }],
      ['events', { q: 'hi', cursor: 99 }],
      ['viewers', { q: 'al', sort: 'coins', limit: 0 }],
      ['notes', { userId: '7', notes: 'vip' }],
      ['points', { userId: '7', amount: 2 }],
      ['setRules', { perMinute: 2, perCoin: 1, perLike: 0, perMessage: 1, perFollow: 5, perShare: 5 }],
      ['export', { id: 3, format: 'csv' }],
    ])
    await expect(api.viewer('nobody')).rejects.toMatchObject({ name: 'ServiceError', code: 'not_found', status: 404 })
  })

  it('places markers on the time axis or on minutes since the start; open gaps end at the last event', () => {
    const d = {
      startedAt: 1_700_000_000_000,
      lastTs: 1_700_000_600_000,
      markers: [
        { t: 1_700_000_120_000, kind: 'bigGift' as const, label: 'Universe' },
        { t: 1_700_000_180_000, kind: 'gap' as const, label: 'lost', end: 1_700_000_240_000 },
        { t: 1_700_000_300_000, kind: 'gap' as const, label: 'lost again' },
      ],
    }
    expect(chartMarkers(d).map((m) => [m.kind, m.x, m.end])).toEqual([
      ['bigGift', 1_700_000_120, undefined],
      ['gap', 1_700_000_180, 1_700_000_240],
      ['gap', 1_700_000_300, 1_700_000_600],
    ])
    expect(chartMarkers(d, true).map((m) => [m.x, m.end])).toEqual([[2, undefined], [3, 4], [5, 10]])
  })

  it('builds the points overlay URL', () => {
    expect(pointsOverlayUrl('http://h:1')).toBe('http://h:1/overlay/points.html')
    expect(pointsOverlayUrl('http://h:1', { count: 500, theme: 'light' })).toBe('http://h:1/overlay/points.html?count=100&theme=light')
  })

  it('makes chart columns sharing one x axis', () => {
    const s = [pt(0), pt(1, 500), pt(2, 20)]
    const cols = seriesColumns(s, ['viewers', 'coins'])
    expect(cols).toHaveLength(3)
    expect(cols[0]).toEqual([1_700_000_000, 1_700_000_060, 1_700_000_120])
    expect(cols[2]).toEqual([0, 500, 20])
  })

  it('formats durations', () => {
    expect(formatDuration(streamDuration({ startedAt: 0, endedAt: 7_500_000, lastTs: 0 }))).toBe('2h 05m')
    expect(formatDuration(streamDuration({ startedAt: 0, endedAt: null, lastTs: 720_000 }))).toBe('12m')
    expect(formatDuration(45_000)).toBe('45s')
  })
})
