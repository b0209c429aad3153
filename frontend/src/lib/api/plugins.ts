// Plugin host API (backend/plugin, through its service: bindings on the
// desktop, REST in a browser): the plugin list, enable/disable/reload,
// settings (validated by the backend against the plugin's schema) and
// recent logs, plus the helpers the Plugins page shares with its tests.

import type { ApiClient } from './client'
import type { FlowFieldSpec } from './flows'
import type { PluginsService } from './services/plugins'
import { m } from '../i18n'

export type PluginState = 'running' | 'stopped' | 'error'

/** An overlay page a plugin serves under /plugins/<id>/. */
export interface PluginOverlay {
  path: string
  name: string
  width: number
  height: number
}

/** A plugin as GET /api/plugins (and the retained `plugins` message) describe it. */
export interface PluginInfo {
  id: string
  name: string
  version: string
  description: string
  author: string
  permissions: string[]
  enabled: boolean
  state: PluginState
  error: string
  overlays: PluginOverlay[]
  /** Settings schema (the same field specs as flow blocks). */
  settings: FlowFieldSpec[]
  /** A dashboard page the plugin ships under /plugins/<id>/ (relative path). */
  page: string
  routes: string[]
  /** The manifest's texts in other languages (plugin.json "i18n"); see localizePlugin. */
  i18n: Record<string, PluginTexts>
}

/** A plugin's shown texts in one language (backend plugin.Texts); anything missing stays English. */
export interface PluginTexts {
  name?: string
  description?: string
  settings?: Record<string, { label?: string; help?: string; options?: Record<string, string> }>
  overlays?: Record<string, string>
}

/** One line of a plugin's recent log. */
export interface PluginLogLine {
  ts: number
  level: string
  message: string
}

export type PluginSettings = Record<string, unknown>

const STATES: readonly string[] = ['running', 'stopped', 'error']

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []
}

function normalizeOverlay(v: unknown): PluginOverlay | null {
  const o = v as Partial<PluginOverlay> | null
  if (!o || typeof o.path !== 'string' || !o.path) return null
  const size = (n: unknown, d: number) => (typeof n === 'number' && n > 0 ? n : d)
  return { path: o.path, name: typeof o.name === 'string' && o.name ? o.name : o.path, width: size(o.width, 1920), height: size(o.height, 1080) }
}

function normalizeField(v: unknown): FlowFieldSpec | null {
  const f = v as Partial<FlowFieldSpec> | null
  if (!f || typeof f.name !== 'string' || !f.name) return null
  return { ...f, name: f.name, label: typeof f.label === 'string' && f.label ? f.label : f.name, kind: typeof f.kind === 'string' ? f.kind : 'text' }
}

/** Checks and fills in a plugin description from the backend; null when unusable. */
export function normalizePlugin(v: unknown): PluginInfo | null {
  const p = v as Partial<PluginInfo> | null
  if (!p || typeof p !== 'object' || typeof p.id !== 'string' || !p.id) return null
  const str = (x: unknown) => (typeof x === 'string' ? x : '')
  return {
    id: p.id,
    name: str(p.name) || p.id,
    version: str(p.version),
    description: str(p.description),
    author: str(p.author),
    permissions: strings(p.permissions),
    enabled: Boolean(p.enabled),
    state: (STATES.includes(str(p.state)) ? p.state : 'stopped') as PluginState,
    error: str(p.error),
    overlays: (Array.isArray(p.overlays) ? p.overlays : []).map(normalizeOverlay).filter((o): o is PluginOverlay => o !== null),
    settings: (Array.isArray(p.settings) ? p.settings : []).map(normalizeField).filter((f): f is FlowFieldSpec => f !== null),
    page: str(p.page),
    routes: strings(p.routes),
    i18n: texts(p.i18n),
  }
}

/** The "i18n" member as the backend checked it, anything unusable dropped. */
function texts(v: unknown): Record<string, PluginTexts> {
  const out: Record<string, PluginTexts> = {}
  if (!v || typeof v !== 'object' || Array.isArray(v)) return out
  for (const [lang, t] of Object.entries(v as Record<string, unknown>)) if (t && typeof t === 'object' && !Array.isArray(t)) out[lang] = t as PluginTexts
  return out
}

/** The plugin with its texts in locale where the manifest has them (the English ones otherwise). */
export function localizePlugin(p: PluginInfo, locale: string): PluginInfo {
  const t = p.i18n[locale]
  if (!t) return p
  const s = (x: unknown, d: string) => (typeof x === 'string' && x ? x : d)
  return {
    ...p,
    name: s(t.name, p.name),
    description: s(t.description, p.description),
    overlays: p.overlays.map((o) => ({ ...o, name: s(t.overlays?.[o.path], o.name) })),
    settings: p.settings.map((f) => {
      const ft = t.settings?.[f.name]
      if (!ft) return f
      const options = f.options?.map((o) => ({ ...o, label: s(ft.options?.[o.value], o.label) }))
      return { ...f, label: s(ft.label, f.label), ...(f.help !== undefined || ft.help ? { help: s(ft.help, f.help ?? '') } : {}), ...(options ? { options } : {}) }
    }),
  }
}

/** The plugin list of a retained `plugins` message (null when the message is not one). */
export function pluginsFromState(data: unknown): PluginInfo[] | null {
  if (!Array.isArray(data)) return null
  return data.map(normalizePlugin).filter((p): p is PluginInfo => p !== null)
}

/** Full URL of a file a plugin serves (an overlay or its page; a query such as ?view=scene is kept). */
export function pluginAssetUrl(base: string, id: string, path: string): string {
  const q = path.search(/[?#]/)
  const [file, rest] = q >= 0 ? [path.slice(0, q), path.slice(q)] : [path, '']
  const clean = file.replace(/^\/+/, '').split('/').map(encodeURIComponent).join('/')
  return `${base}/plugins/${encodeURIComponent(id)}/${clean}${rest}`
}

/**
 * The body of a settings PUT: every schema field with a value; empty
 * optional values are left out so the schema's default applies. Keys not
 * in the schema are dropped (the backend rejects them).
 */
export function settingsPayload(schema: FlowFieldSpec[], values: PluginSettings): PluginSettings {
  const out: PluginSettings = {}
  for (const f of schema) {
    const v = values[f.name]
    if (v === undefined || v === null) continue
    if (v === '' && !f.required) continue
    out[f.name] = v
  }
  return out
}

/** Whether two settings objects differ (stable over key order). */
export function settingsDiffer(a: PluginSettings, b: PluginSettings): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)])
  for (const k of keys) if (JSON.stringify(a[k]) !== JSON.stringify(b[k])) return true
  return false
}

const obj = (v: unknown): PluginSettings => (v && typeof v === 'object' && !Array.isArray(v) ? (v as PluginSettings) : {})

/** Client of the plugin host's service (bindings on desktop, REST in a browser). */
export class PluginsApi {
  private readonly svc: PluginsService

  constructor(svc: PluginsService) {
    this.svc = svc
  }

  private async one(op: 'enable' | 'disable' | 'reload', id: string): Promise<PluginInfo> {
    const p = normalizePlugin(await this.svc[op](id))
    if (!p) throw new Error(m.api_unexpected_reply({ path: `${op} ${id}` }))
    return p
  }

  async list(): Promise<PluginInfo[]> {
    return pluginsFromState(await this.svc.list()) ?? []
  }

  enable(id: string): Promise<PluginInfo> {
    return this.one('enable', id)
  }

  disable(id: string): Promise<PluginInfo> {
    return this.one('disable', id)
  }

  reload(id: string): Promise<PluginInfo> {
    return this.one('reload', id)
  }

  /** Current settings, defaults filled in. */
  async settings(id: string): Promise<PluginSettings> {
    return obj(await this.svc.settings(id))
  }

  /** Stores settings (checked against the schema; a running plugin applies them). */
  async saveSettings(id: string, schema: FlowFieldSpec[], values: PluginSettings): Promise<PluginSettings> {
    return obj(await this.svc.putSettings(id, settingsPayload(schema, values)))
  }

  async logs(id: string): Promise<PluginLogLine[]> {
    const v = await this.svc.logs(id)
    if (!Array.isArray(v)) return []
    return v
      .filter((l): l is PluginLogLine => !!l && typeof l === 'object' && typeof (l as PluginLogLine).message === 'string')
      .map((l) => ({ ts: typeof l.ts === 'number' ? l.ts : 0, level: typeof l.level === 'string' ? l.level : 'info', message: l.message }))
  }
}

export function pluginsApi(api: ApiClient): PluginsApi {
  return new PluginsApi(api.services.plugins)
}
