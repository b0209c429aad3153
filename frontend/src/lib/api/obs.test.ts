import { describe, expect, it } from 'vitest'
import type { Connection } from './bootstrap'
import { ApiClient } from './client'
import { OBS_PASSWORD_MASK, ObsApi, obsReasonText, obsSettingsPatch, validateObsSettings } from './obs'
import { i18n } from '../i18n'
import { OscApi, formatOscEntry, oscArg, validateOscSend, validateOscSettings } from './osc'
import { obsBinding, type ObsBound } from './services/obs'
import { oscBinding, type OscBound } from './services/osc'

const conn: Connection = { mode: 'browser', baseUrl: 'http://127.0.0.1:3000', token: 'tok', version: '', headless: false }

function recorder(routes: Record<string, { status?: number; body?: unknown; raw?: Blob }>) {
  const calls: { method: string; path: string; auth: string | null; body: unknown }[] = []
  const fetcher: typeof fetch = async (input, init) => {
    const path = String(input).replace(conn.baseUrl, '')
    const method = init?.method ?? 'GET'
    const headers = (init?.headers ?? {}) as Record<string, string>
    calls.push({ method, path, auth: headers['Authorization'] ?? null, body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined })
    const r = routes[`${method} ${path}`] ?? { status: 404, body: { error: 'no route' } }
    if (r.raw) return new Response(r.raw, { status: 200, headers: { 'Content-Type': 'image/jpeg' } })
    return new Response(r.body === undefined ? '' : JSON.stringify(r.body), { status: r.status ?? 200 })
  }
  return { calls, fetcher }
}

describe('obs api', () => {
  it('leaves a masked or empty password out of the patch', () => {
    expect(obsSettingsPatch({ host: ' h ', port: 4455, password: OBS_PASSWORD_MASK, enabled: true })).toEqual({ host: 'h', port: 4455, enabled: true })
    expect(obsSettingsPatch({ host: 'h', port: 4455, password: '', enabled: false })).toEqual({ host: 'h', port: 4455, enabled: false })
    expect(obsSettingsPatch({ host: 'h', port: 1, password: 'new', enabled: true }).password).toBe('new')
  })

  it('validates host and port', () => {
    expect(validateObsSettings({ host: '127.0.0.1', port: 4455 })).toBe('')
    expect(validateObsSettings({ host: 'ws://x', port: 4455 })).toMatch(/Host/)
    expect(validateObsSettings({ host: 'x', port: 70000 })).toMatch(/Port/)
  })

  it('sends settings with the token and switches scenes', async () => {
    const { calls, fetcher } = recorder({
      'PUT /api/obs/settings': { body: { host: 'h', port: 1, password: OBS_PASSWORD_MASK, passwordSet: true, enabled: true } },
      'POST /api/obs/scene': { body: { ok: true, state: { connected: true, currentScene: 'Cam 2', scenes: [{ name: 'Cam 2', sources: [{ name: 'S', itemId: 1, visible: true }] }] } } },
      'POST /api/obs/command': { body: { ok: true, state: { connected: true, currentScene: 'A' } } },
    })
    const api = new ObsApi(new ApiClient(conn, fetcher).services.obs)
    await api.saveSettings({ host: 'h', port: 1 })
    const st = await api.setScene('Cam 2')
    expect(st.currentScene).toBe('Cam 2')
    expect(st.scenes[0]!.sources[0]!.filters).toEqual([])
    await api.setFilterEnabled('S', 'Blur', false)
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual(['PUT /api/obs/settings', 'POST /api/obs/scene', 'POST /api/obs/command'])
    expect(calls.every((c) => c.auth === 'Bearer tok')).toBe(true)
    expect(calls[1]!.body).toEqual({ name: 'Cam 2' })
    expect(calls[2]!.body).toEqual({ op: 'setFilterEnabled', source: 'S', filter: 'Blur', on: false })
  })

  it('surfaces the backend reason when OBS is down', async () => {
    const { fetcher } = recorder({ 'POST /api/obs/scene': { status: 503, body: { error: 'OBS is not connected: wrong password' } } })
    await expect(new ObsApi(new ApiClient(conn, fetcher).services.obs).setScene('X')).rejects.toThrow('OBS is not connected: wrong password')
  })

  it('reads the preview as a blob', async () => {
    const { fetcher } = recorder({ 'GET /api/obs/screenshot': { raw: new Blob([new Uint8Array([0xff, 0xd8])]) } })
    const b = await new ObsApi(new ApiClient(conn, fetcher).services.obs).screenshot()
    expect(b.size).toBe(2)
  })

  it('adds browser sources and reads choice lists over REST', async () => {
    const { calls, fetcher } = recorder({
      'POST /api/obs/browser-sources': { body: { scene: 'Live', sources: [{ name: 'A', url: 'http://x/', width: 1, height: 1 }] } },
      'GET /api/obs/options?kind=sources&scene=Cam+2': { body: [{ value: 'S', label: 'S' }] },
    })
    const svc = new ApiClient(conn, fetcher).services.obs
    expect((await new ObsApi(svc).browserSources([{ name: 'A', url: 'http://x/', width: 1, height: 1 }])).scene).toBe('Live')
    expect(await svc.options({ kind: 'sources', scene: 'Cam 2' })).toEqual([{ value: 'S', label: 'S' }])
    expect(calls[0]!.body).toEqual({ sources: [{ name: 'A', url: 'http://x/', width: 1, height: 1 }] })
  })

  it('calls the bound methods with typed requests, and carries their error codes', async () => {
    const seen: [string, unknown][] = []
    const method = (name: string, answer: unknown) =>
      (async (req?: unknown) => {
        seen.push([name, req])
        if (answer instanceof Error) throw answer
        return answer
      }) as never
    const b = {
      Settings: method('Settings', { host: 'h', port: 4455, password: '', passwordSet: false, enabled: true }),
      SaveSettings: method('SaveSettings', { host: 'h', port: 1, password: '', passwordSet: false, enabled: true }),
      Status: method('Status', { connected: true, state: 'connected', addr: 'h:1' }),
      State: method('State', { connected: true, currentScene: 'A', scenes: null }),
      Options: method('Options', [{ value: 'A', label: 'A' }]),
      SetScene: method('SetScene', new Error('{"error":"No source was found by the name of Nope","code":"unprocessable"}')),
      Command: method('Command', { ok: true, state: { connected: true, currentScene: 'A', scenes: [{ name: 'A', sources: null }] } }),
      // "/9g=" is the bytes ff d8: a JPEG's start, in base64 as Go sends []byte
      Screenshot: method('Screenshot', { contentType: 'image/jpeg', data: '/9g=' }),
      AddOverlays: method('AddOverlays', { scene: 'A', sources: null }),
      BrowserSources: method('BrowserSources', { scene: 'A', sources: [] }),
    } satisfies ObsBound
    const api = new ObsApi(obsBinding(b))
    expect((await api.state()).scenes).toEqual([])
    await api.saveSettings({ port: 1 })
    expect((await api.setSourceVisible('A', 'S', true)).scenes[0]!.sources).toEqual([])
    const shot = await api.screenshot()
    expect([shot.type, [...new Uint8Array(await shot.arrayBuffer())]]).toEqual(['image/jpeg', [0xff, 0xd8]])
    await api.browserSources([{ name: 'N', url: 'http://x/', width: 2, height: 3 }], 'A')
    await obsBinding(b).options({ kind: 'scenes' })
    await expect(api.setScene('Nope')).rejects.toMatchObject({ name: 'ServiceError', code: 'unprocessable', status: 422 })
    expect(seen).toEqual([
      ['State', undefined],
      ['SaveSettings', { port: 1 }],
      ['Command', { op: 'setSourceVisible', scene: 'A', source: 'S', on: true }],
      ['Screenshot', undefined],
      ['BrowserSources', { scene: 'A', sources: [{ name: 'N', url: 'http://x/', width: 2, height: 3 }] }],
      ['Options', { kind: 'scenes', scene: '', source: '' }],
      ['SetScene', { name: 'Nope' }],
    ])
  })
})

describe('osc api', () => {
  it('builds typed args and validates', () => {
    expect(oscArg('i', '3')).toEqual({ type: 'i', value: 3 })
    expect(oscArg('T', 'x')).toEqual({ type: 'T' })
    expect(oscArg('s', 'hi')).toEqual({ type: 's', value: 'hi' })
    expect(validateOscSend('/avatar/parameters/Wave', { type: 'i', value: 1 })).toBe('')
    expect(validateOscSend('avatar', { type: 'i', value: 1 })).toMatch(/Address/)
    expect(validateOscSend('/a', { type: 'f', value: 'x' })).toMatch(/number/)
    expect(validateOscSettings({ targetHost: '127.0.0.1', targetPort: 9000, listenPort: 0, enabled: true, rateLimit: 100 })).toBe('')
    expect(validateOscSettings({ targetHost: '', targetPort: 9000, listenPort: 9001, enabled: true, rateLimit: 100 })).toMatch(/host/)
  })

  it('posts a send and formats the log', async () => {
    const { calls, fetcher } = recorder({ 'POST /api/osc/send': { body: { ok: true } }, 'GET /api/osc/log': { body: null } })
    const api = new OscApi(new ApiClient(conn, fetcher).services.osc)
    await api.send('/a', [{ type: 'i', value: 1 }], 200)
    expect(calls[0]!.body).toEqual({ address: '/a', args: [{ type: 'i', value: 1 }], pulseMs: 200 })
    expect(await api.log()).toEqual([])
    expect(formatOscEntry({ ts: 0, dir: 'out', address: '/chatbox/input', types: 'sT', args: ['hi', true] })).toBe('/chatbox/input sT "hi" true')
  })

  it('calls the bound methods with typed requests, and carries their error codes', async () => {
    const seen: [string, unknown][] = []
    const method = (name: string, answer: unknown) =>
      (async (req?: unknown) => {
        seen.push([name, req])
        if (answer instanceof Error) throw answer
        return answer
      }) as never
    const settings = { targetHost: '127.0.0.1', targetPort: 9000, listenPort: 9001, enabled: true, rateLimit: 100 }
    const b = {
      Settings: method('Settings', settings),
      SaveSettings: method('SaveSettings', new Error('{"error":"targetPort 70000 must be 1-65535","code":"invalid"}')),
      Status: method('Status', { enabled: true, listening: true, listenPort: 9001, target: '127.0.0.1:9000', sent: 0, received: 0, dropped: 0 }),
      Log: method('Log', null),
      Send: method('Send', { ok: true }),
    } satisfies OscBound
    const api = new OscApi(oscBinding(b))
    expect(await api.settings()).toEqual(settings)
    expect(await api.log()).toEqual([])
    await api.send('/avatar/parameters/Wave', [{ type: 'i', value: 1 }])
    await expect(api.saveSettings({ targetPort: 70000 })).rejects.toMatchObject({ code: 'invalid', status: 400 })
    expect(seen).toEqual([
      ['Settings', undefined],
      ['Log', undefined],
      ['Send', { address: '/avatar/parameters/Wave', args: [{ type: 'i', value: 1 }], pulseMs: 0 }],
      ['SaveSettings', { targetPort: 70000 }],
    ])
  })
})

describe('OBS reasons in the dashboard language', () => {
  it('words the bridge\'s known reasons, keeps any other text', () => {
    const refused = { reason: 'OBS is not running or its WebSocket server is off at 127.0.0.1:4455 (connection refused)', code: 'refused', addr: '127.0.0.1:4455' }
    expect(obsReasonText(refused)).toBe('OBS is not running or its WebSocket server is off at 127.0.0.1:4455')
    i18n.setPreference('de')
    try {
      expect(obsReasonText(refused)).toBe('OBS läuft nicht oder sein WebSocket-Server ist unter 127.0.0.1:4455 aus')
      expect(obsReasonText({ reason: 'OBS refused the password (wrong password; …)', code: 'password', addr: '' })).toContain('Passwort abgelehnt')
      expect(obsReasonText({ reason: 'connection to OBS lost', code: 'lost', addr: '' })).toBe('Verbindung zu OBS verloren')
      expect(obsReasonText({ reason: 'scene "X" not found', addr: '' })).toBe('scene "X" not found')
    } finally {
      i18n.setPreference('en')
    }
  })
})
