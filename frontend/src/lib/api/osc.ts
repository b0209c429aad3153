// OSC bridge REST API (backend/osc): ports, a test send and the live log.

import type { Connection } from './bootstrap'
import type { ApiClient } from './client'
import { request, type Fetcher, type RequestOptions } from './http'
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

export class OscApi {
  private readonly conn: Connection
  private readonly fetcher: Fetcher

  constructor(conn: Connection, fetcher: Fetcher = (...a) => fetch(...a)) {
    this.conn = conn
    this.fetcher = fetcher
  }

  private req<T>(method: string, path: string, opts?: RequestOptions): Promise<T> {
    return request<T>(this.conn, method, path, opts, this.fetcher)
  }

  settings(signal?: AbortSignal): Promise<OscSettings> {
    return this.req<OscSettings>('GET', '/api/osc/settings', { signal })
  }

  saveSettings(s: Partial<OscSettings>): Promise<{ settings: OscSettings; status: OscStatus }> {
    return this.req('PUT', '/api/osc/settings', { json: s })
  }

  status(signal?: AbortSignal): Promise<OscStatus> {
    return this.req<OscStatus>('GET', '/api/osc/status', { signal })
  }

  async log(signal?: AbortSignal): Promise<OscLogEntry[]> {
    const l = await this.req<OscLogEntry[] | null>('GET', '/api/osc/log', { signal })
    return Array.isArray(l) ? l : []
  }

  send(address: string, args: OscArg[], pulseMs = 0): Promise<void> {
    return this.req<void>('POST', '/api/osc/send', { json: { address, args, pulseMs }, expect: 'none' })
  }
}

export function oscApi(api: ApiClient): OscApi {
  return new OscApi(api.conn)
}
