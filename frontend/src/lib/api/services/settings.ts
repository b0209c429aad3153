// Settings service (backend/core/service/settings.go): the app settings
// and the API token. The desktop binds SettingsService, the browser
// dashboard reaches the same methods over REST. Replies are raw: SettingsApi
// (../settings.ts) normalizes them.

import { bound, type Call, type RestCall } from './base'

export interface SettingsService {
  /** {settings, status} (backend/core/service.AppSettingsView). */
  get(): Promise<unknown>
  /** Saves the whole document; answers {settings, status}. */
  put(settings: object): Promise<unknown>
  /** {token}: the new API token. */
  rotateToken(): Promise<unknown>
  /** {token}: the API token (the desktop window holds none of its own). */
  token(): Promise<unknown>
}

/** The Go adapter's methods as the Wails bridge exposes them. */
export interface SettingsBound {
  Get: Call
  Put: Call
  RotateToken: Call
  Token: Call
}

export function settingsBinding(b: SettingsBound): SettingsService {
  return {
    get: () => bound(() => b.Get()),
    put: (s) => bound(() => (b.Put as (s: object) => Promise<unknown>)(s)),
    rotateToken: () => bound(() => b.RotateToken()),
    token: () => bound(() => b.Token()),
  }
}

export function settingsRest(call: RestCall): SettingsService {
  return {
    get: () => call('GET', '/api/settings/app'),
    put: (s) => call('PUT', '/api/settings/app', s),
    rotateToken: () => call('POST', '/api/settings/token/rotate', {}),
    token: () => call('GET', '/api/settings/token'),
  }
}
