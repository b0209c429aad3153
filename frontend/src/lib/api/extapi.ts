// The local API for other tools: the TikFinity-compatible event websocket
// (GET|PUT /api/compat/tikfinity), API tokens for external tools
// (GET|POST /api/tokens, DELETE /api/tokens/{id}; desktop token only) and
// the address of the OpenAPI document.

import type { Connection } from './bootstrap'
import type { ApiClient } from './client'
import type { APITokensService, TikFinityService } from './services'
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

/** Client of the local-API settings (bindings on desktop, REST in a browser). */
export class ExtApi {
  private readonly tokenSvc: APITokensService
  private readonly tikfinitySvc: TikFinityService

  constructor(tokens: APITokensService, tikfinity: TikFinityService) {
    this.tokenSvc = tokens
    this.tikfinitySvc = tikfinity
  }

  async tikfinity(): Promise<TikFinityStatus> {
    return normalizeTikFinity(await this.tikfinitySvc.status())
  }

  async setTikfinity(enabled: boolean, port: number): Promise<TikFinityStatus> {
    return normalizeTikFinity(await this.tikfinitySvc.apply(enabled, port))
  }

  async tokens(): Promise<ApiToken[]> {
    const v = await this.tokenSvc.list()
    return Array.isArray(v) ? v.map(normalizeToken).filter((t): t is ApiToken => t !== null) : []
  }

  async createToken(name: string, scope: TokenScope): Promise<CreatedToken> {
    const v = await this.tokenSvc.create(name.trim(), scope)
    const t = normalizeToken(v)
    const secret = str((v as { token?: unknown } | null)?.token)
    if (!t || !secret) throw new Error(m.api_unexpected_reply({ path: '/api/tokens' }))
    return { ...t, token: secret }
  }

  revokeToken(id: string): Promise<void> {
    return this.tokenSvc.revoke(id)
  }
}

export function extApi(api: ApiClient): ExtApi {
  return new ExtApi(api.services.apiTokens, api.services.tikFinity)
}
