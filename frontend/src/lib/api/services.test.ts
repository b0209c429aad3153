import { describe, expect, it } from 'vitest'
import { ApiClient } from './client'
import { RuntimeFeed, type RuntimeBridge } from './runtimefeed'
import { bindingServices, boundError, ServiceError } from './services'
import type { FeedMessage } from './types'

describe('services', () => {
  it('bound errors keep the backend code and its HTTP status', () => {
    const e = boundError(new Error('{"code":"not_found","error":"profile \\"x\\" not found"}'))
    expect(e).toBeInstanceOf(ServiceError)
    expect(e).toMatchObject({ code: 'not_found', status: 404, message: 'profile "x" not found' })
    expect(boundError('boom')).toMatchObject({ code: 'internal', status: 500, message: 'boom' })
  })

  it('the bindings implementation calls the bound methods with typed requests', async () => {
    const calls: unknown[] = []
    const svc = bindingServices({
      TestEventsService: { Simulate: async (e: unknown) => (calls.push(['sim', e]), { ...(e as object), id: '1' }) },
      ConnectionService: {
        Status: async () => ({ state: 'disconnected' }),
        Connect: async (r: unknown) => (calls.push(['connect', r]), { state: 'connecting' }),
        Disconnect: async () => ({ state: 'disconnected' }),
      },
      ProfilesService: {
        List: async () => null,
        Switch: async (r: unknown) => {
          calls.push(['switch', r])
          throw new Error('{"code":"not_found","error":"no such profile"}')
        },
      },
      LeaderboardsService: { Top: async () => null, Reset: async () => ({}) },
      HealthService: { Get: async () => ({ status: 'ok', windowHttp: 0 }) },
      PluginsService: {}, ExternalPluginsService: {}, HistoryService: {},
      OBSService: Object.fromEntries(['Settings', 'SaveSettings', 'Status', 'State', 'Options', 'SetScene', 'Command', 'Screenshot', 'AddOverlays', 'BrowserSources'].map((k) => [k, async () => null])),
      OSCService: Object.fromEntries(['Settings', 'SaveSettings', 'Status', 'Log', 'Send'].map((k) => [k, async () => null])),
    } as never)
    expect(svc?.transport).toBe('bindings')
    expect(await svc!.testEvents.simulate({ type: 'chat', id: '', ts: 0 })).toMatchObject({ id: '1' })
    expect(await svc!.connection.connect('@a')).toEqual({ state: 'connecting' })
    expect(await svc!.profiles.list()).toEqual([])
    expect(await svc!.health.get()).toMatchObject({ status: 'ok' })
    await expect(svc!.profiles.switch('x')).rejects.toMatchObject({ code: 'not_found', status: 404 })
    expect(calls).toEqual([
      ['sim', { type: 'chat', id: '', ts: 0 }],
      ['connect', { target: '@a' }],
      ['switch', { name: 'x' }],
    ])
  })

  it('a browser client uses REST for the same methods', async () => {
    const seen: string[] = []
    const api = new ApiClient({ mode: 'browser', baseUrl: 'http://h', token: 't', version: '', headless: true }, async (url, init) => {
      seen.push(`${init?.method} ${String(url)}`)
      return new Response('[]', { status: 200 })
    })
    expect(api.services.transport).toBe('rest')
    await api.simulate({ type: 'chat', id: '', ts: 0 })
    await api.listProfiles()
    await api.activateProfile('b c')
    expect(seen).toEqual(['POST http://h/api/simulate', 'GET http://h/api/profiles', 'POST http://h/api/profiles/b%20c/activate'])
  })

  it('a REST failure is a ServiceError with the code of the error body', async () => {
    const api = new ApiClient({ mode: 'browser', baseUrl: 'http://h', token: 't', version: '', headless: true }, async () =>
      new Response(JSON.stringify({ error: 'stream 9 not found', code: 'not_found' }), { status: 404 }),
    )
    await expect(api.services.history.stream(9)).rejects.toMatchObject({ name: 'ServiceError', code: 'not_found', status: 404, message: 'stream 9 not found' })
  })
})

describe('runtime feed', () => {
  it('delivers the snapshot first, then batches that arrived meanwhile, then live batches', async () => {
    let emit: (p: unknown) => void = () => {}
    let resolveSnap: (s: string) => void = () => {}
    const bridge: RuntimeBridge = {
      on: (_name, cb) => ((emit = cb), () => (emit = () => {})),
      snapshot: () => new Promise((r) => (resolveSnap = r)),
    }
    const got: [string[], boolean][] = []
    const statuses: string[] = []
    const feed = new RuntimeFeed(bridge, {
      onMessages: (m: FeedMessage[], snap) => got.push([m.map((x) => x.type), snap]),
      onStatus: (s) => statuses.push(s),
    })
    feed.start()
    emit('[{"type":"chat","ts":2,"data":{"type":"chat"}}]')
    resolveSnap('{"type":"snapshot","ts":1,"data":[{"type":"connection","ts":1,"data":{"state":"connected"}}]}')
    await Promise.resolve()
    await Promise.resolve()
    emit('[{"type":"gift","ts":3,"data":{}},{"type":"like","ts":4,"data":{}}]')
    expect(got).toEqual([
      [['connection'], true],
      [['chat'], false],
      [['gift', 'like'], false],
    ])
    feed.stop()
    emit('[{"type":"chat","ts":5,"data":{}}]')
    expect(got).toHaveLength(3)
    expect(statuses).toEqual(['connecting', 'open', 'closed'])
  })
})
