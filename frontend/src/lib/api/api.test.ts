import { describe, expect, it } from 'vitest'
import { backoffDelay, FeedClient, parseFeedPayload, type WebSocketLike } from './feed'
import { feedUrl, isWailsLocation, resolveConnection, stripTokenFromHash, tokenFromHash, TOKEN_STORAGE_KEY, type StorageLike } from './bootstrap'
import { ApiClient, CONNECTOR_MISSING } from './client'
import { ApiError, filenameFromDisposition } from './http'
import type { Connection } from './bootstrap'

function memStorage(init: Record<string, string> = {}): StorageLike & { data: Record<string, string> } {
  const data = { ...init }
  return {
    data,
    getItem: (k) => data[k] ?? null,
    setItem: (k, v) => {
      data[k] = v
    },
    removeItem: (k) => {
      delete data[k]
    },
  }
}

const loc = (href: string) => {
  const u = new URL(href)
  return { protocol: u.protocol, hostname: u.hostname, origin: u.origin, hash: u.hash }
}

describe('parseFeedPayload', () => {
  it('accepts single messages, arrays and snapshots', () => {
    expect(parseFeedPayload('{"type":"chat","ts":1,"data":{"type":"chat"}}').messages).toHaveLength(1)
    const batch = parseFeedPayload('[{"type":"like","ts":1,"data":{}},{"type":"gift","ts":2,"data":{}}]')
    expect(batch.messages.map((m) => m.type)).toEqual(['like', 'gift'])
    const snap = parseFeedPayload('{"type":"snapshot","ts":1,"data":[{"type":"connection","ts":1,"data":{"state":"connected"}}]}')
    expect(snap.messages).toHaveLength(0)
    expect(snap.snapshot?.[0]?.type).toBe('connection')
    expect(parseFeedPayload('not json')).toEqual({ messages: [], snapshot: null })
    expect(parseFeedPayload('[1, null, {"x":1}]').messages).toHaveLength(0)
  })
})

describe('backoff', () => {
  it('grows and caps', () => {
    const mid = () => 0.5
    expect(backoffDelay(0, 500, 15000, mid)).toBe(500)
    expect(backoffDelay(3, 500, 15000, mid)).toBe(4000)
    expect(backoffDelay(30, 500, 15000, mid)).toBe(15000)
  })
})

describe('FeedClient', () => {
  it('reconnects after close and delivers snapshot first', async () => {
    const sockets: WebSocketLike[] = []
    const got: string[] = []
    const statuses: string[] = []
    const client = new FeedClient(
      'ws://x/ws',
      { onMessages: (m, snap) => got.push(`${snap ? 'S' : 'L'}:${m.map((x) => x.type).join(',')}`), onStatus: (s) => statuses.push(s) },
      {
        minDelayMs: 5,
        maxDelayMs: 10,
        socket: () => {
          const s: WebSocketLike = { onopen: null, onclose: null, onerror: null, onmessage: null, close: () => {} }
          sockets.push(s)
          return s
        },
      },
    )
    client.start()
    sockets[0]!.onopen?.({})
    sockets[0]!.onmessage?.({ data: '[{"type":"snapshot","ts":1,"data":[{"type":"alertsPaused","ts":1,"data":{"paused":true}}]},{"type":"chat","ts":2,"data":{}}]' })
    expect(got).toEqual(['S:alertsPaused', 'L:chat'])
    sockets[0]!.onclose?.({})
    await new Promise((r) => setTimeout(r, 40))
    expect(sockets).toHaveLength(2)
    expect(statuses).toEqual(['connecting', 'open', 'closed', 'connecting'])
    client.stop()
  })
})

describe('bootstrap', () => {
  it('detects Wails locations', () => {
    expect(isWailsLocation(loc('wails://wails/'))).toBe(true)
    expect(isWailsLocation(loc('http://wails.localhost/'))).toBe(true)
    expect(isWailsLocation(loc('http://127.0.0.1:3000/dashboard/'))).toBe(false)
  })

  it('reads and strips the hash token', () => {
    expect(tokenFromHash('#token=abc')).toBe('abc')
    expect(tokenFromHash('#/profiles?token=xyz&a=1')).toBe('xyz')
    expect(tokenFromHash('#/profiles')).toBe('')
    expect(stripTokenFromHash('#token=abc')).toBe('')
    expect(stripTokenFromHash('#/profiles?token=xyz&a=1')).toBe('#/profiles?a=1')
    expect(stripTokenFromHash('#/live')).toBe('#/live')
  })

  it('browser mode: same origin, token from hash (remembered) or storage', async () => {
    const storage = memStorage()
    const c = await resolveConnection({ win: {}, location: loc('http://127.0.0.1:3000/dashboard/#token=t1'), storage })
    expect(c).toMatchObject({ mode: 'browser', baseUrl: 'http://127.0.0.1:3000', token: 't1' })
    expect(storage.data['ltth.apiToken']).toBe('t1')
    const c2 = await resolveConnection({ win: {}, location: loc('http://127.0.0.1:3000/dashboard/'), storage })
    expect(c2.token).toBe('t1')
    expect(feedUrl(c2.baseUrl)).toBe('ws://127.0.0.1:3000/ws')
  })

  it('wails mode: uses GetBootstrap, and the window holds no token (even one left in storage)', async () => {
    const win = {
      go: { main: { App: { GetBootstrap: async () => ({ listenUrl: 'http://127.0.0.1:3999/', version: '1.2.3', headless: false }) } } },
    }
    const storage = memStorage()
    storage.setItem(TOKEN_STORAGE_KEY, 'old-browser-token')
    const c = await resolveConnection({ win, location: loc('wails://wails/#token=abc'), storage })
    expect(c).toEqual({ mode: 'wails', baseUrl: 'http://127.0.0.1:3999', token: '', version: '1.2.3', headless: false })
  })

  it('wails mode: reports a backend start error and keeps the overlay URL', async () => {
    const failing = { go: { main: { App: { GetBootstrap: async () => ({ version: '1', error: 'port 3000 is busy (--listen)' }) } } } }
    await expect(resolveConnection({ win: failing, location: loc('wails://wails/') })).rejects.toThrow('port 3000 is busy')
    const ok = {
      go: { main: { App: { GetBootstrap: async () => ({ listenUrl: 'http://127.0.0.1:3000', overlayUrl: 'http://127.0.0.1:3000/overlay.html' }) } } },
    }
    const c = await resolveConnection({ win: ok, location: loc('http://wails.localhost/') })
    expect(new ApiClient(c).overlayUrl).toBe('http://127.0.0.1:3000/overlay.html')
  })

  it('wails mode without bridge fails clearly', async () => {
    await expect(resolveConnection({ win: {}, location: loc('wails://wails/'), bridgeWaitMs: 60 })).rejects.toThrow(/bridge/)
  })
})

describe('ApiClient', () => {
  const conn: Connection = { mode: 'browser', baseUrl: 'http://h', token: 'tok', version: '', headless: false }

  function fakeFetch(status: number, body: string, seen: { url: string; init: RequestInit }[] = []) {
    return async (url: string | URL | Request, init?: RequestInit) => {
      seen.push({ url: String(url), init: init ?? {} })
      return new Response(status === 204 ? null : body, { status })
    }
  }

  it('sends the bearer token on every request, reads included', async () => {
    const seen: { url: string; init: RequestInit }[] = []
    const api = new ApiClient(conn, fakeFetch(200, '[]', seen) as typeof fetch)
    await api.listProfiles()
    await api.createProfile('a b')
    await api.renameProfile('a b', 'c')
    expect((seen[0]!.init.headers as Record<string, string>)['Authorization']).toBe('Bearer tok')
    expect((seen[1]!.init.headers as Record<string, string>)['Authorization']).toBe('Bearer tok')
    expect(seen[1]!.init.body).toBe('{"name":"a b"}')
    expect(seen[2]!.url).toBe('http://h/api/profiles/a%20b/rename')
  })

  it('downloads a profile export with the token', async () => {
    const seen: { url: string; init: RequestInit }[] = []
    const api = new ApiClient(conn, fakeFetch(200, 'SQLite', seen) as typeof fetch)
    const out = await api.exportProfile('a b')
    expect(seen[0]!.url).toBe('http://h/api/profiles/a%20b/export')
    expect((seen[0]!.init.headers as Record<string, string>)['Authorization']).toBe('Bearer tok')
    expect(out).toMatchObject({ download: { filename: 'a b.db' } })
  })

  it('turns {error} bodies into ApiError and 404 connector calls into a friendly message', async () => {
    const api = new ApiClient(conn, fakeFetch(409, '{"error":"profile exists"}') as typeof fetch)
    await expect(api.createProfile('x')).rejects.toMatchObject({ message: 'profile exists', status: 409 })
    const missing = new ApiClient(conn, fakeFetch(404, '404 page not found') as typeof fetch)
    await expect(missing.connect('@x')).rejects.toMatchObject({ message: CONNECTOR_MISSING })
    const down = new ApiClient(conn, (async () => {
      throw new TypeError('fetch failed')
    }) as typeof fetch)
    const err = await down.health().catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ApiError)
    expect((err as ApiError).status).toBe(0)
  })

  it('sorts recent events oldest first', async () => {
    const api = new ApiClient(conn, fakeFetch(200, '[{"type":"chat","id":"2","ts":2},{"type":"chat","id":"1","ts":1}]') as typeof fetch)
    expect((await api.recentEvents(10)).map((e) => e.id)).toEqual(['1', '2'])
  })

  it('parses Content-Disposition', () => {
    expect(filenameFromDisposition('attachment; filename="main.db"')).toBe('main.db')
    expect(filenameFromDisposition("attachment; filename*=UTF-8''m%C3%BC.db")).toBe('mü.db')
    expect(filenameFromDisposition(null)).toBe('')
  })
})
