// Connection service (backend/tiktok/connector/svc.go): the desktop binds
// ConnectionService, the browser dashboard reaches the same methods over
// REST. Replies are the raw Go shapes; connection.ts parses them
// defensively (old or partial builds must not crash a page), so they are
// `unknown` here.

import { bound, ServiceError, type Call, type RestCall, type RestFiles } from './base'

/** PUT /api/connection/settings: absent fields stay (see connection.ts). */
export type ConnectionSettingsPatch = Partial<Record<'target' | 'apiKey' | 'sessionId' | 'signServerUrl' | 'tikfinityUrl' | 'browserPath', string>> & {
  sources?: string[]
}

export interface ReplayRequest {
  /** A capture's file name in the captures folder. */
  name: string
  /** 1, 4… or "max". */
  speed: number | 'max'
}

export interface ConnectionService {
  status(): Promise<unknown>
  connect(target: string): Promise<unknown>
  disconnect(): Promise<unknown>
  settings(): Promise<unknown>
  updateSettings(patch: ConnectionSettingsPatch): Promise<unknown>
  record(enabled: boolean): Promise<unknown>
  startReplay(req: ReplayRequest): Promise<unknown>
  stopReplay(): Promise<unknown>
  confirmBrowserPath(path: string): Promise<unknown>
  captures(): Promise<unknown>
  /**
   * Stores a capture file under a safe name. Browser only: the desktop
   * picks the file in its native Open dialog (App.OpenCapture), which hands
   * it to the Go service without crossing the bridge.
   */
  saveCapture(name: string, file: Blob): Promise<unknown>
}

/** The Go adapter's methods as the Wails bridge exposes them. */
export interface ConnectionBound {
  Status: Call
  Connect: Call
  Disconnect: Call
  Settings: Call
  UpdateSettings: Call
  Record: Call
  StartReplay: Call
  StopReplay: Call
  ConfirmBrowserPath: Call
  Captures: Call
}

type One<T> = (req: T) => Promise<unknown>

export function connectionBinding(b: ConnectionBound): ConnectionService {
  const connect = b.Connect as One<{ target: string }>
  const update = b.UpdateSettings as One<ConnectionSettingsPatch>
  const record = b.Record as One<{ enabled: boolean }>
  const replay = b.StartReplay as One<ReplayRequest>
  const confirm = b.ConfirmBrowserPath as One<{ path: string }>
  return {
    status: () => bound(() => b.Status()),
    connect: (target) => bound(() => connect({ target })),
    disconnect: () => bound(() => b.Disconnect()),
    settings: () => bound(() => b.Settings()),
    updateSettings: (patch) => bound(() => update(patch)),
    record: (enabled) => bound(() => record({ enabled })),
    startReplay: (req) => bound(() => replay(req)),
    stopReplay: () => bound(() => b.StopReplay()),
    confirmBrowserPath: (path) => bound(() => confirm({ path })),
    captures: () => bound(() => b.Captures()),
    saveCapture: () =>
      Promise.reject(new ServiceError('The desktop app opens captures through its Open dialog.', 503, 'unavailable')),
  }
}

export function connectionRest(call: RestCall, files: RestFiles): ConnectionService {
  return {
    status: () => call('GET', '/api/connection'),
    connect: (target) => call('POST', '/api/connection/connect', { target }),
    disconnect: () => call('POST', '/api/connection/disconnect', {}),
    settings: () => call('GET', '/api/connection/settings'),
    updateSettings: (patch) => call('PUT', '/api/connection/settings', patch),
    record: (enabled) => call('POST', '/api/connection/record', { enabled }),
    startReplay: (req) => call('POST', '/api/replay', req),
    stopReplay: () => call('POST', '/api/replay/stop', {}),
    confirmBrowserPath: (path) => call('POST', '/api/connection/browser-path/confirm', { path }),
    captures: () => call('GET', '/api/captures'),
    saveCapture: (name, file) => files.upload(`/api/captures?name=${encodeURIComponent(name)}`, file),
  }
}
