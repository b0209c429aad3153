// The local API for other tools: the TikFinity-compatible event websocket
// (GET|PUT /api/compat/tikfinity), API tokens for external tools
// (GET|POST /api/tokens, DELETE /api/tokens/{id}; desktop token only) and
// the address of the OpenAPI document.

import type { Connection } from './bootstrap'
import type { ApiClient } from './client'
import { request, type Fetcher, type RequestOptions } from './http'
import { m } from '../i18n'

export const TIKFINITY_DEFAULT_PORT = 21213

/** Settings and status of the TikFinity-compatible websocket. */
export interface TikFinityStatus {
  enabled: boolean
  port: number
  listening: boolean
  addrs: string[]
  clients: number
  sent: number
  dropped: number
  error: string
}

export type TokenScope = 'read' | 'control'

/** An API token as listed (the secret is never listed). */
export interface ApiToken {
  id: string
  name: string
  scope: TokenScope
  created: number
  lastUsed: number
}

/** A token just created: the secret is shown once. */
export interface CreatedToken extends ApiToken {
  token: string
}

const num = (v: unknown, d = 0) => (typeof v === 'number' && Number.isFinite(v) ? v : d)
const str = (v: unknown) => (typeof v === 'string' ? v : '')

export function normalizeTikFinity(v: unknown): TikFinityStatus {
  const s = (v && typeof v === 'object' ? v : {}) as Partial<Record<keyof TikFinityStatus, unknown>>
  return {
    enabled: s.enabled === true,
    port: num(s.port, TIKFINITY_DEFAULT_PORT),
    listening: s.listening === true,
    addrs: Array.isArray(s.addrs) ? s.addrs.filter((a): a is string => typeof a === 'string') : [],
    clients: num(s.clients),
    sent: num(s.sent),
    dropped: num(s.dropped),
    error: str(s.error),
  }
}

export function normalizeToken(v: unknown): ApiToken | null {
  const t = v as Partial<Record<keyof ApiToken, unknown>> | null
  if (!t || typeof t !== 'object' || typeof t.id !== 'string' || !t.id) return null
  return { id: t.id, name: str(t.name) || t.id, scope: t.scope === 'control' ? 'control' : 'read', created: num(t.created), lastUsed: num(t.lastUsed) }
}

/** A port the user typed, or an error text. */
export function parsePort(text: string): { port: number } | { error: string } {
  const t = text.trim()
  if (!/^\d+$/.test(t)) return { error: m.ext_port_whole() }
  const port = Number(t)
  if (port < 1 || port > 65535) return { error: m.ext_port_range() }
  return { port }
}

/** The address tools connect to ("ws://localhost:21213/"). */
export function tikfinityUrl(port: number): string {
  return `ws://localhost:${port}/`
}

/** The OpenAPI document's address. */
export function openApiUrl(conn: Connection): string {
  return `${conn.baseUrl}/api/openapi.json`
}

/** REST client of the local-API settings. */
export class ExtApi {
  readonly conn: Connection
  private readonly fetcher: Fetcher

  constructor(conn: Connection, fetcher: Fetcher = (...a) => fetch(...a)) {
    this.conn = conn
    this.fetcher = fetcher
  }

  private req<T>(method: string, path: string, opts?: RequestOptions): Promise<T> {
    return request<T>(this.conn, method, path, opts, this.fetcher)
  }

  async tikfinity(signal?: AbortSignal): Promise<TikFinityStatus> {
    return normalizeTikFinity(await this.req<unknown>('GET', '/api/compat/tikfinity', { signal }))
  }

  async setTikfinity(enabled: boolean, port: number): Promise<TikFinityStatus> {
    return normalizeTikFinity(await this.req<unknown>('PUT', '/api/compat/tikfinity', { json: { enabled, port } }))
  }

  async tokens(signal?: AbortSignal): Promise<ApiToken[]> {
    const v = await this.req<unknown>('GET', '/api/tokens', { signal })
    return Array.isArray(v) ? v.map(normalizeToken).filter((t): t is ApiToken => t !== null) : []
  }

  async createToken(name: string, scope: TokenScope): Promise<CreatedToken> {
    const v = await this.req<unknown>('POST', '/api/tokens', { json: { name: name.trim(), scope } })
    const t = normalizeToken(v)
    const secret = str((v as { token?: unknown } | null)?.token)
    if (!t || !secret) throw new Error(m.api_unexpected_reply({ path: '/api/tokens' }))
    return { ...t, token: secret }
  }

  async revokeToken(id: string): Promise<void> {
    await this.req<unknown>('DELETE', `/api/tokens/${encodeURIComponent(id)}`, { expect: 'none' })
  }
}

export function extApi(api: ApiClient): ExtApi {
  return new ExtApi(api.conn)
}
