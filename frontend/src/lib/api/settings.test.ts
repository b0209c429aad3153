// Unit tests of the app-settings layer: request shapes against a recording
// fetch, reply normalization, theme resolution, port parsing and the
// dashboard address after the listener moved.

import { describe, expect, it } from 'vitest'
import type { Connection } from './bootstrap'
import { ApiClient } from './client'
import { settingsApi, movedDashboardUrl, normalizeAppSettings, parseListenPort, resolveTheme, type AppSettings } from './settings'

const conn: Connection = { mode: 'browser', baseUrl: 'http://127.0.0.1:3000', token: 'tok', version: '', headless: false }

function recorder(routes: Record<string, { status?: number; body?: unknown }>) {
  const calls: { method: string; url: string; auth: string | null; body: unknown }[] = []
  const fetcher: typeof fetch = async (input, init) => {
    const url = String(input)
    const method = init?.method ?? 'GET'
    const headers = (init?.headers ?? {}) as Record<string, string>
    calls.push({ method, url, auth: headers['Authorization'] ?? null, body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined })
    const r = routes[`${method} ${url.replace(conn.baseUrl, '')}`] ?? { status: 404, body: { error: 'no route' } }
    return new Response(JSON.stringify(r.body ?? {}), { status: r.status ?? 200, headers: { 'Content-Type': 'application/json' } })
  }
  return { calls, fetcher }
}

const settings: AppSettings = { theme: 'light', port: 3001, allowLan: false, startMinimized: true, autostart: false, logLevel: 'debug', language: 'de' }
const status = { listenUrl: 'http://127.0.0.1:3001', lanAddresses: [], logLevel: 'debug', autostartActive: false, dataDir: '/d', logsDir: '/d/logs', headless: true }

describe('settings api', () => {
  it('reads and writes the whole document with the token', async () => {
    const { calls, fetcher } = recorder({
      'GET /api/settings/app': { body: { settings, status } },
      'PUT /api/settings/app': { body: { settings, status } },
    })
    const api = settingsApi(new ApiClient(conn, fetcher))
    expect((await api.get()).settings).toEqual(settings)
    const out = await api.put(settings)
    expect(out.status.listenUrl).toBe('http://127.0.0.1:3001')
    expect(calls[1]).toEqual({ method: 'PUT', url: 'http://127.0.0.1:3000/api/settings/app', auth: 'Bearer tok', body: settings })
    expect(calls[0]?.auth).toBe('Bearer tok')
  })

  it('passes a busy port on as a 409 naming it', async () => {
    const { fetcher } = recorder({ 'PUT /api/settings/app': { status: 409, body: { error: 'port 3001 is in use by node (pid 7)' } } })
    await expect(settingsApi(new ApiClient(conn, fetcher)).put(settings)).rejects.toMatchObject({ status: 409, message: 'port 3001 is in use by node (pid 7)' })
  })

  it('rotates the token', async () => {
    const { calls, fetcher } = recorder({ 'POST /api/settings/token/rotate': { body: { token: 'new' } } })
    expect(await settingsApi(new ApiClient(conn, fetcher)).rotateToken()).toBe('new')
    expect(calls[0]).toMatchObject({ method: 'POST', auth: 'Bearer tok' })
    const bad = recorder({ 'POST /api/settings/token/rotate': { body: {} } })
    await expect(settingsApi(new ApiClient(conn, bad.fetcher)).rotateToken()).rejects.toThrow(/Unexpected reply/)
  })

  it('normalizes odd replies to safe defaults', () => {
    const v = normalizeAppSettings({ settings: { theme: 'pink', port: 'x', logLevel: 7 }, status: { lanAddresses: ['a', 3] } })
    expect(v.settings).toEqual({ theme: 'dark', port: 3000, allowLan: false, startMinimized: false, autostart: false, logLevel: 'info', language: '' })
    expect(v.status.lanAddresses).toEqual(['a'])
    expect(normalizeAppSettings(null).status.notice).toBe('')
  })
})

describe('helpers', () => {
  it('resolves the system theme from the OS preference', () => {
    expect(resolveTheme('system', true)).toBe('dark')
    expect(resolveTheme('system', false)).toBe('light')
    expect(resolveTheme('light', true)).toBe('light')
    expect(resolveTheme('dark', false)).toBe('dark')
  })

  it('parses ports', () => {
    expect(parseListenPort(' 3001 ')).toEqual({ port: 3001 })
    expect(parseListenPort('0')).toHaveProperty('error')
    expect(parseListenPort('70000')).toHaveProperty('error')
    expect(parseListenPort('30a')).toHaveProperty('error')
  })

  it('builds the moved dashboard address with the token and page', () => {
    expect(movedDashboardUrl('http://127.0.0.1:3001/', 't1', '#/settings')).toBe('http://127.0.0.1:3001/dashboard/#/settings?token=t1')
    expect(movedDashboardUrl('http://127.0.0.1:3001', 't1', '')).toBe('http://127.0.0.1:3001/dashboard/#token=t1')
    expect(movedDashboardUrl('http://127.0.0.1:3001', '', '#/live?x=1')).toBe('http://127.0.0.1:3001/dashboard/#/live')
  })
})
