// Crash reports service (backend/crash/svc.go): the desktop binds
// CrashReportsService, the browser dashboard reaches the same methods over
// REST.

import type { CrashReport } from '../update'
import { bound, type Call, type RestCall } from './base'
import type { RestRaw } from './raw'

export interface CrashReportsService {
  list(): Promise<CrashReport[]>
  /** One report's text. */
  read(id: string): Promise<string>
  /** Marks one report ('' = every one) as seen. */
  markSeen(id: string): Promise<void>
}

export interface CrashReportsBound {
  List: Call
  Read: Call
  MarkSeen: Call
}

export function crashReportsBinding(b: CrashReportsBound): CrashReportsService {
  const byId = (f: Call) => f as (r: { id: string }) => Promise<unknown>
  return {
    list: async () => (await bound<CrashReport[] | null>(() => b.List())) ?? [],
    read: (id) => bound(() => byId(b.Read)({ id })),
    markSeen: async (id) => {
      await bound(() => byId(b.MarkSeen)({ id }))
    },
  }
}

const enc = encodeURIComponent

export function crashReportsRest(call: RestCall, raw: RestRaw): CrashReportsService {
  return {
    list: async () => (await call<CrashReport[] | null>('GET', '/api/crash-reports')) ?? [],
    read: (id) => raw.text(`/api/crash-reports/${enc(id)}`),
    markSeen: async (id) => {
      await call('POST', id ? `/api/crash-reports/${enc(id)}/seen` : '/api/crash-reports/seen')
    },
  }
}
