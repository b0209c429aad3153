// OBS service (backend/obs/svc.go): the desktop binds OBSService, the
// browser dashboard reaches the same methods over REST. The screenshot is a
// Blob on both: REST answers the JPEG as the body, the binding as
// {contentType, data (base64)}.

import type { ObsCommand, ObsSettings, ObsSettingsPatch, ObsState, ObsStatus } from '../obs'
import { bound, type Call, type RestCall, type RestFiles } from './base'

export interface ObsOption {
  value: string
  label: string
}

/** A choice list of the flow editor: scenes, sources (of scene), inputs or filters (of source). */
export interface ObsOptionsRequest {
  kind: string
  scene?: string
  source?: string
}

export interface ObsCommandResult {
  ok: boolean
  state: Partial<ObsState> | null
}

/** One browser source "Add to OBS" creates or updates. */
export interface ObsBrowserSource {
  name: string
  url: string
  width: number
  height: number
  anchor?: string
}

export interface ObsSourcesResult {
  scene: string
  sources: ObsBrowserSource[] | null
}

export interface ObsService {
  settings(): Promise<ObsSettings>
  saveSettings(patch: ObsSettingsPatch): Promise<ObsSettings>
  status(): Promise<ObsStatus>
  state(): Promise<Partial<ObsState> | null>
  options(req: ObsOptionsRequest): Promise<ObsOption[] | null>
  setScene(name: string): Promise<ObsCommandResult | null>
  command(cmd: ObsCommand): Promise<ObsCommandResult | null>
  screenshot(): Promise<Blob>
  addOverlays(scene: string): Promise<ObsSourcesResult>
  browserSources(sources: ObsBrowserSource[], scene?: string): Promise<ObsSourcesResult>
}

/** The Go adapter's methods as the Wails bridge exposes them. */
export interface ObsBound {
  Settings: Call
  SaveSettings: Call
  Status: Call
  State: Call
  Options: Call
  SetScene: Call
  Command: Call
  Screenshot: Call
  AddOverlays: Call
  BrowserSources: Call
}

/** The bound screenshot ({contentType, data in base64}) as a Blob. */
export function screenshotBlob(s: { contentType?: string; data?: string } | null): Blob {
  const bin = atob(s?.data ?? '')
  const bytes = new Uint8Array(bin.length)
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i)
  return new Blob([bytes], { type: s?.contentType || 'image/jpeg' })
}

export function obsBinding(b: ObsBound): ObsService {
  const one = <T>(f: Call) => (req: unknown) => bound<T>(() => (f as (r: unknown) => Promise<unknown>)(req))
  const none = <T>(f: Call) => () => bound<T>(() => (f as () => Promise<unknown>)())
  return {
    settings: none(b.Settings),
    saveSettings: one(b.SaveSettings),
    status: none(b.Status),
    state: none(b.State),
    options: (req) => one<ObsOption[] | null>(b.Options)({ scene: '', source: '', ...req }),
    setScene: (name) => one<ObsCommandResult | null>(b.SetScene)({ name }),
    command: one(b.Command),
    screenshot: async () => screenshotBlob(await none<{ contentType?: string; data?: string } | null>(b.Screenshot)()),
    addOverlays: (scene) => one<ObsSourcesResult>(b.AddOverlays)({ scene }),
    browserSources: (sources, scene = '') => one<ObsSourcesResult>(b.BrowserSources)({ scene, sources }),
  }
}

export function obsRest(call: RestCall, files: RestFiles): ObsService {
  return {
    settings: () => call('GET', '/api/obs/settings'),
    saveSettings: (patch) => call('PUT', '/api/obs/settings', patch),
    status: () => call('GET', '/api/obs/status'),
    state: () => call('GET', '/api/obs/state'),
    options: (req) => {
      const q = new URLSearchParams({ kind: req.kind })
      if (req.scene) q.set('scene', req.scene)
      if (req.source) q.set('source', req.source)
      return call('GET', `/api/obs/options?${q.toString()}`)
    },
    setScene: (name) => call('POST', '/api/obs/scene', { name }),
    command: (cmd) => call('POST', '/api/obs/command', cmd),
    screenshot: async () => (await files.download('/api/obs/screenshot')).blob,
    addOverlays: (scene) => call('POST', '/api/obs/overlays', { scene }),
    browserSources: (sources, scene = '') => call('POST', '/api/obs/browser-sources', scene ? { scene, sources } : { sources }),
  }
}
