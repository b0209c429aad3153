// OSC bridge client (backend/osc): ports, a test send and the live log —
// through the OSC service (services/osc.ts: bindings in the desktop, REST
// in a browser).

import type { ApiClient } from './client'
import type { OscService } from './services/osc'
import { m } from '../i18n'

export interface OscSettings {
  targetHost: string
  targetPort: number
  listenPort: number
  enabled: boolean
  rateLimit: number
}

export interface OscStatus {
  enabled: boolean
  listening: boolean
  listenPort: number
  target: string
  reason?: string
  sent: number
  received: number
  dropped: number
}

export type OscType = 'i' | 'f' | 's' | 'T' | 'F'
export const OSC_TYPES: { value: OscType; label: string }[] = [
  { value: 'i', label: 'int' },
  { value: 'f', label: 'float' },
  { value: 's', label: 'string' },
  { value: 'T', label: 'true' },
  { value: 'F', label: 'false' },
]

export interface OscArg {
  type: OscType
  value?: number | string
}

export interface OscLogEntry {
  ts: number
  dir: 'in' | 'out'
  address: string
  types: string
  args: unknown[] | null
}

/** Checks an OSC address and a typed value; returns an error message or ''. */
export function validateOscSend(address: string, arg: OscArg): string {
  if (!address.startsWith('/') || /[\s#*,?[\]{}]/.test(address)) return m.osc_err_address()
  if ((arg.type === 'i' || arg.type === 'f') && (arg.value === '' || !Number.isFinite(Number(arg.value)))) return m.osc_err_number()
  return ''
}

/** The JSON argument for a form value (numbers for i/f, none for T/F). */
export function oscArg(type: OscType, value: string): OscArg {
  if (type === 'T' || type === 'F') return { type }
  if (type === 's') return { type, value }
  return { type, value: Number(value) }
}

export function validateOscSettings(s: OscSettings): string {
  const port = (p: number) => Number.isInteger(p) && p >= 1 && p <= 65535
  if (!s.targetHost.trim()) return m.osc_err_host()
  if (!port(s.targetPort)) return m.osc_err_target_port()
  if (s.listenPort !== 0 && !port(s.listenPort)) return m.osc_err_listen_port()
  return ''
}

/** One log line as text: "/address ifT 1 0.5 true". */
export function formatOscEntry(e: OscLogEntry): string {
  const args = (e.args ?? []).map((a) => (typeof a === 'string' ? JSON.stringify(a) : String(a)))
  return [e.address, e.types, ...args].filter((x) => x !== '').join(' ')
}

/** The OSC bridge's client, over the OSC service (bindings or REST). */
export class OscApi {
  private readonly svc: OscService

  constructor(svc: OscService) {
    this.svc = svc
  }

  settings(): Promise<OscSettings> {
    return this.svc.settings()
  }

  saveSettings(s: Partial<OscSettings>): Promise<{ settings: OscSettings; status: OscStatus }> {
    return this.svc.saveSettings(s)
  }

  status(): Promise<OscStatus> {
    return this.svc.status()
  }

  async log(): Promise<OscLogEntry[]> {
    const l = await this.svc.log()
    return Array.isArray(l) ? l : []
  }

  send(address: string, args: OscArg[], pulseMs = 0): Promise<void> {
    return this.svc.send({ address, args, pulseMs })
  }
}

export function oscApi(api: ApiClient): OscApi {
  return new OscApi(api.services.osc)
}
