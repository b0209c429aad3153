// Update check and crash reports (backend/update, backend/crash).

import type { ApiClient } from './client'
import type { CrashReportsService, UpdatesService } from './services'
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

/** Client of the update check and the crash reports (bindings on desktop, REST in a browser). */
export class UpdateApi {
  private readonly svc: UpdatesService
  private readonly crashes: CrashReportsService

  constructor(svc: UpdatesService, crashes: CrashReportsService) {
    this.svc = svc
    this.crashes = crashes
  }

  settings(): Promise<UpdateSettings> {
    return this.svc.settings()
  }

  saveSettings(s: UpdateSettings): Promise<UpdateSettings> {
    return this.svc.saveSettings(s)
  }

  status(): Promise<UpdateStatus> {
    return this.svc.status()
  }

  check(): Promise<UpdateStatus> {
    return this.svc.check()
  }

  download(): Promise<UpdateStatus> {
    return this.svc.download()
  }

  install(): Promise<UpdateStatus> {
    return this.svc.install()
  }

  async crashReports(): Promise<CrashReport[]> {
    return this.crashes.list()
  }

  crashReport(id: string): Promise<string> {
    return this.crashes.read(id)
  }

  markCrashSeen(id: string): Promise<void> {
    return this.crashes.markSeen(id)
  }
}

/** The update client of a dashboard client (same transport). */
export function updateApi(api: ApiClient): UpdateApi {
  return new UpdateApi(api.services.updates, api.services.crashReports)
}
