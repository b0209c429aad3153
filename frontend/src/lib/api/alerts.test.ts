// Unit tests of the alerts API layer: request shapes (method, path, token,
// body) against a recording fetch, reply normalization, and the pure helpers
// the page relies on.

import { describe, expect, it } from 'vitest'
import type { Connection } from './bootstrap'
import {
  AlertsApi,
  alertOverlayUrl,
  alertPlaceholders,
  defaultAlertConfig,
  normalizeAlertConfig,
  overlayBase,
  renderAlertTemplate,
  sameAlertConfig,
  sampleAlertEvent,
  unknownPlaceholders,
  validMediaUrl,
  validateAlertConfig,
} from './alerts'
import { ApiClient } from './client'
import { alertsBinding } from './services/alerts'

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

describe('alerts api', () => {
  it('loads configs, filling in every type and missing fields', async () => {
    const { fetcher } = recorder({ 'GET /api/alerts/config': { body: { gift: { enabled: false, text: 'hi {nickname}', durationMs: 3000 } } } })
    const cs = await new AlertsApi(new ApiClient(conn, fetcher).services.alerts).configs()
    expect(cs.gift).toMatchObject({ enabled: false, text: 'hi {nickname}', durationMs: 3000, screen: 'main', animation: 'fade' })
    expect(cs.follow).toEqual(defaultAlertConfig('follow'))
    expect(Object.keys(cs)).toHaveLength(9)
  })

  it('saves with PUT and the token, tests with an optional preview body', async () => {
    const saved = { ...defaultAlertConfig('gift'), minCoins: 5 }
    const { calls, fetcher } = recorder({
      'PUT /api/alerts/config/gift': { body: saved },
      'POST /api/alerts/test/gift': { status: 202, body: { alert: { id: 'a1', screen: 'main', text: 'LTTH Tester sent 10x Rose' }, paused: false } },
      'POST /api/alerts/pause': { body: { paused: true } },
      'POST /api/alerts/main/skip': { body: { screen: 'main', skipped: true } },
      'POST /api/alerts/side/clear': { body: { screen: 'side', cleared: 3 } },
      'GET /api/alerts/status': { body: { paused: true, screens: [{ name: 'main', queued: 2, dropped: 0 }] } },
    })
    const api = new AlertsApi(new ApiClient(conn, fetcher).services.alerts)
    expect(await api.saveConfig('gift', { minCoins: 5 })).toEqual(saved)
    expect(calls[0]).toMatchObject({ method: 'PUT', auth: 'Bearer tok', body: { minCoins: 5 } })
    const r = await api.test('gift')
    expect(r.alert.id).toBe('a1')
    expect(calls[1]?.body).toBeUndefined()
    await api.test('gift', saved)
    expect(calls[2]?.body).toEqual(saved)
    await api.setPaused(true)
    expect(calls[3]?.body).toEqual({ paused: true })
    expect(await api.skip('main')).toBe(true)
    expect(await api.clear('side')).toBe(3)
    expect(await api.status()).toEqual({ paused: true, screens: [{ name: 'main', queued: 2, dropped: 0 }] })
  })

  it('calls the bound methods with typed requests, and carries their error codes', async () => {
    const seen: unknown[] = []
    const rec = (name: string, reply: unknown) => (async (r?: unknown) => (seen.push(r === undefined ? [name] : [name, r]), reply)) as never
    const api = new AlertsApi(
      alertsBinding({
        Configs: rec('configs', { gift: { enabled: false } }),
        PutConfig: rec('put', { ...defaultAlertConfig('gift'), minCoins: 5 }),
        Test: (async () => {
          throw new Error('{"error":"event type cannot have an alert: \\"viewers\\"","code":"not_found"}')
        }) as never,
        Pause: rec('pause', { paused: true }),
        Skip: rec('skip', { screen: 'main', skipped: true }),
        Clear: rec('clear', { screen: 'side', cleared: 2 }),
        Status: rec('status', { paused: true, screens: null }),
        Screens: rec('screens', [{ value: 'main', label: 'main (default)' }]),
      }),
    )
    expect((await api.configs()).gift.enabled).toBe(false)
    expect((await api.saveConfig('gift', { minCoins: 5 })).minCoins).toBe(5)
    await api.setPaused(true)
    expect(await api.skip('main')).toBe(true)
    expect(await api.clear('side')).toBe(2)
    expect(await api.status()).toEqual({ paused: true, screens: [] })
    expect(seen).toEqual([
      ['configs'],
      ['put', { eventType: 'gift', patch: { minCoins: 5 } }],
      ['pause', { paused: true }],
      ['skip', { screen: 'main' }],
      ['clear', { screen: 'side' }],
      ['status'],
    ])
    await expect(api.test('gift')).rejects.toMatchObject({ code: 'not_found', status: 404, name: 'ServiceError' })
  })

  it('a status poll rejects when its signal aborts', async () => {
    const api = new AlertsApi(alertsBinding({ Status: (() => new Promise(() => {})) as never } as never))
    const ctl = new AbortController()
    const p = api.status(ctl.signal)
    ctl.abort(new Error('timed out'))
    await expect(p).rejects.toThrow('timed out')
  })

  it('turns a missing module into a notAvailable error', async () => {
    const { fetcher } = recorder({})
    await expect(new AlertsApi(new ApiClient(conn, fetcher).services.alerts).configs()).rejects.toMatchObject({ status: 404, notAvailable: true })
  })

  it('validates like the backend', () => {
    const ok = defaultAlertConfig('gift')
    expect(validateAlertConfig(ok)).toEqual({})
    const bad = { ...ok, durationMs: 100, screen: 'no spaces', minCoins: -1, imageUrl: 'javascript:alert(1)', soundUrl: '//evil', videoUrl: 'x y' }
    expect(Object.keys(validateAlertConfig(bad)).sort()).toEqual(['durationMs', 'imageUrl', 'minCoins', 'screen', 'soundUrl', 'videoUrl'])
    expect(validMediaUrl('{avatarUrl}')).toBe(true)
    expect(validMediaUrl('{avatarUrl}', false)).toBe(false)
    expect(validMediaUrl('/sounds/a.mp3')).toBe(true)
    expect(validMediaUrl('HTTPS://x.test/a.png')).toBe(true)
    expect(validMediaUrl('data:image/png;base64,xx')).toBe(false)
    expect(validateAlertConfig({ ...ok, text: 'x'.repeat(501) }).text).toBeTruthy()
  })

  it('renders templates like alert.Render', () => {
    const gift = sampleAlertEvent('gift')
    expect(renderAlertTemplate('{nickname} sent {repeatCount}x {giftName}', gift)).toBe('LTTH Tester sent 10x Rose')
    expect(renderAlertTemplate('{{nickname}} {gift_name} {coins} coins', gift)).toBe('LTTH Tester Rose 10 coins')
    expect(renderAlertTemplate('{unknown} and {nickname', gift)).toBe('{unknown} and {nickname')
    // inserted values are not expanded again
    expect(renderAlertTemplate('{nickname}', { ...gift, nickname: '{giftName}' })).toBe('{giftName}')
    expect(renderAlertTemplate('{username}', { ...gift, nickname: '' })).toBe('ltth_tester')
    expect(renderAlertTemplate('{likeCount}', sampleAlertEvent('follow'))).toBe('0')
    expect(unknownPlaceholders('{nickname} {foo} {{bar}} {gift_name}')).toEqual(['foo', 'bar'])
    expect(alertPlaceholders('gift')).toContain('giftName')
    expect(alertPlaceholders('follow')).not.toContain('giftName')
  })

  it('normalizes and compares configs', () => {
    const c = normalizeAlertConfig('like', { text: 'x' })
    expect(c).toMatchObject({ text: 'x', enabled: false, durationMs: 5000, screen: 'main', comboSteps: false })
    expect(sameAlertConfig(c, { ...c })).toBe(true)
    expect(sameAlertConfig(c, { ...c, priority: 1 })).toBe(false)
  })

  it('builds overlay URLs from the listener (or the reported address in dev)', () => {
    const api = new ApiClient(conn)
    expect(overlayBase(api, 'http://0.0.0.0:3000/overlay.html')).toBe('http://127.0.0.1:3000')
    expect(overlayBase(api, 'http://127.0.0.1:3001/overlay.html', true)).toBe('http://127.0.0.1:3001')
    expect(overlayBase(null, 'http://127.0.0.1:3001/overlay.html')).toBe('http://127.0.0.1:3001')
    expect(overlayBase(api, undefined, true)).toBe('http://127.0.0.1:3000')
    expect(overlayBase(null, 'javascript:x', true)).toBe('')
    expect(alertOverlayUrl('http://h', 'main')).toBe('http://h/overlay.html')
    expect(alertOverlayUrl('http://h', 'side', { sound: false })).toBe('http://h/overlay.html?screen=side&sound=0')
  })
})
