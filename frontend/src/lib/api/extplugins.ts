// External plugins (backend/plugin/external through its service,
// docs/plugin-sdk.md): what each one runs and asks for, its process status,
// and the plugin folders that could not be loaded. Enabling, settings and
// logs are the plugin host's (./plugins).

import type { ApiClient } from './client'
import type { ExternalPluginsService } from './services/extplugins'

export type ExtProcState = 'running' | 'stopped' | 'backing-off' | 'crashed'

/** The process side of an external plugin. */
export interface ExtProcess {
  state: ExtProcState
  pid: number
  restarts: number
  lastExit: string
  lastExitAt: number
  nextStartAt: number
  startedAt: number
  connected: boolean
  /** Events not delivered because the plugin's queue was full. */
  dropped: number
  subscribed: string[]
  blocks: string[]
}

export interface ExtPlugin {
  id: string
  dir: string
  command: string
  args: string[]
  permissions: string[]
  process: ExtProcess
}

export interface ExtProblem {
  dir: string
  error: string
}

export interface ExtList {
  plugins: ExtPlugin[]
  problems: ExtProblem[]
}

const STATES: readonly string[] = ['running', 'stopped', 'backing-off', 'crashed']

const str = (x: unknown) => (typeof x === 'string' ? x : '')
const num = (x: unknown) => (typeof x === 'number' && Number.isFinite(x) ? x : 0)
const strs = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [])

function normalizeProcess(v: unknown): ExtProcess {
  const p = (v && typeof v === 'object' ? v : {}) as Record<string, unknown>
  return {
    state: (STATES.includes(str(p.state)) ? p.state : 'stopped') as ExtProcState,
    pid: num(p.pid),
    restarts: num(p.restarts),
    lastExit: str(p.lastExit),
    lastExitAt: num(p.lastExitAt),
    nextStartAt: num(p.nextStartAt),
    startedAt: num(p.startedAt),
    connected: p.connected === true,
    dropped: num(p.dropped),
    subscribed: strs(p.subscribed),
    blocks: strs(p.blocks),
  }
}

/** Checks the external plugins' list (GET /api/plugins/ext); unusable entries are dropped. */
export function normalizeExtList(v: unknown): ExtList {
  const o = (v && typeof v === 'object' ? v : {}) as Record<string, unknown>
  const plugins = (Array.isArray(o.plugins) ? o.plugins : [])
    .filter((p): p is Record<string, unknown> => !!p && typeof p === 'object' && typeof (p as { id?: unknown }).id === 'string')
    .map((p) => ({ id: str(p.id), dir: str(p.dir), command: str(p.command), args: strs(p.args), permissions: strs(p.permissions), process: normalizeProcess(p.process) }))
  const problems = (Array.isArray(o.problems) ? o.problems : [])
    .filter((p): p is Record<string, unknown> => !!p && typeof p === 'object')
    .map((p) => ({ dir: str(p.dir), error: str(p.error) }))
  return { plugins, problems }
}

/** The command line an external plugin runs, for the confirmation. */
export function commandLine(p: Pick<ExtPlugin, 'command' | 'args'>): string {
  const quote = (s: string) => (/^[\w./:=@+-]+$/.test(s) ? s : JSON.stringify(s))
  return [p.command, ...p.args].map(quote).join(' ')
}

/** What a permission lets a plugin do, in the streamer's words. */
export const permissionText: Record<string, string> = {
  'events:read': 'read live events (gifts, chat, likes…)',
  'events:publish': 'publish its own events (flows and overlays can react to them)',
  'actions:call': 'run any flow action (alerts, OBS, sounds…)',
  'actions:register': 'add actions and triggers to the flow editor',
  settings: 'read and change its own settings',
}

/** Client of the external plugins' service (bindings on desktop, REST in a browser). */
export class ExtPluginsApi {
  private readonly svc: ExternalPluginsService

  constructor(svc: ExternalPluginsService) {
    this.svc = svc
  }

  async list(): Promise<ExtList> {
    return normalizeExtList(await this.svc.list())
  }
}

export function extPluginsApi(api: ApiClient): ExtPluginsApi {
  return new ExtPluginsApi(api.services.externalPlugins)
}
