// Unit tests of the leaderboards API layer: request shapes (method, path, token,
// body) against a recording fetch, reply normalization, and the pure helpers
// the page relies on.

import { describe, expect, it } from 'vitest'
import type { Connection } from './bootstrap'
import { ApiClient } from './client'
import { leaderboardsBinding } from './services/leaderboards'
import { LeaderboardsApi, leaderboardKey, leaderboardName, leaderboardOverlayUrl, normalizeLeaderboard, safeAvatarUrl } from './leaderboards'

const conn: Connection = { mode: 'browser', baseUrl: 'http://127.0.0.1:3000', token: 'tok', version: '', headless: false }

interface Call {
  method: string
  url: string
  auth: string | null
  body: unknown
}

/** A fetch that records calls and answers from a route table. */
function recorder(routes: Record<string, { status?: number; body?: unknown }>) {
  const calls: Call[] = []
  const fetcher: typeof fetch = async (input, init) => {
    const url = String(input)
    const method = init?.method ?? 'GET'
    const headers = (init?.headers ?? {}) as Record<string, string>
    calls.push({
      method,
      url,
      auth: headers['Authorization'] ?? null,
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
    })
    const path = url.replace(conn.baseUrl, '')
    const r = routes[`${method} ${path}`] ?? { status: 404, body: { error: 'no route' } }
    const status = r.status ?? 200
    return new Response(r.body === undefined ? '' : JSON.stringify(r.body), { status, headers: { 'Content-Type': 'application/json' } })
  }
  return { calls, fetcher }
}

describe('leaderboards api', () => {
  it('gets boards with period and limit, resets with the token', async () => {
    const { calls, fetcher } = recorder({
      'GET /api/leaderboards/gifters?period=all&limit=5': {
        body: { board: 'gifters', period: 'all', entries: [{ rank: 1, userId: '7', uniqueId: 'bob', nickname: 'Bob', avatarUrl: '', value: 30 }] },
      },
      'GET /api/leaderboards/likers?period=stream': { body: { board: 'likers', period: 'stream', entries: null } },
      'POST /api/leaderboards/chatters/reset': { body: { board: 'chatters', period: 'all', reset: true } },
    })
    const api = new LeaderboardsApi(new ApiClient(conn, fetcher).services.leaderboards)
    const g = await api.get('gifters', 'all', 5)
    expect(g.entries[0]).toMatchObject({ rank: 1, nickname: 'Bob', value: 30 })
    expect((await api.get('likers', 'stream')).entries).toEqual([])
    await api.reset('chatters', 'all')
    expect(calls[2]).toMatchObject({ method: 'POST', auth: 'Bearer tok', body: { period: 'all' } })
  })

  it('calls the bound methods with typed requests, and carries their error codes', async () => {
    const seen: unknown[] = []
    const api = new LeaderboardsApi(
      leaderboardsBinding({
        Top: (async (r: unknown) => {
          seen.push(r)
          return { board: 'gifters', period: 'stream', entries: [{ userId: '1', nickname: 'A', value: 4 }] }
        }) as never,
        Reset: (async () => {
          throw new Error('{"error":"unknown leaderboard \\"x\\"","code":"not_found"}')
        }) as never,
      }),
    )
    expect((await api.get('gifters', 'stream')).entries[0]).toMatchObject({ rank: 1, value: 4 })
    expect(seen).toEqual([{ board: 'gifters', period: 'stream', limit: 0 }])
    await expect(api.reset('gifters', 'all')).rejects.toMatchObject({ code: 'not_found', status: 404 })
  })

  it('normalizes feed states and helpers', () => {
    const b = normalizeLeaderboard({ board: 'likers', period: 'stream', entries: [{ userId: '1', nickname: 'A', value: 9 }, null, { userId: '2', uniqueId: 'b', value: 3 }] as never })
    expect(b.entries.map((e) => [e.rank, e.userId, e.value])).toEqual([
      [1, '1', 9],
      [2, '2', 3],
    ])
    expect(normalizeLeaderboard(null, 'gifters', 'all')).toEqual({ board: 'gifters', period: 'all', entries: [] })
    expect(leaderboardKey('gifters', 'stream')).toBe('gifters:stream')
    expect(leaderboardName({ nickname: '', uniqueId: 'bob', userId: '7' })).toBe('@bob')
    expect(safeAvatarUrl('javascript:alert(1)')).toBe('')
    expect(safeAvatarUrl('https://p16.tiktokcdn.com/a.webp')).toBe('https://p16.tiktokcdn.com/a.webp')
    expect(leaderboardOverlayUrl('http://h', 'likers', 'all', { limit: 5 })).toBe('http://h/overlay/leaderboard.html?board=likers&period=all&limit=5')
  })
})
