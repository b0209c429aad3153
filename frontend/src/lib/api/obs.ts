// OBS bridge client (backend/obs): connection settings (password masked),
// status and mirrored state, scene switching, source/filter commands, the
// program preview and "Add to OBS" — through the OBS service
// (services/obs.ts: bindings in the desktop, REST in a browser).

import type { ApiClient } from './client'
import type { ObsBrowserSource, ObsService, ObsSourcesResult } from './services/obs'
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
  /** Names a known reason (password, refused, timeout, lost, closed, off). */
  code?: string
  addr: string
  obsVersion?: string
  attempts?: number
  nextRetry?: number
}

/** The OBS bridge's known reasons by code (backend obs.Status.Code). */
const OBS_REASONS: Record<string, (addr: string) => string> = {
  password: () => m.obs_why_password(),
  refused: (addr) => m.obs_why_refused({ addr }),
  timeout: (addr) => m.obs_why_timeout({ addr }),
  lost: () => m.obs_why_lost(),
  closed: () => m.obs_why_closed(),
  off: () => m.obs_why_off(),
}

/**
 * The OBS bridge's reason in the dashboard's language: a known reason
 * (its code) gets the catalogue's words, any other text (an OBS error of
 * its own) is shown as the bridge wrote it.
 */
export function obsReasonText(st: Pick<ObsStatus, 'reason' | 'code' | 'addr'>): string {
  const known = st.code ? OBS_REASONS[st.code] : undefined
  return known ? known(st.addr) : (st.reason ?? '')
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

/** The OBS bridge's client, over the OBS service (bindings or REST). */
export class ObsApi {
  private readonly svc: ObsService

  constructor(svc: ObsService) {
    this.svc = svc
  }

  settings(): Promise<ObsSettings> {
    return this.svc.settings()
  }

  saveSettings(patch: ObsSettingsPatch): Promise<ObsSettings> {
    return this.svc.saveSettings(patch)
  }

  status(): Promise<ObsStatus> {
    return this.svc.status()
  }

  async state(): Promise<ObsState> {
    return normalizeState(await this.svc.state())
  }

  /** Switches the program scene. */
  async setScene(name: string): Promise<ObsState> {
    return normalizeState((await this.svc.setScene(name))?.state)
  }

  async command(cmd: ObsCommand): Promise<ObsState> {
    return normalizeState((await this.svc.command(cmd))?.state)
  }

  setSourceVisible(scene: string, source: string, visible: boolean): Promise<ObsState> {
    return this.command({ op: 'setSourceVisible', scene, source, on: visible })
  }

  setFilterEnabled(source: string, filter: string, enabled: boolean): Promise<ObsState> {
    return this.command({ op: 'setFilterEnabled', source, filter, on: enabled })
  }

  /** A small JPEG of the program scene. */
  screenshot(): Promise<Blob> {
    return this.svc.screenshot()
  }

  /** Creates LTTH's overlay browser sources in scene. */
  addOverlays(scene: string): Promise<{ scene: string; sources: { name: string; url: string }[] | null }> {
    return this.svc.addOverlays(scene)
  }

  /** Creates or updates browser sources ("Add to OBS") in scene, OBS's current one when empty. */
  browserSources(sources: ObsBrowserSource[], scene = ''): Promise<ObsSourcesResult> {
    return this.svc.browserSources(sources, scene)
  }
}

export function obsApi(api: ApiClient): ObsApi {
  return new ObsApi(api.services.obs)
}
