// App-level settings (GET|PUT /api/settings/app) and the API token's
// rotation (POST /api/settings/token/rotate), plus the helpers the Settings
// page needs: theme resolution, port parsing, the dashboard URL after the
// listener moved.

import type { ApiClient } from './client'
import type { SettingsService } from './services'
import { m } from '../i18n'

export type Theme = 'dark' | 'light' | 'system'
export type LogLevel = 'debug' | 'info' | 'warn' | 'error'

export const THEMES: readonly Theme[] = ['dark', 'light', 'system']
export const LOG_LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error']
export const DEFAULT_PORT = 3000

/** The settings document (backend/appconfig.Config). */
export interface AppSettings {
  theme: Theme
  port: number
  allowLan: boolean
  startMinimized: boolean
  autostart: boolean
  logLevel: LogLevel
  /** "" follows the system language, else a catalogue's code ("en", "de"). */
  language: string
}

/** What the page shows next to the settings (backend/core.AppSettingsStatus). */
export interface AppSettingsStatus {
  listenUrl: string
  lanAddresses: string[]
  logLevel: string
  autostartActive: boolean
  autostartError: string
  dataDir: string
  logsDir: string
  headless: boolean
  notice: string
}

export interface AppSettingsView {
  settings: AppSettings
  status: AppSettingsStatus
}

const str = (v: unknown) => (typeof v === 'string' ? v : '')
const oneOf = <T extends string>(v: unknown, list: readonly T[], d: T): T => (list.includes(v as T) ? (v as T) : d)

export function normalizeAppSettings(v: unknown): AppSettingsView {
  const o = (v && typeof v === 'object' ? v : {}) as { settings?: Record<string, unknown>; status?: Record<string, unknown> }
  const s = o.settings ?? {}
  const st = o.status ?? {}
  const port = typeof s.port === 'number' && Number.isInteger(s.port) ? s.port : DEFAULT_PORT
  return {
    settings: {
      theme: oneOf(s.theme, THEMES, 'dark'),
      port,
      allowLan: s.allowLan === true,
      startMinimized: s.startMinimized === true,
      autostart: s.autostart === true,
      logLevel: oneOf(s.logLevel, LOG_LEVELS, 'info'),
      language: str(s.language),
    },
    status: {
      listenUrl: str(st.listenUrl),
      lanAddresses: Array.isArray(st.lanAddresses) ? st.lanAddresses.filter((a): a is string => typeof a === 'string') : [],
      logLevel: str(st.logLevel),
      autostartActive: st.autostartActive === true,
      autostartError: str(st.autostartError),
      dataDir: str(st.dataDir),
      logsDir: str(st.logsDir),
      headless: st.headless === true,
      notice: str(st.notice),
    },
  }
}

/** The theme actually drawn: `system` follows the OS (prefers-color-scheme). */
export function resolveTheme(theme: Theme, systemPrefersDark: boolean): 'dark' | 'light' {
  if (theme === 'system') return systemPrefersDark ? 'dark' : 'light'
  return theme
}

/** A listener port the user typed, or why not (the page words it). */
export function parseListenPort(text: string): { port: number } | { error: 'notANumber' | 'range' } {
  const t = text.trim()
  if (!/^\d+$/.test(t)) return { error: 'notANumber' }
  const port = Number(t)
  if (port < 1 || port > 65535) return { error: 'range' }
  return { port }
}

/**
 * Where a browser dashboard continues after the listener moved: the new
 * origin's dashboard, carrying the token in the hash (the page moves it out
 * of the address bar) and keeping the current page.
 */
export function movedDashboardUrl(listenUrl: string, token: string, hash: string): string {
  const route = hash.replace(/^#/, '').split('?')[0]
  const params = new URLSearchParams()
  if (token) params.set('token', token)
  const q = params.toString()
  const h = route ? `${route}${q ? `?${q}` : ''}` : q
  return `${listenUrl.replace(/\/+$/, '')}/dashboard/${h ? `#${h}` : ''}`
}

/** Client of the app settings (bindings on desktop, REST in a browser). */
export class SettingsApi {
  private readonly svc: SettingsService

  constructor(svc: SettingsService) {
    this.svc = svc
  }

  async get(): Promise<AppSettingsView> {
    return normalizeAppSettings(await this.svc.get())
  }

  /** Saves the whole document; a busy port is refused with 409 and nothing changes. */
  async put(settings: AppSettings): Promise<AppSettingsView> {
    return normalizeAppSettings(await this.svc.put(settings))
  }

  /** Replaces the API token; the old one stops working at once. */
  async rotateToken(): Promise<string> {
    const v = await this.svc.rotateToken()
    const tok = str((v as { token?: unknown } | null)?.token)
    if (!tok) throw new Error(m.api_unexpected_reply({ path: '/api/settings/token/rotate' }))
    return tok
  }

  /** The API token (to copy into a tool; the desktop window holds none of its own). */
  async token(): Promise<string> {
    const v = await this.svc.token()
    const tok = str((v as { token?: unknown } | null)?.token)
    if (!tok) throw new Error(m.api_unexpected_reply({ path: '/api/settings/token' }))
    return tok
  }
}

/** The app settings client of a dashboard client (same transport). */
export function settingsApi(api: ApiClient): SettingsApi {
  return new SettingsApi(api.services.settings)
}
