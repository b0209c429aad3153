// OBS bridge REST API (backend/obs): connection settings (password masked),
// status and mirrored state, scene switching, source/filter commands, the
// program preview and "Add to OBS".

import type { Connection } from './bootstrap'
import type { ApiClient } from './client'
import { request, type Fetcher, type RequestOptions } from './http'
import { m } from '../i18n'

/** What GET /api/obs/settings answers as the password when one is set. */
export const OBS_PASSWORD_MASK = '********'

export interface ObsSettings {
  host: string
  port: number
  /** OBS_PASSWORD_MASK when set (the real password is never sent back). */
  password: string
  passwordSet: boolean
  enabled: boolean
}

export interface ObsSettingsPatch {
  host?: string
  port?: number
  password?: string
  enabled?: boolean
}

export interface ObsFilter {
  name: string
  kind?: string
  enabled: boolean
}

export interface ObsSource {
  name: string
  itemId: number
  kind?: string
  visible: boolean
  filters: ObsFilter[]
}

export interface ObsScene {
  name: string
  sources: ObsSource[]
}

export interface ObsState {
  connected: boolean
  reason?: string
  currentScene: string
  scenes: ObsScene[]
  streaming: boolean
  recording: boolean
  updatedAt: number
}

export interface ObsStatus {
  connected: boolean
  state: 'disabled' | 'connecting' | 'connected' | 'error' | string
  reason?: string
  addr: string
  obsVersion?: string
  attempts?: number
  nextRetry?: number
}

/** An OBS command (backend obs.Command). */
export interface ObsCommand {
  op: string
  scene?: string
  source?: string
  filter?: string
  text?: string
  on?: boolean
  number?: number
  seconds?: number
}

/** Checks the connection form; returns an error message or ''. */
export function validateObsSettings(p: ObsSettingsPatch): string {
  if (p.host !== undefined && (!p.host.trim() || /[\s/:?#]/.test(p.host.trim()))) return m.obs_err_host()
  if (p.port !== undefined && (!Number.isInteger(p.port) || p.port < 1 || p.port > 65535)) return m.obs_err_port()
  return ''
}

/** The patch for a form: an unchanged (masked or empty) password is left out. */
export function obsSettingsPatch(form: { host: string; port: number; password: string; enabled: boolean }): ObsSettingsPatch {
  const p: ObsSettingsPatch = { host: form.host.trim(), port: Number(form.port), enabled: form.enabled }
  if (form.password !== '' && form.password !== OBS_PASSWORD_MASK) p.password = form.password
  return p
}

function normalizeState(s: Partial<ObsState> | null | undefined): ObsState {
  return {
    connected: !!s?.connected,
    reason: s?.reason,
    currentScene: s?.currentScene ?? '',
    scenes: Array.isArray(s?.scenes)
      ? s.scenes.map((sc) => ({
          name: sc.name,
          sources: (sc.sources ?? []).map((src) => ({ ...src, filters: src.filters ?? [] })),
        }))
      : [],
    streaming: !!s?.streaming,
    recording: !!s?.recording,
    updatedAt: s?.updatedAt ?? 0,
  }
}

/** REST client of the OBS bridge. */
export class ObsApi {
  private readonly conn: Connection
  private readonly fetcher: Fetcher

  constructor(conn: Connection, fetcher: Fetcher = (...a) => fetch(...a)) {
    this.conn = conn
    this.fetcher = fetcher
  }

  private req<T>(method: string, path: string, opts?: RequestOptions): Promise<T> {
    return request<T>(this.conn, method, path, opts, this.fetcher)
  }

  settings(signal?: AbortSignal): Promise<ObsSettings> {
    return this.req<ObsSettings>('GET', '/api/obs/settings', { signal })
  }

  saveSettings(patch: ObsSettingsPatch): Promise<ObsSettings> {
    return this.req<ObsSettings>('PUT', '/api/obs/settings', { json: patch })
  }

  status(signal?: AbortSignal): Promise<ObsStatus> {
    return this.req<ObsStatus>('GET', '/api/obs/status', { signal })
  }

  async state(signal?: AbortSignal): Promise<ObsState> {
    return normalizeState(await this.req<Partial<ObsState>>('GET', '/api/obs/state', { signal }))
  }

  /** Switches the program scene. */
  async setScene(name: string): Promise<ObsState> {
    const r = await this.req<{ state?: Partial<ObsState> }>('POST', '/api/obs/scene', { json: { name } })
    return normalizeState(r?.state)
  }

  async command(cmd: ObsCommand): Promise<ObsState> {
    const r = await this.req<{ state?: Partial<ObsState> }>('POST', '/api/obs/command', { json: cmd })
    return normalizeState(r?.state)
  }

  setSourceVisible(scene: string, source: string, visible: boolean): Promise<ObsState> {
    return this.command({ op: 'setSourceVisible', scene, source, on: visible })
  }

  setFilterEnabled(source: string, filter: string, enabled: boolean): Promise<ObsState> {
    return this.command({ op: 'setFilterEnabled', source, filter, on: enabled })
  }

  /** A small JPEG of the program scene. */
  screenshot(signal?: AbortSignal): Promise<Blob> {
    return this.req<Blob>('GET', '/api/obs/screenshot', { signal, expect: 'blob' })
  }

  /** Creates LTTH's overlay browser sources in scene. */
  addOverlays(scene: string): Promise<{ scene: string; sources: { name: string; url: string }[] | null }> {
    return this.req('POST', '/api/obs/overlays', { json: { scene } })
  }
}

export function obsApi(api: ApiClient): ObsApi {
  return new ObsApi(api.conn)
}
