// One bindings test per service of the settings slice: the typed request
// reaches the bound Go method, and a rejected call ({"error","code"} as
// text) becomes a ServiceError with that code. The REST side is covered by
// settings.test.ts, extapi.test.ts, profiletrust.test.ts, api.test.ts and
// the update test below.

import { describe, expect, it } from 'vitest'
import { ApiClient } from '../client'
import { bindingServices } from '../services'
import { updateApi } from '../update'

type Calls = unknown[][]

/** A bound service whose methods record [method, ...args] and answer reply(method). */
function boundService(name: string, methods: string[], calls: Calls, reply: (m: string, args: unknown[]) => unknown) {
  const svc: Record<string, (...a: unknown[]) => Promise<unknown>> = {}
  for (const m of methods) {
    svc[m] = async (...args: unknown[]) => {
      calls.push([`${name}.${m}`, ...args])
      return reply(m, args)
    }
  }
  return svc
}

const refuse = (code: string) => () => {
  throw new Error(JSON.stringify({ error: `refused: ${code}`, code }))
}

function services(calls: Calls, reply: (m: string, args: unknown[]) => unknown) {
  const s = (name: string, methods: string[]) => boundService(name, methods, calls, reply)
  return bindingServices({
    TestEventsService: s('TestEvents', ['Simulate']),
    ConnectionService: s('Connection', ['Status', 'Connect', 'Disconnect', 'Settings', 'UpdateSettings', 'Record', 'StartReplay', 'StopReplay', 'ConfirmBrowserPath', 'Captures']),
    LeaderboardsService: s('Leaderboards', ['Top', 'Reset']),
    ProfilesService: s('Profiles', [
      'List', 'Switch', 'Create', 'Rename', 'Duplicate', 'Delete', 'ChooseImport', 'Import', 'Export',
      'RecentEvents', 'Review', 'ApplyReview', 'Backups', 'Restore',
    ]),
    SettingsService: s('Settings', ['Get', 'Put', 'RotateToken', 'Token']),
    UpdatesService: s('Updates', ['Settings', 'SaveSettings', 'Status', 'Check', 'Download', 'Install']),
    CrashReportsService: s('CrashReports', ['List', 'Read', 'MarkSeen']),
    APITokensService: s('APITokens', ['List', 'Create', 'Revoke']),
    TikFinityService: s('TikFinity', ['Status', 'Apply']),
    // other slices' services (not exercised here)
    HealthService: s('Health', []),
    FieldOptionsService: s('FieldOptions', []),
    HistoryService: s('History', ['Streams', 'Stream', 'Compare', 'Export', 'Events', 'Viewers', 'Viewer', 'SetNotes', 'AddPoints', 'Rules', 'SetRules']),
    AlertsService: s('Alerts', []),
    GoalsService: s('Goals', []),
    OverlayPresetsService: s('OverlayPresets', []),
    FlowsService: s('Flows', []),
    PluginsService: s('Plugins', []),
    ExternalPluginsService: s('ExternalPlugins', []),
    OBSService: s('OBS', []),
    OSCService: s('OSC', []),
  } as never)!
}

describe('settings slice bindings', () => {
  it('settings: typed requests reach the bound methods; refusals keep their code', async () => {
    const calls: Calls = []
    const svc = services(calls, (m) => (m === 'RotateToken' ? { token: 'new' } : m === 'Put' ? refuse('conflict')() : { settings: {}, status: {} }))
    expect(await svc.settings.get()).toEqual({ settings: {}, status: {} })
    expect(await svc.settings.rotateToken()).toEqual({ token: 'new' })
    await expect(svc.settings.put({ theme: 'light', port: 3001 })).rejects.toMatchObject({ name: 'ServiceError', code: 'conflict', status: 409 })
    expect(calls).toEqual([['Settings.Get'], ['Settings.RotateToken'], ['Settings.Put', { theme: 'light', port: 3001 }]])
  })

  it('profiles: files move through the native dialogs, everything else as typed requests', async () => {
    const calls: Calls = []
    const svc = services(calls, (m, args) => {
      if (m === 'ChooseImport') return { choice: 'c1', file: 'show.db' }
      if (m === 'Export') return { path: '/home/s/show.db', file: 'ltth-show-1.db' }
      if (m === 'Restore') return refuse('invalid')()
      if (m === 'Review' || m === 'ApplyReview') return [{ id: 1, kind: 'setting', key: 'k' }]
      return (args[0] as { name?: string })?.name === 'nobody' ? refuse('not_found')() : { ok: true }
    })
    await svc.profiles.create('a')
    await svc.profiles.rename('a', 'b')
    await svc.profiles.duplicate('b', 'c')
    await svc.profiles.delete('c')
    await expect(svc.profiles.delete('nobody')).rejects.toMatchObject({ code: 'not_found', status: 404 })
    const pick = await svc.profiles.chooseImport!()
    expect(pick).toEqual({ choice: 'c1', file: 'show.db' })
    await svc.profiles.import('show', pick!)
    await expect(svc.profiles.import('show', new Blob(['x']))).rejects.toMatchObject({ code: 'invalid' })
    expect(await svc.profiles.export('show', true)).toEqual({ saved: '/home/s/show.db' })
    await svc.profiles.recentEvents(50)
    await svc.profiles.applyReview('show', [1], [])
    await expect(svc.profiles.restore('show', '../x')).rejects.toMatchObject({ code: 'invalid', status: 400 })
    expect(calls).toEqual([
      ['Profiles.Create', { name: 'a' }],
      ['Profiles.Rename', { name: 'a', newName: 'b' }],
      ['Profiles.Duplicate', { name: 'b', newName: 'c' }],
      ['Profiles.Delete', { name: 'c' }],
      ['Profiles.Delete', { name: 'nobody' }],
      ['Profiles.ChooseImport'],
      ['Profiles.Import', { name: 'show', choice: 'c1' }],
      ['Profiles.Export', { name: 'show', includeSecrets: true }],
      ['Profiles.RecentEvents', { limit: 50 }],
      ['Profiles.ApplyReview', { name: 'show', accept: [1], reject: [] }],
      ['Profiles.Restore', { name: 'show', backup: '../x' }],
    ])
  })

  it('updates and crash reports', async () => {
    const calls: Calls = []
    const svc = services(calls, (m) => (m === 'Download' ? refuse('conflict')() : m === 'Read' ? 'panic: boom' : m === 'List' ? null : { state: 'idle' }))
    await svc.updates.saveSettings({ enabled: false, feedUrl: '' })
    await expect(svc.updates.download()).rejects.toMatchObject({ code: 'conflict', status: 409 })
    expect(await svc.crashReports.list()).toEqual([])
    expect(await svc.crashReports.read('r1')).toBe('panic: boom')
    await svc.crashReports.markSeen('')
    expect(calls).toEqual([
      ['Updates.SaveSettings', { enabled: false, feedUrl: '' }],
      ['Updates.Download'],
      ['CrashReports.List'],
      ['CrashReports.Read', { id: 'r1' }],
      ['CrashReports.MarkSeen', { id: '' }],
    ])
  })

  it('API tokens and the TikFinity bridge', async () => {
    const calls: Calls = []
    const svc = services(calls, (m) => (m === 'Revoke' ? refuse('not_found')() : m === 'Apply' ? refuse('invalid')() : {}))
    await svc.apiTokens.create('bot', 'read')
    await expect(svc.apiTokens.revoke('t9')).rejects.toMatchObject({ code: 'not_found' })
    await expect(svc.tikFinity.apply(true, 0)).rejects.toMatchObject({ code: 'invalid', status: 400 })
    expect(calls).toEqual([
      ['APITokens.Create', { name: 'bot', scope: 'read' }],
      ['APITokens.Revoke', { id: 't9' }],
      ['TikFinity.Apply', { enabled: true, port: 0 }],
    ])
  })
})

describe('update api over REST', () => {
  it('calls the documented routes', async () => {
    const seen: string[] = []
    const api = new ApiClient({ mode: 'browser', baseUrl: 'http://h', token: 't', version: '', headless: true }, async (url, init) => {
      seen.push(`${init?.method ?? 'GET'} ${String(url).replace('http://h', '')}`)
      if (String(url).endsWith('/r1')) return new Response('panic: boom', { headers: { 'Content-Type': 'text/plain' } })
      return new Response(String(url).endsWith('/seen') ? null : '{"state":"idle"}', { status: String(url).endsWith('/seen') ? 204 : 200 })
    })
    const u = updateApi(api)
    await u.status()
    await u.check()
    await u.download()
    expect(await u.crashReport('r1')).toBe('panic: boom')
    await u.markCrashSeen('r1')
    expect(seen).toEqual([
      'GET /api/update/status',
      'POST /api/update/check',
      'POST /api/update/download',
      'GET /api/crash-reports/r1',
      'POST /api/crash-reports/r1/seen',
    ])
  })
})
