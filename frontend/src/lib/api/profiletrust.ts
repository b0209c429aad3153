// Trust and recovery of profiles (backend/core/trust.go): the review of
// settings and flows quarantined by an import, the automatic daily backups
// and their restore, and exports with or without secrets. Every call sends
// the API token (these routes read profile data).

import type { Connection } from './bootstrap'
import type { ApiClient, ProfileExport } from './client'
import { ApiError, apiErrorFrom, filenameFromDisposition, request, type Fetcher } from './http'
import { m } from '../i18n'

const enc = encodeURIComponent

/** One imported item waiting for the user's decision (GET /api/profiles/{name}/review). */
export interface ReviewItem {
  id: number
  kind: 'setting' | 'flow' | string
  /** Setting key or flow id. */
  key: string
  /** Flow name. */
  name: string
  /** Setting value, safe to show (URLs masked); empty for flows. */
  value: string
  /** What accepting means, from the server. */
  reason: string
  /** Masked webhook target URLs of a flow. */
  webhooks: string[]
  /** Header names a flow's webhooks send (values never shown). */
  headers: string[]
}

/** One automatic daily backup (GET /api/profiles/{name}/backups). */
export interface BackupInfo {
  /** YYYY-MM-DD.db */
  name: string
  sizeBytes: number
  createdAt: string
}

export interface RestoreResult {
  restored: string
  /** Name of the replaced database file, kept aside in the profile folder. */
  keptAs: string
}

type Obj = Record<string, unknown>
const obj = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {})
const str = (v: unknown): string => (typeof v === 'string' ? v : '')
const strs = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [])

export function parseReviewItems(raw: unknown): ReviewItem[] {
  if (!Array.isArray(raw)) return []
  return raw
    .map((r) => {
      const o = obj(r)
      return {
        id: typeof o.id === 'number' ? o.id : NaN,
        kind: str(o.kind),
        key: str(o.key),
        name: str(o.name),
        value: str(o.value),
        reason: str(o.reason),
        webhooks: strs(o.webhooks),
        headers: strs(o.headers),
      }
    })
    .filter((it) => Number.isFinite(it.id))
}

export function parseBackups(raw: unknown): BackupInfo[] {
  if (!Array.isArray(raw)) return []
  return raw
    .map((r) => {
      const o = obj(r)
      return { name: str(o.name), sizeBytes: typeof o.sizeBytes === 'number' ? o.sizeBytes : 0, createdAt: str(o.createdAt) }
    })
    .filter((b) => b.name !== '')
}

/** Human words for a review item: what the profile wants to do. */
export function reviewWarning(it: ReviewItem): string {
  if (it.kind === 'flow') {
    const to = it.webhooks.length ? m.pt_flow_to({ urls: it.webhooks.join(', ') }) : ''
    const headers = it.headers.length ? m.pt_flow_headers({ names: it.headers.join(', ') }) : ''
    return m.pt_flow_web({ name: it.name || it.key, to, headers })
  }
  switch (it.key) {
    case 'tiktok.browserPath':
      return m.pt_browser({ path: it.value })
    case 'tiktok.signServerUrl':
      return m.pt_sign({ url: it.value })
  }
  return m.pt_setting({ key: it.key, value: it.value, reason: it.reason })
}

/** Calls of the profile trust API. Get one with `profileTrustApi(api)`. */
export class ProfileTrustApi {
  private readonly conn: Connection
  private readonly fetcher: Fetcher

  constructor(conn: Connection, fetcher: Fetcher = (...a) => fetch(...a)) {
    this.conn = conn
    this.fetcher = fetcher
  }

  private call<T>(method: string, path: string, json?: unknown): Promise<T> {
    return request<T>(this.conn, method, path, json === undefined ? { auth: true } : { json, auth: true }, this.fetcher)
  }

  async review(profile: string): Promise<ReviewItem[]> {
    return parseReviewItems(await this.call<unknown>('GET', `/api/profiles/${enc(profile)}/review`))
  }

  /** Applies the decisions; returns what is still pending. */
  async applyReview(profile: string, accept: number[], reject: number[]): Promise<ReviewItem[]> {
    return parseReviewItems(await this.call<unknown>('POST', `/api/profiles/${enc(profile)}/review`, { accept, reject }))
  }

  async backups(profile: string): Promise<BackupInfo[]> {
    return parseBackups(await this.call<unknown>('GET', `/api/profiles/${enc(profile)}/backups`))
  }

  async restore(profile: string, backup: string): Promise<RestoreResult> {
    const o = obj(await this.call<unknown>('POST', `/api/profiles/${enc(profile)}/restore`, { backup }))
    return { restored: str(o.restored) || backup, keptAs: str(o.keptAs) }
  }

  /** API path of an export; secrets only when asked. */
  exportPath(profile: string, includeSecrets: boolean): string {
    return `/api/profiles/${enc(profile)}/export${includeSecrets ? '?includeSecrets=1' : ''}`
  }

  /** Fetches an export as a file (with the token: a secrets export needs it). */
  async exportProfile(profile: string, includeSecrets: boolean): Promise<ProfileExport> {
    const headers: Record<string, string> = {}
    if (this.conn.token) headers['Authorization'] = `Bearer ${this.conn.token}`
    let res: Response
    try {
      res = await this.fetcher(`${this.conn.baseUrl}${this.exportPath(profile, includeSecrets)}`, { headers, cache: 'no-store' })
    } catch {
      throw new ApiError(m.api_unreachable({ url: this.conn.baseUrl }), 0)
    }
    if (!res.ok) throw await apiErrorFrom(res)
    const filename = filenameFromDisposition(res.headers.get('Content-Disposition')) || `${profile}.db`
    return { blob: await res.blob(), filename }
  }
}

const cache = new WeakMap<ApiClient, ProfileTrustApi>()

/** The profile trust API for a dashboard client (same address and token). */
export function profileTrustApi(api: ApiClient): ProfileTrustApi {
  let c = cache.get(api)
  if (!c) {
    c = new ProfileTrustApi(api.conn)
    cache.set(api, c)
  }
  return c
}
