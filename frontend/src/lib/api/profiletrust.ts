// Trust and recovery of profiles (backend/core/trust.go): the review of
// settings and flows quarantined by an import, the automatic daily backups
// and their restore, and exports with or without secrets. Calls go through
// the profiles service (bindings in the desktop window; REST with the API
// token, which these routes need, in a browser).

import type { ApiClient } from './client'
import type { ExportOutcome, ProfilesService } from './services'
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
  private readonly svc: ProfilesService

  constructor(svc: ProfilesService) {
    this.svc = svc
  }

  async review(profile: string): Promise<ReviewItem[]> {
    return parseReviewItems(await this.svc.review(profile))
  }

  /** Applies the decisions; returns what is still pending. */
  async applyReview(profile: string, accept: number[], reject: number[]): Promise<ReviewItem[]> {
    return parseReviewItems(await this.svc.applyReview(profile, accept, reject))
  }

  async backups(profile: string): Promise<BackupInfo[]> {
    return parseBackups(await this.svc.backups(profile))
  }

  async restore(profile: string, backup: string): Promise<RestoreResult> {
    const o = obj(await this.svc.restore(profile, backup))
    return { restored: str(o.restored) || backup, keptAs: str(o.keptAs) }
  }

  /** API path of an export; secrets only when asked. */
  exportPath(profile: string, includeSecrets: boolean): string {
    return `/api/profiles/${enc(profile)}/export${includeSecrets ? '?includeSecrets=1' : ''}`
  }

  /**
   * Exports a profile (secrets only when asked): the desktop saves it in a
   * native Save dialog ({saved}: the path, '' when cancelled), a browser
   * gets the file to save ({download}).
   */
  exportProfile(profile: string, includeSecrets: boolean): Promise<ExportOutcome> {
    return this.svc.export(profile, includeSecrets)
  }
}

const cache = new WeakMap<ApiClient, ProfileTrustApi>()

/** The profile trust API for a dashboard client (same transport). */
export function profileTrustApi(api: ApiClient): ProfileTrustApi {
  let c = cache.get(api)
  if (!c) {
    c = new ProfileTrustApi(api.services.profiles)
    cache.set(api, c)
  }
  return c
}
