import { describe, expect, it } from 'vitest'
import type { Connection } from './bootstrap'
import { OBS_PASSWORD_MASK, ObsApi, obsSettingsPatch, validateObsSettings } from './obs'
import { OscApi, formatOscEntry, oscArg, validateOscSend, validateOscSettings } from './osc'

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
    const api = new ObsApi(conn, fetcher)
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
    await expect(new ObsApi(conn, fetcher).setScene('X')).rejects.toThrow('OBS is not connected: wrong password')
  })

  it('reads the preview as a blob', async () => {
    const { fetcher } = recorder({ 'GET /api/obs/screenshot': { raw: new Blob([new Uint8Array([0xff, 0xd8])]) } })
    const b = await new ObsApi(conn, fetcher).screenshot()
    expect(b.size).toBe(2)
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
    const api = new OscApi(conn, fetcher)
    await api.send('/a', [{ type: 'i', value: 1 }], 200)
    expect(calls[0]!.body).toEqual({ address: '/a', args: [{ type: 'i', value: 1 }], pulseMs: 200 })
    expect(await api.log()).toEqual([])
    expect(formatOscEntry({ ts: 0, dir: 'out', address: '/chatbox/input', types: 'sT', args: ['hi', true] })).toBe('/chatbox/input sT "hi" true')
  })
})
