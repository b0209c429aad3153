import { describe, expect, it } from 'vitest'
import type { Connection } from './bootstrap'
import { ApiClient } from './client'
import { CONNECTOR_MISSING } from './client'
import {
  checkSecretInput,
  ConnectorApi,
  ConnectorError,
  connectorSettingsPatch,
  mergeConnectorMessage,
  parseConnectorSettings,
  parseConnectorStatus,
  type ConnectorSettings,
} from './connection'
import { connectionBinding } from './services/connection'

const conn: Connection = { mode: 'browser', baseUrl: 'http://x', token: 'tok', version: '', headless: false }

/** The connector API over the REST implementation of the connection service. */
const connectorOver = (fetcher: typeof fetch) => new ConnectorApi(new ApiClient(conn, fetcher).services.connection)

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

// A reply as backend/tiktok/connector writes it.
const STATUS = {
  state: 'reconnecting',
  source: 'tikfinity',
  uniqueId: 'nobody_e2e',
  roomId: '',
  reason: 'no source could connect; trying again (next try in 2.3s)',
  code: 'unavailable',
  since: 1795679679000,
  sources: [
    { name: 'direct', state: 'failed', code: 'network', reason: 'Cannot reach TikTok. Check your internet connection.' },
    { name: 'euler', state: 'cooldown', code: 'rate_limited', reason: 'limit', until: 1795679700000 },
    { name: 'browser', state: 'idle' },
  ],
  timeline: [
    { ts: 1795679677074, state: 'connecting', reason: 'connecting to @nobody_e2e' },
    { ts: 1795679677080, state: 'connecting', source: 'direct', reason: 'connecting via direct' },
  ],
  gaps: [{ from: 1795679600000, to: 1795679610000, durationMs: 10000, reason: 'dropped' }, { from: 1795679650000, durationMs: 5000 }],
  recording: { enabled: true, path: '/data/captures/20260101-120000.000.jsonl', records: 12 },
}

const SETTINGS = {
  target: '@someone',
  sources: ['euler', 'direct'],
  apiKey: '***9z',
  sessionId: '',
  signServerUrl: '',
  tikfinityUrl: 'ws://localhost:21213/',
  browserPath: '',
  apiKeySet: true,
  sessionIdSet: false,
}

describe('parseConnectorStatus', () => {
  it('keeps every field of the Go Status', () => {
    const s = parseConnectorStatus(STATUS)
    expect(s.state).toBe('reconnecting')
    expect(s.code).toBe('unavailable')
    expect(s.sources.map((x) => `${x.name}:${x.state}`)).toEqual(['direct:failed', 'euler:cooldown', 'browser:idle'])
    expect(s.sources[1]?.until).toBe(1795679700000)
    expect(s.timeline[1]).toEqual({ ts: 1795679677080, state: 'connecting', source: 'direct', reason: 'connecting via direct' })
    expect(s.gaps[0]?.to).toBe(1795679610000)
    expect(s.gaps[1]?.to).toBeUndefined()
    expect(s.recording).toEqual({ enabled: true, path: '/data/captures/20260101-120000.000.jsonl', records: 12 })
  })

  it('survives missing and odd fields', () => {
    const s = parseConnectorStatus({ sources: null, timeline: [{}, 3], gaps: 'x' })
    expect(s.state).toBe('disconnected')
    expect(s.sources).toEqual([])
    expect(s.timeline).toEqual([])
    expect(s.gaps).toEqual([])
    expect(s.recording).toEqual({ enabled: false, records: 0 })
    expect(parseConnectorStatus(null).state).toBe('disconnected')
  })
})

describe('mergeConnectorMessage', () => {
  it('updates state and sources, keeps timeline and recording', () => {
    const prev = parseConnectorStatus(STATUS)
    const next = mergeConnectorMessage(prev, {
      state: 'connected',
      source: 'direct',
      uniqueId: 'nobody_e2e',
      roomId: '73',
      reason: 'live via direct',
      sources: [{ name: 'direct', state: 'live' }],
    })
    expect(next?.state).toBe('connected')
    expect(next?.code).toBeUndefined()
    expect(next?.roomId).toBe('73')
    expect(next?.sources).toEqual([{ name: 'direct', state: 'live' }])
    expect(next?.timeline).toHaveLength(2)
    expect(next?.recording.records).toBe(12)
    expect(next?.since).toBeGreaterThan(prev.since)
  })

  it('ignores non-state data and works without a previous status', () => {
    expect(mergeConnectorMessage(null, { foo: 1 })).toBeNull()
    expect(mergeConnectorMessage(null, 'connected')).toBeNull()
    expect(mergeConnectorMessage(null, { state: 'error', code: 'user_not_found', reason: 'x' })?.code).toBe('user_not_found')
  })
})

describe('settings', () => {
  it('parses the masked view', () => {
    const s = parseConnectorSettings(SETTINGS)
    expect(s.apiKey).toBe('***9z')
    expect(s.apiKeySet).toBe(true)
    expect(s.sessionIdSet).toBe(false)
    expect(s.sources).toEqual(['euler', 'direct'])
  })

  it('sends only what changed, a kept secret stays masked', () => {
    const saved: ConnectorSettings = parseConnectorSettings(SETTINGS)
    expect(connectorSettingsPatch(saved, { apiKey: '***9z', sessionId: '', browserPath: '' })).toEqual({})
    expect(connectorSettingsPatch(saved, { apiKey: '', signServerUrl: ' https://sign.example ' })).toEqual({
      apiKey: '',
      signServerUrl: 'https://sign.example',
    })
    expect(connectorSettingsPatch(saved, { sources: ['euler', 'direct'] })).toEqual({})
    expect(connectorSettingsPatch(saved, { sources: ['direct', 'euler'] })).toEqual({ sources: ['direct', 'euler'] })
  })

  it('refuses typing next to a mask', () => {
    expect(checkSecretInput('***9z', '***9z').ok).toBe(true)
    expect(checkSecretInput('', '***9z').ok).toBe(true)
    expect(checkSecretInput('new-key-value', '***9z').ok).toBe(true)
    expect(checkSecretInput('***9zextra', '***9z').ok).toBe(false)
  })
})

describe('ConnectorApi', () => {
  it('uses the documented routes and bodies with the token', async () => {
    const { calls, fetcher } = fakeFetch((c) => {
      if (c.url.endsWith('/api/connection/settings')) return json(SETTINGS)
      if (c.url.endsWith('/api/connection/record')) return json({ enabled: true, path: '/p/x.jsonl', records: 0 })
      if (c.url.endsWith('/api/replay')) return json({ status: 'started', name: 'c.jsonl', path: 'c.jsonl', speed: 0 }, 202)
      return json(STATUS, c.method === 'POST' ? 202 : 200)
    })
    const api = connectorOver(fetcher)
    expect((await api.status()).state).toBe('reconnecting')
    await api.connect('@nobody_e2e')
    await api.disconnect()
    expect((await api.saveSettings({ apiKey: 'abcdefghijklmnop', sources: ['euler'] })).apiKey).toBe('***9z')
    expect((await api.setRecording(true)).path).toBe('/p/x.jsonl')
    expect(await api.replay('c.jsonl', 'max')).toEqual({ status: 'started', name: 'c.jsonl', speed: 0 })
    await api.replay('c.jsonl', 4)
    expect(calls.map((c) => `${c.method} ${c.url.replace('http://x', '')}`)).toEqual([
      'GET /api/connection',
      'POST /api/connection/connect',
      'POST /api/connection/disconnect',
      'PUT /api/connection/settings',
      'POST /api/connection/record',
      'POST /api/replay',
      'POST /api/replay',
    ])
    expect(calls.every((c) => c.auth === 'Bearer tok')).toBe(true)
    expect(calls[1]?.body).toEqual({ target: '@nobody_e2e' })
    expect(calls[3]?.body).toEqual({ apiKey: 'abcdefghijklmnop', sources: ['euler'] })
    expect(calls[4]?.body).toEqual({ enabled: true })
    expect(calls[5]?.body).toEqual({ name: 'c.jsonl', speed: 'max' })
    expect(calls[6]?.body).toEqual({ name: 'c.jsonl', speed: 4 })
  })

  it('lists, uploads and stops captures with the token', async () => {
    const seen: { url: string; method: string; auth: string | null; type: string | null; body: unknown }[] = []
    const fetcher = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const headers = new Headers(init?.headers)
      seen.push({ url: String(input), method: init?.method ?? 'GET', auth: headers.get('Authorization'), type: headers.get('Content-Type'), body: init?.body })
      const url = String(input)
      if (url.endsWith('/api/captures')) return json([{ name: 'a.jsonl', size: 10, modified: 5 }, { bogus: 1 }, 'x'])
      if (url.includes('/api/captures?')) return json({ name: 'My_Stream.jsonl', size: 3, modified: 7 }, 201)
      if (url.endsWith('/api/replay/stop')) return json({ stopped: true })
      return json(STATUS)
    }) as typeof fetch
    const api = connectorOver(fetcher)
    expect(await api.captures()).toEqual([{ name: 'a.jsonl', size: 10, modified: 5 }])
    const file = new Blob(['{"t":1,"frame":"AA=="}\n'])
    expect(await api.uploadCapture('My Stream.jsonl', file)).toEqual({ name: 'My_Stream.jsonl', size: 3, modified: 7 })
    expect(await api.stopReplay()).toBe(true)
    expect(seen.map((c) => `${c.method} ${c.url.replace('http://x', '')}`)).toEqual([
      'GET /api/captures',
      'POST /api/captures?name=My%20Stream.jsonl',
      'POST /api/replay/stop',
    ])
    expect(seen.every((c) => c.auth === 'Bearer tok')).toBe(true)
    expect(seen[1]?.body).toBe(file)
    expect(seen[1]?.type).toBe('application/octet-stream')
    expect(parseConnectorStatus({ ...STATUS, replaying: 'a.jsonl' }).replaying).toBe('a.jsonl')
    expect(parseConnectorStatus(STATUS).replaying).toBeUndefined()
  })

  it('keeps the error code and explains a missing connector', async () => {
    const bad = connectorOver(fakeFetch(() => json({ error: 'Enter a TikTok username (for example @name) or a LIVE link.', code: 'invalid_target' }, 400)).fetcher,
    )
    const err = await bad.connect('').catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ConnectorError)
    expect((err as ConnectorError).code).toBe('invalid_target')
    expect((err as ConnectorError).message).toMatch(/Enter a TikTok username/)
    expect((err as ConnectorError).status).toBe(400)

    const missing = connectorOver(fakeFetch(() => new Response('404 page not found', { status: 404 })).fetcher)
    const e2 = await missing.status().catch((e: unknown) => e)
    expect((e2 as ConnectorError).message).toBe(CONNECTOR_MISSING)
    expect((e2 as ConnectorError).notAvailable).toBe(true)
  })
})

describe('connection bindings', () => {
  it('typed requests reach the bound methods; a refused call keeps its code', async () => {
    const calls: [string, unknown][] = []
    const rec = (name: string, reply: unknown = {}) => async (r?: unknown) => (calls.push([name, r]), reply)
    const api = new ConnectorApi(
      connectionBinding({
        Status: rec('status', STATUS),
        Connect: async (r: unknown) => {
          calls.push(['connect', r])
          throw new Error('{"code":"invalid_target","error":"Enter a TikTok username (for example @name) or a LIVE link."}')
        },
        Disconnect: rec('disconnect', STATUS),
        Settings: rec('settings', SETTINGS),
        UpdateSettings: rec('update', SETTINGS),
        Record: rec('record', { enabled: true, records: 0 }),
        StartReplay: rec('replay', { status: 'started', name: 'c.jsonl', speed: 0 }),
        StopReplay: rec('stop', { stopped: true }),
        ConfirmBrowserPath: rec('confirm', { path: '/usr/bin/chromium', version: 'Chromium 120' }),
        Captures: rec('captures', [{ name: 'a.jsonl', size: 1, modified: 2 }]),
      } as never),
    )
    expect((await api.status()).state).toBe('reconnecting')
    const err = await api.connect('nope').catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ConnectorError)
    expect(err).toMatchObject({ code: 'invalid_target', status: 400 })
    expect((await api.saveSettings({ sources: ['euler'] })).apiKeySet).toBe(true)
    expect((await api.setRecording(true)).enabled).toBe(true)
    await api.replay('c.jsonl', 'max')
    expect(await api.stopReplay()).toBe(true)
    expect((await api.confirmBrowserPath('/usr/bin/chromium')).version).toBe('Chromium 120')
    expect(await api.captures()).toHaveLength(1)
    expect(calls).toEqual([
      ['status', undefined],
      ['connect', { target: 'nope' }],
      ['update', { sources: ['euler'] }],
      ['record', { enabled: true }],
      ['replay', { name: 'c.jsonl', speed: 'max' }],
      ['stop', undefined],
      ['confirm', { path: '/usr/bin/chromium' }],
      ['captures', undefined],
    ])
    await expect(api.uploadCapture('x.jsonl', new Blob(['x']))).rejects.toMatchObject({ code: 'unavailable' })
  })
})

describe('browser path confirmation', () => {
  it('parses the pending/confirmed state (unknown = none)', () => {
    expect(parseConnectorSettings({ ...SETTINGS, browserPath: '/x/chromium', browserPathState: 'pending' }).browserPathState).toBe('pending')
    expect(parseConnectorSettings({ ...SETTINGS, browserPathState: 'confirmed' }).browserPathState).toBe('confirmed')
    expect(parseConnectorSettings({ ...SETTINGS, browserPathState: 'yes' }).browserPathState).toBe('')
    expect(parseConnectorSettings(SETTINGS).browserPathState).toBe('')
  })

  it('confirms the shown path with the token and returns the version', async () => {
    const { calls, fetcher } = fakeFetch(() => json({ path: '/usr/bin/chromium', version: 'Chromium 120.0', state: 'confirmed' }))
    const api = connectorOver(fetcher)
    expect(await api.confirmBrowserPath('/usr/bin/chromium')).toEqual({ path: '/usr/bin/chromium', version: 'Chromium 120.0' })
    expect(calls[0]).toMatchObject({
      method: 'POST',
      url: 'http://x/api/connection/browser-path/confirm',
      auth: 'Bearer tok',
      body: { path: '/usr/bin/chromium' },
    })
  })

  it('reports a refused path with the server message', async () => {
    const { fetcher } = fakeFetch(() => json({ error: 'not a Chrome, Edge, Brave or Chromium executable', code: 'bad_request' }, 422))
    await expect(connectorOver(fetcher).confirmBrowserPath('/tmp/chromium')).rejects.toMatchObject({
      status: 422,
      message: 'not a Chrome, Edge, Brave or Chromium executable',
    })
  })
})
