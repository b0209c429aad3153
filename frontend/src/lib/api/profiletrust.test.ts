import { describe, expect, it } from 'vitest'
import type { Connection } from './bootstrap'
import { ApiClient } from './client'
import { parseBackups, parseReviewItems, profileTrustApi, reviewWarning, type ReviewItem } from './profiletrust'

const conn: Connection = { mode: 'browser', baseUrl: 'http://x', token: 'tok', version: '', headless: false }

interface Call {
  url: string
  method: string
  auth: string | null
  body: unknown
}

function fakeFetch(reply: (c: Call) => Response): { calls: Call[]; fetcher: typeof fetch } {
  const calls: Call[] = []
  const fetcher = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const headers = new Headers(init?.headers)
    const c: Call = {
      url: String(input),
      method: init?.method ?? 'GET',
      auth: headers.get('Authorization'),
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
    }
    calls.push(c)
    return reply(c)
  }) as typeof fetch
  return { calls, fetcher }
}

const json = (v: unknown, status = 200) => new Response(JSON.stringify(v), { status, headers: { 'Content-Type': 'application/json' } })

// As backend/store/review.go writes them.
const ITEMS = [
  { id: 1, kind: 'setting', key: 'tiktok.browserPath', value: '/tmp/evil/chromium', reason: 'this profile wants to run this program as your browser' },
  { id: 2, kind: 'setting', key: 'tiktok.signServerUrl', value: 'https://evil.example/sign?key=•••', reason: 'sends your key' },
  { id: 3, kind: 'flow', key: 'hook', name: 'Every gift', value: '', reason: 'webhooks', webhooks: ['https://evil.example/c?k=•••'], headers: ['Authorization'] },
]

describe('parsing', () => {
  it('keeps review items and drops malformed ones', () => {
    const items = parseReviewItems([...ITEMS, { kind: 'setting' }, 'x'])
    expect(items).toHaveLength(3)
    expect(items[2]).toMatchObject({ name: 'Every gift', webhooks: ['https://evil.example/c?k=•••'], headers: ['Authorization'] })
    expect(items[0]!.webhooks).toEqual([])
    expect(parseReviewItems(null)).toEqual([])
  })

  it('keeps backups', () => {
    expect(parseBackups([{ name: '2026-01-02.db', sizeBytes: 10, createdAt: '2026-01-02T00:00:00Z' }, { sizeBytes: 1 }])).toEqual([
      { name: '2026-01-02.db', sizeBytes: 10, createdAt: '2026-01-02T00:00:00Z' },
    ])
  })
})

describe('reviewWarning', () => {
  it('says plainly what accepting means', () => {
    const [path, sign, flow] = parseReviewItems(ITEMS) as [ReviewItem, ReviewItem, ReviewItem]
    expect(reviewWarning(path)).toContain('This profile wants to run /tmp/evil/chromium as your browser')
    expect(reviewWarning(sign)).toContain('send your TikTok API key and session to https://evil.example/sign?key=•••')
    expect(reviewWarning(flow)).toContain('“Every gift” sends web requests to https://evil.example/c?k=••• with the header(s) Authorization')
  })
})

describe('ProfileTrustApi', () => {
  it('calls the documented routes, every one with the token', async () => {
    const { calls, fetcher } = fakeFetch((c) => {
      if (c.url.endsWith('/review')) return json(c.method === 'GET' ? ITEMS : ITEMS.slice(2))
      if (c.url.endsWith('/backups')) return json([{ name: '2026-01-02.db', sizeBytes: 5, createdAt: '' }])
      if (c.url.endsWith('/restore')) return json({ ok: true, restored: '2026-01-02.db', keptAs: 'database.db.damaged-1' })
      return new Response('SQLite format 3', { headers: { 'Content-Disposition': 'attachment; filename="ltth-a b-1.db"' } })
    })
    const api = profileTrustApi(new ApiClient(conn, fetcher))
    expect(await api.review('a b')).toHaveLength(3)
    expect(await api.applyReview('a b', [1], [2])).toHaveLength(1)
    expect((await api.backups('a b'))[0]!.name).toBe('2026-01-02.db')
    expect(await api.restore('a b', '2026-01-02.db')).toEqual({ restored: '2026-01-02.db', keptAs: 'database.db.damaged-1' })
    expect(await api.exportProfile('a b', false)).toMatchObject({ download: { filename: 'ltth-a b-1.db' } })
    await api.exportProfile('a b', true)
    expect(calls.map((c) => `${c.method} ${c.url.replace('http://x', '')}`)).toEqual([
      'GET /api/profiles/a%20b/review',
      'POST /api/profiles/a%20b/review',
      'GET /api/profiles/a%20b/backups',
      'POST /api/profiles/a%20b/restore',
      'GET /api/profiles/a%20b/export',
      'GET /api/profiles/a%20b/export?includeSecrets=1',
    ])
    expect(calls.every((c) => c.auth === 'Bearer tok')).toBe(true)
    expect(calls[1]!.body).toEqual({ accept: [1], reject: [2] })
    expect(calls[3]!.body).toEqual({ backup: '2026-01-02.db' })
  })

  it('exports without secrets unless asked', () => {
    const api = profileTrustApi(new ApiClient(conn))
    expect(api.exportPath('p', false)).toBe('/api/profiles/p/export')
    expect(api.exportPath('p', true)).toBe('/api/profiles/p/export?includeSecrets=1')
  })

  it('turns a refusal into an ApiError with the server message', async () => {
    const { fetcher } = fakeFetch(() => json({ error: 'backup 1999-01-01.db of profile "p": not found' }, 404))
    await expect(profileTrustApi(new ApiClient(conn, fetcher)).restore('p', '1999-01-01.db')).rejects.toMatchObject({ status: 404 })
  })
})
