// Update check and crash reports (backend/update, backend/crash).

import type { Connection } from './bootstrap'
import { request, type Fetcher, type RequestOptions } from './http'
import { m } from '../i18n'

export interface UpdateSettings {
  enabled: boolean
  feedUrl: string
}

export type UpdateState =
  | 'idle'
  | 'checking'
  | 'upToDate'
  | 'available'
  | 'downloading'
  | 'ready'
  | 'pending'
  | 'installed'
  | 'error'

export interface UpdateStatus {
  state: UpdateState
  current: string
  latest?: string
  releaseUrl?: string
  notes?: string
  asset?: string
  progress: number
  downloaded: number
  total: number
  error?: string
  checkedAt?: number
  enabled: boolean
}

export interface CrashReport {
  id: string
  path: string
  time: number
  summary: string
  seen: boolean
}

/** What the dashboard banner says for a status, or '' for no banner. */
export function updateBannerText(s: UpdateStatus | null): string {
  if (!s || !s.latest) return ''
  switch (s.state) {
    case 'available':
      return m.upd_banner_available({ latest: s.latest, current: s.current })
    case 'downloading':
      return m.upd_banner_downloading({ latest: s.latest, percent: Math.round(s.progress * 100) })
    case 'ready':
      return m.upd_banner_ready({ latest: s.latest })
    case 'pending':
      return m.upd_banner_pending({ latest: s.latest })
    case 'installed':
      return m.upd_banner_installed({ latest: s.latest })
    case 'error':
      return s.error?.startsWith('download failed') ? m.upd_banner_failed({ latest: s.latest, error: s.error }) : ''
    default:
      return ''
  }
}

/** "12.3 MB" for a byte count. */
export function formatBytes(n: number): string {
  if (n < 1024 * 1024) return `${Math.max(0, Math.round(n / 1024))} KB`
  return `${(n / (1024 * 1024)).toFixed(1)} MB`
}

export class UpdateApi {
  private readonly conn: Connection
  private readonly fetcher: Fetcher

  constructor(conn: Connection, fetcher: Fetcher = (...a) => fetch(...a)) {
    this.conn = conn
    this.fetcher = fetcher
  }

  private req<T>(method: string, path: string, opts?: RequestOptions): Promise<T> {
    return request<T>(this.conn, method, path, opts, this.fetcher)
  }

  settings(signal?: AbortSignal): Promise<UpdateSettings> {
    return this.req<UpdateSettings>('GET', '/api/update', { signal })
  }

  saveSettings(s: UpdateSettings): Promise<UpdateSettings> {
    return this.req<UpdateSettings>('PUT', '/api/update', { json: s })
  }

  status(signal?: AbortSignal): Promise<UpdateStatus> {
    return this.req<UpdateStatus>('GET', '/api/update/status', { signal })
  }

  check(): Promise<UpdateStatus> {
    return this.req<UpdateStatus>('POST', '/api/update/check')
  }

  download(): Promise<UpdateStatus> {
    return this.req<UpdateStatus>('POST', '/api/update/download')
  }

  install(): Promise<UpdateStatus> {
    return this.req<UpdateStatus>('POST', '/api/update/install')
  }

  crashReports(signal?: AbortSignal): Promise<CrashReport[]> {
    return this.req<CrashReport[]>('GET', '/api/crash-reports', { signal })
  }

  async crashReport(id: string): Promise<string> {
    const b = await this.req<Blob>('GET', `/api/crash-reports/${encodeURIComponent(id)}`, { expect: 'blob' })
    return b.text()
  }

  markCrashSeen(id: string): Promise<void> {
    return this.req<void>('POST', `/api/crash-reports/${encodeURIComponent(id)}/seen`, { expect: 'none' })
  }
}
