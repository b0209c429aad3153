// Overlay presets service (backend/overlay/presetsvc.go): the desktop binds
// OverlayPresetsService, the browser dashboard reaches the same methods over
// REST. The overlay pages read presets themselves (/overlay/presets/…).

import type { OverlayPreset } from '../overlays'
import { bound, type Call, type RestCall } from './base'

export interface OverlayPresetsService {
  list(): Promise<OverlayPreset[] | null>
  /** Creates or replaces p.name; resolves it as stored (params cleaned, CSS sanitised). */
  put(p: OverlayPreset): Promise<OverlayPreset>
  remove(name: string): Promise<void>
}

/** The Go adapter's methods as the Wails bridge exposes them. */
export interface OverlayPresetsBound {
  List: Call
  Put: Call
  Delete: Call
}

type PutRequest = Pick<OverlayPreset, 'name' | 'overlay' | 'params' | 'css'>

/** The bindings implementation; methods are looked up on b at call time. */
export function overlayPresetsBinding(b: OverlayPresetsBound): OverlayPresetsService {
  return {
    list: () => bound(() => b.List()),
    put: (p) => bound(() => (b.Put as (r: PutRequest) => Promise<unknown>)({ name: p.name, overlay: p.overlay, params: p.params, css: p.css })),
    remove: async (name) => {
      await bound(() => (b.Delete as (r: { name: string }) => Promise<unknown>)({ name }))
    },
  }
}

const enc = encodeURIComponent

export function overlayPresetsRest(call: RestCall): OverlayPresetsService {
  return {
    list: () => call('GET', '/api/overlay-presets'),
    put: (p) => call('PUT', `/api/overlay-presets/${enc(p.name)}`, { overlay: p.overlay, params: p.params, css: p.css }),
    remove: async (name) => {
      await call('DELETE', `/api/overlay-presets/${enc(name)}`)
    },
  }
}
