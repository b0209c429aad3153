// Unit tests of the plugin host API layer: request shapes (method, path,
// token, body) against a recording fetch, reply normalization, and the
// helpers the Plugins page relies on.

import { describe, expect, it } from 'vitest'
import type { Connection } from './bootstrap'
import { ApiClient } from './client'
import { pluginsBinding } from './services/plugins'
import { PluginsApi, localizePlugin, normalizePlugin, pluginAssetUrl, pluginsFromState, settingsDiffer, settingsPayload } from './plugins'

const conn: Connection = { mode: 'browser', baseUrl: 'http://127.0.0.1:3000', token: 'tok', version: '', headless: false }

interface Call {
  method: string
  url: string
  auth: string | null
  body: unknown
}

function recorder(routes: Record<string, { status?: number; body?: unknown }>) {
  const calls: Call[] = []
  const fetcher: typeof fetch = async (input, init) => {
    const url = String(input)
    const method = init?.method ?? 'GET'
    const headers = (init?.headers ?? {}) as Record<string, string>
    calls.push({ method, url, auth: headers['Authorization'] ?? null, body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined })
    const r = routes[`${method} ${url.replace(conn.baseUrl, '')}`] ?? { status: 404, body: { error: 'no route' } }
    return new Response(r.body === undefined ? '' : JSON.stringify(r.body), { status: r.status ?? 200, headers: { 'Content-Type': 'application/json' } })
  }
  return { calls, fetcher }
}

const rain = {
  id: 'emoji-rain',
  name: 'Emoji rain',
  version: '1.0.0',
  description: 'Falling emojis',
  author: 'LTTH',
  permissions: ['events'],
  enabled: true,
  state: 'running',
  overlays: [{ path: 'overlay.html', name: 'Rain', width: 1920, height: 1080 }],
  settings: [
    { name: 'size', label: 'Size', kind: 'number', default: 48 },
    { name: 'emojis', label: 'Emojis', kind: 'list' },
  ],
  routes: ['GET /api/plugins/emoji-rain/status'],
}

describe('plugins api', () => {
  it('lists, enables, disables, reloads with the token', async () => {
    const { calls, fetcher } = recorder({
      'GET /api/plugins': { body: [rain, { id: 'hud', state: 'weird' }, { nope: 1 }] },
      'POST /api/plugins/hud/enable': { body: { id: 'hud', state: 'running', enabled: true } },
      'POST /api/plugins/hud/disable': { body: { id: 'hud', state: 'stopped' } },
      'POST /api/plugins/emoji-rain/reload': { body: rain },
    })
    const api = new PluginsApi(new ApiClient(conn, fetcher).services.plugins)
    const list = await api.list()
    expect(list.map((p) => p.id)).toEqual(['emoji-rain', 'hud'])
    expect(list[1]).toMatchObject({ name: 'hud', state: 'stopped', permissions: [], overlays: [], settings: [] })
    expect(calls[0]?.auth).toBe('Bearer tok') // reads need the token too
    expect((await api.enable('hud')).state).toBe('running')
    expect(calls[1]).toMatchObject({ method: 'POST', url: 'http://127.0.0.1:3000/api/plugins/hud/enable', auth: 'Bearer tok' })
    expect((await api.disable('hud')).state).toBe('stopped')
    expect((await api.reload('emoji-rain')).overlays[0]?.width).toBe(1920)
  })

  it('reads and saves settings, showing the backend error', async () => {
    const { calls, fetcher } = recorder({
      'GET /api/plugins/emoji-rain/settings': { body: { size: 48, emojis: [] } },
      'PUT /api/plugins/emoji-rain/settings': { body: { size: 60, emojis: ['🎉'] } },
      'PUT /api/plugins/hud/settings': { status: 422, body: { error: 'invalid settings: size: must be a number' } },
    })
    const api = new PluginsApi(new ApiClient(conn, fetcher).services.plugins)
    expect(await api.settings('emoji-rain')).toEqual({ size: 48, emojis: [] })
    const schema = normalizePlugin(rain)!.settings
    expect(await api.saveSettings('emoji-rain', schema, { size: 60, emojis: ['🎉'], stray: 1 })).toEqual({ size: 60, emojis: ['🎉'] })
    expect(calls[1]).toMatchObject({ method: 'PUT', auth: 'Bearer tok', body: { size: 60, emojis: ['🎉'] } })
    await expect(api.saveSettings('hud', schema, { size: 'x' })).rejects.toThrow('size: must be a number')
  })

  it('reads logs defensively', async () => {
    const { fetcher } = recorder({
      'GET /api/plugins/hud/logs': { body: [{ ts: 1, level: 'error', message: 'boom' }, { bad: true }, { message: 'x' }] },
    })
    expect(await new PluginsApi(new ApiClient(conn, fetcher).services.plugins).logs('hud')).toEqual([
      { ts: 1, level: 'error', message: 'boom' },
      { ts: 0, level: 'info', message: 'x' },
    ])
  })
})

describe('plugins bindings', () => {
  it('calls the bound methods with typed requests, and carries their error codes', async () => {
    const seen: unknown[] = []
    const rec = (name: string, reply: unknown) =>
      (async (r?: unknown) => {
        seen.push(r === undefined ? [name] : [name, r])
        return reply
      }) as never
    const api = new PluginsApi(
      pluginsBinding({
        List: rec('list', [rain, { nope: 1 }]),
        Enable: rec('enable', { id: 'hud', state: 'running', enabled: true }),
        Disable: (async () => {
          throw new Error('{"error":"\\"x\\": no such plugin","code":"not_found"}')
        }) as never,
        Reload: rec('reload', rain),
        Settings: rec('settings', { size: 48 }),
        PutSettings: (async (r: unknown) => {
          seen.push(['put', r])
          throw new Error('{"error":"invalid settings: size: must be a number","code":"unprocessable"}')
        }) as never,
        Logs: rec('logs', [{ ts: 2, level: 'info', message: 'started' }]),
      }),
    )
    expect((await api.list()).map((p) => p.id)).toEqual(['emoji-rain'])
    expect((await api.enable('hud')).state).toBe('running')
    await expect(api.disable('x')).rejects.toMatchObject({ code: 'not_found', status: 404 })
    expect((await api.reload('emoji-rain')).overlays).toHaveLength(1)
    expect(await api.settings('emoji-rain')).toEqual({ size: 48 })
    const schema = normalizePlugin(rain)!.settings
    await expect(api.saveSettings('emoji-rain', schema, { size: 'x', stray: 1 })).rejects.toMatchObject({ code: 'unprocessable', status: 422 })
    expect(await api.logs('hud')).toEqual([{ ts: 2, level: 'info', message: 'started' }])
    expect(seen).toEqual([
      ['list'],
      ['enable', { id: 'hud' }],
      ['reload', { id: 'emoji-rain' }],
      ['settings', { id: 'emoji-rain' }],
      ['put', { id: 'emoji-rain', settings: { size: 'x' } }],
      ['logs', { id: 'hud' }],
    ])
  })
})

describe('plugin helpers', () => {
  it('normalizes the retained plugins message', () => {
    expect(pluginsFromState({ not: 'a list' })).toBeNull()
    expect(pluginsFromState([rain])?.[0]).toMatchObject({ id: 'emoji-rain', state: 'running', error: '', page: '' })
  })

  it('builds asset URLs and settings payloads', () => {
    expect(pluginAssetUrl('http://h', 'emoji-rain', '/overlay.html')).toBe('http://h/plugins/emoji-rain/overlay.html')
    expect(pluginAssetUrl('http://h', 'x', 'a b/c.html')).toBe('http://h/plugins/x/a%20b/c.html')
    expect(pluginAssetUrl('http://h', 'vdoninja', 'overlay.html?view=scene')).toBe('http://h/plugins/vdoninja/overlay.html?view=scene')
    const schema = [
      { name: 'title', label: 'Title', kind: 'text' },
      { name: 'need', label: 'Need', kind: 'text', required: true },
      { name: 'n', label: 'N', kind: 'number' },
    ]
    expect(settingsPayload(schema, { title: '', need: '', n: undefined, extra: 1 })).toEqual({ need: '' })
    expect(settingsPayload(schema, { title: 'a', n: 0 })).toEqual({ title: 'a', n: 0 })
    expect(settingsDiffer({ a: [1], b: 2 }, { b: 2, a: [1] })).toBe(false)
    expect(settingsDiffer({ a: 1 }, { a: 1, b: 2 })).toBe(true)
  })
})

describe('plugin texts in other languages', () => {
  const raw = {
    id: 'rain', name: 'Emoji rain', description: 'Emojis rain down', enabled: true,
    overlays: [{ path: 'overlay.html', name: 'Emoji rain' }],
    settings: [{ name: 'size', label: 'Size', kind: 'number', help: '16 to 160' }, { name: 'mode', label: 'Mode', kind: 'select', options: [{ value: 'a', label: 'All' }, { value: 'b', label: 'Some' }] }],
    i18n: { de: { description: 'Emojis regnen herab', settings: { size: { label: 'Größe' }, mode: { options: { a: 'Alle' } } }, overlays: { 'overlay.html': 'Emoji-Regen' } }, fr: 'broken' },
  }

  it('uses the German texts where the manifest has them and English for the rest', () => {
    const p = normalizePlugin(raw)!
    expect(Object.keys(p.i18n)).toEqual(['de'])
    const de = localizePlugin(p, 'de')
    expect(de.description).toBe('Emojis regnen herab')
    expect(de.name).toBe('Emoji rain')
    expect(de.overlays[0]!.name).toBe('Emoji-Regen')
    expect(de.settings.map((f) => [f.label, f.help])).toEqual([['Größe', '16 to 160'], ['Mode', undefined]])
    expect(de.settings[1]!.options).toEqual([{ value: 'a', label: 'Alle' }, { value: 'b', label: 'Some' }])
    expect(localizePlugin(p, 'en')).toBe(p)
    expect(localizePlugin(p, 'fr')).toBe(p)
  })
})
