// Plugin host service (backend/plugin/svc.go): the desktop binds
// PluginsService, the browser dashboard reaches the same methods over REST.
// Replies are passed on as the backend sends them; PluginsApi (../plugins)
// checks and normalizes them.

import { bound, type Call, type RestCall } from './base'

export interface PluginsService {
  /** Every plugin (the backend's PluginInfo list). */
  list(): Promise<unknown>
  enable(id: string): Promise<unknown>
  disable(id: string): Promise<unknown>
  reload(id: string): Promise<unknown>
  /** The plugin's settings object, defaults filled in. */
  settings(id: string): Promise<unknown>
  /** Replaces the settings (checked against the plugin's schema); resolves them normalized. */
  putSettings(id: string, settings: Record<string, unknown>): Promise<unknown>
  logs(id: string): Promise<unknown>
}

/** The Go adapter's methods as the Wails bridge exposes them. */
export interface PluginsBound {
  List: Call
  Enable: Call
  Disable: Call
  Reload: Call
  Settings: Call
  PutSettings: Call
  Logs: Call
}

type ById = (r: { id: string }) => Promise<unknown>

export function pluginsBinding(b: PluginsBound): PluginsService {
  const byId = (f: Call) => (id: string) => bound<unknown>(() => (f as ById)({ id }))
  const put = b.PutSettings as (r: { id: string; settings: Record<string, unknown> }) => Promise<unknown>
  return {
    list: () => bound(() => b.List()),
    enable: byId(b.Enable),
    disable: byId(b.Disable),
    reload: byId(b.Reload),
    settings: byId(b.Settings),
    putSettings: (id, settings) => bound(() => put({ id, settings })),
    logs: byId(b.Logs),
  }
}

const path = (id: string, what: string) => `/api/plugins/${encodeURIComponent(id)}/${what}`

export function pluginsRest(call: RestCall): PluginsService {
  return {
    list: () => call('GET', '/api/plugins'),
    enable: (id) => call('POST', path(id, 'enable')),
    disable: (id) => call('POST', path(id, 'disable')),
    reload: (id) => call('POST', path(id, 'reload')),
    settings: (id) => call('GET', path(id, 'settings')),
    putSettings: (id, settings) => call('PUT', path(id, 'settings'), settings),
    logs: (id) => call('GET', path(id, 'logs')),
  }
}
