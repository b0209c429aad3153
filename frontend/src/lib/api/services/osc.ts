// OSC service (backend/osc/svc.go): the desktop binds OSCService, the
// browser dashboard reaches the same methods over REST. (The VRChat
// plugin's own routes are the plugin's.)

import type { OscArg, OscLogEntry, OscSettings, OscStatus } from '../osc'
import { bound, type Call, type RestCall } from './base'

export interface OscSend {
  address: string
  args: OscArg[]
  /** > 0: send the reset value after this many ms. */
  pulseMs?: number
}

export interface OscSettingsResult {
  settings: OscSettings
  status: OscStatus
}

export interface OscService {
  settings(): Promise<OscSettings>
  /** Applies a partial settings object over the current one. */
  saveSettings(patch: Partial<OscSettings>): Promise<OscSettingsResult>
  status(): Promise<OscStatus>
  log(): Promise<OscLogEntry[] | null>
  send(msg: OscSend): Promise<void>
}

/** The Go adapter's methods as the Wails bridge exposes them. */
export interface OscBound {
  Settings: Call
  SaveSettings: Call
  Status: Call
  Log: Call
  Send: Call
}

export function oscBinding(b: OscBound): OscService {
  const save = b.SaveSettings as (p: Partial<OscSettings>) => Promise<unknown>
  const send = b.Send as (m: OscSend) => Promise<unknown>
  return {
    settings: () => bound(() => b.Settings()),
    saveSettings: (patch) => bound(() => save(patch)),
    status: () => bound(() => b.Status()),
    log: () => bound(() => b.Log()),
    send: async (msg) => {
      await bound(() => send({ pulseMs: 0, ...msg }))
    },
  }
}

export function oscRest(call: RestCall): OscService {
  return {
    settings: () => call('GET', '/api/osc/settings'),
    saveSettings: (patch) => call('PUT', '/api/osc/settings', patch),
    status: () => call('GET', '/api/osc/status'),
    log: () => call('GET', '/api/osc/log'),
    send: async (msg) => {
      await call('POST', '/api/osc/send', msg)
    },
  }
}
