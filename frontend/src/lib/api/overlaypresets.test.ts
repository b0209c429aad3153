// The overlay designer's presets through the overlay presets service: REST
// request shapes in the browser, typed requests to the bound methods in the
// desktop window.

import { describe, expect, it } from 'vitest'
import type { Connection } from './bootstrap'
import { ApiClient } from './client'
import { OverlaysApi, overlaysApi } from './overlays'
import { overlayPresetsBinding } from './services/overlaypresets'

const conn: Connection = { mode: 'browser', baseUrl: 'http://127.0.0.1:3000', token: 'tok', version: '', headless: false }
const preset = { name: 'Main stream', overlay: 'alerts', params: { accent: '#ff0000' }, css: '' }

describe('overlay presets api', () => {
  it('lists, saves and deletes over REST with the token', async () => {
    const calls: [string, string, string | null, unknown][] = []
    const fetcher: typeof fetch = async (input, init) => {
      const headers = (init?.headers ?? {}) as Record<string, string>
      const method = init?.method ?? 'GET'
      calls.push([method, String(input).replace(conn.baseUrl, ''), headers['Authorization'] ?? null, typeof init?.body === 'string' ? JSON.parse(init.body) : undefined])
      if (method === 'DELETE') return new Response(null, { status: 204 })
      const body = method === 'GET' ? null : { ...preset, updatedAt: '2026-12-07T06:00:00Z' }
      return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } })
    }
    const api = overlaysApi(new ApiClient(conn, fetcher))
    expect(await api.presets()).toEqual([])
    expect((await api.savePreset(preset)).updatedAt).toBe('2026-12-07T06:00:00Z')
    await api.deletePreset('Main stream')
    expect(calls).toEqual([
      ['GET', '/api/overlay-presets', 'Bearer tok', undefined],
      ['PUT', '/api/overlay-presets/Main%20stream', 'Bearer tok', { overlay: 'alerts', params: { accent: '#ff0000' }, css: '' }],
      ['DELETE', '/api/overlay-presets/Main%20stream', 'Bearer tok', undefined],
    ])
  })

  it('calls the bound methods with typed requests, and carries their error codes', async () => {
    const seen: unknown[] = []
    const svc = overlayPresetsBinding({
      List: (async () => (seen.push(['list']), null)) as never,
      Put: (async (r: unknown) => (seen.push(['put', r]), { ...preset, updatedAt: 'now' })) as never,
      Delete: (async (r: unknown) => {
        seen.push(['delete', r])
        throw new Error('{"error":"overlay preset \\"x\\" not found","code":"not_found"}')
      }) as never,
    })
    const api = new OverlaysApi(svc)
    expect(await api.presets()).toEqual([])
    expect((await api.savePreset({ ...preset, updatedAt: 'old' })).updatedAt).toBe('now')
    await expect(api.deletePreset('x')).rejects.toMatchObject({ code: 'not_found', status: 404, name: 'ServiceError' })
    expect(seen).toEqual([['list'], ['put', preset], ['delete', { name: 'x' }]])
  })
})
