// The service layer as the dashboard sees it: one interface per migrated
// Go service (backend/core/service), with two implementations chosen once at
// start-up — the Wails bindings inside the desktop window, REST on the
// listener in a browser (headless mode). Callers (ApiClient, ConnectorApi,
// the live state) never know which one runs.
// Migrated: test events, connection (status/connect/disconnect), profiles
// (list/switch). This file, bootstrap.ts and listen.ts are the only ones
// that touch `window.go`.

import type { Connection } from './bootstrap'
import { ApiError } from './http'
import type { LiveEvent, ProfileInfo } from './types'

export interface TestEventsService {
  /** Publishes event as simulated; resolves it as published (id, ts filled in). */
  simulate(event: LiveEvent): Promise<LiveEvent>
}

/** The raw connection status (parsed by connection.ts). */
export interface ConnectionService {
  status(): Promise<unknown>
  connect(target: string): Promise<unknown>
  disconnect(): Promise<unknown>
}

export interface ProfilesService {
  list(): Promise<ProfileInfo[]>
  switch(name: string): Promise<void>
}

export interface Services {
  readonly transport: 'bindings' | 'rest'
  readonly testEvents: TestEventsService
  readonly connection: ConnectionService
  readonly profiles: ProfilesService
}

/** An error from a service: the backend's stable code on both transports. */
export class ServiceError extends ApiError {
  readonly code: string
  constructor(message: string, status: number, code: string) {
    super(message, status)
    this.name = 'ServiceError'
    this.code = code
  }
}

const statusOfCode: Record<string, number> = {
  not_found: 404,
  invalid: 400,
  conflict: 409,
  unprocessable: 422,
  too_large: 413,
  unavailable: 503,
  internal: 500,
}

/** Turns a rejected bound call ({"error","code"} as text) into a ServiceError. */
export function boundError(err: unknown): ServiceError {
  const text = err instanceof Error ? err.message : String(err)
  try {
    const o = JSON.parse(text) as { error?: unknown; code?: unknown }
    if (o && typeof o.error === 'string' && typeof o.code === 'string') {
      return new ServiceError(o.error, statusOfCode[o.code] ?? 400, o.code)
    }
  } catch {
    // not one of ours: keep the text
  }
  return new ServiceError(text, 500, 'internal')
}

type Call = (...args: never[]) => Promise<unknown>

interface BoundServices {
  TestEventsService?: { Simulate: Call }
  ConnectionService?: { Status: Call; Connect: Call; Disconnect: Call }
  ProfilesService?: { List: Call; Switch: Call }
}

function bridge(): Required<BoundServices> | null {
  const main = (globalThis as { go?: { main?: BoundServices } }).go?.main
  if (main?.TestEventsService && main.ConnectionService && main.ProfilesService) {
    return main as Required<BoundServices>
  }
  return null
}

async function bound<T>(p: () => Promise<unknown>): Promise<T> {
  try {
    return (await p()) as T
  } catch (err) {
    throw boundError(err)
  }
}

/** The bindings implementation, or null outside the desktop window. */
export function bindingServices(b = bridge()): Services | null {
  if (!b) return null
  const sim = b.TestEventsService.Simulate as (e: LiveEvent) => Promise<unknown>
  const connect = b.ConnectionService.Connect as (r: { target: string }) => Promise<unknown>
  const sw = b.ProfilesService.Switch as (r: { name: string }) => Promise<unknown>
  return {
    transport: 'bindings',
    testEvents: { simulate: (e) => bound(() => sim(e)) },
    connection: {
      status: () => bound(() => b.ConnectionService.Status()),
      connect: (target) => bound(() => connect({ target })),
      disconnect: () => bound(() => b.ConnectionService.Disconnect()),
    },
    profiles: {
      list: async () => (await bound<ProfileInfo[] | null>(() => b.ProfilesService.List())) ?? [],
      switch: async (name) => {
        await bound(() => sw({ name }))
      },
    },
  }
}

/** What the REST implementation needs: one JSON call on the listener. */
export type RestCall = <T>(method: string, path: string, json?: unknown) => Promise<T>

/** The REST implementation over the listener (the browser dashboard). */
export function restServices(call: RestCall, connection: ConnectionService): Services {
  return {
    transport: 'rest',
    testEvents: { simulate: (e) => call<LiveEvent>('POST', '/api/simulate', e) },
    connection,
    profiles: {
      list: async () => {
        const list = await call<ProfileInfo[] | null>('GET', '/api/profiles')
        return Array.isArray(list) ? list : []
      },
      switch: async (name) => {
        await call('POST', `/api/profiles/${encodeURIComponent(name)}/activate`)
      },
    },
  }
}

let chosen: Services | null = null

/**
 * The bindings inside the desktop window, else null (use REST). Decided
 * once, on the first call after bootstrap found the Wails bridge.
 */
export function desktopServices(conn: Pick<Connection, 'mode'>): Services | null {
  if (conn.mode !== 'wails') return null
  if (!chosen) chosen = bindingServices()
  return chosen
}

/** What the window reports to App.ReportSelfTest (app_selftest.go). */
export interface SelfTestReport {
  eventId: string
  feedSeen: boolean
  feedMs: number
  feedSource: string
  calls: number
  method: string
  boundMsAvg: number
  restMsAvg: number
  error: string
  transport: string
}

interface SelfTestBridge {
  SelfTestRequested?: () => Promise<boolean>
  ReportSelfTest?: (r: SelfTestReport) => Promise<void>
}

/** The desktop smoke's self-test hooks, when the smoke asked for them. */
export async function selfTestHooks(): Promise<{ report: (r: SelfTestReport) => Promise<void> } | null> {
  const app = (globalThis as { go?: { main?: { App?: SelfTestBridge } } }).go?.main?.App
  if (!app?.SelfTestRequested || !app.ReportSelfTest || !(await app.SelfTestRequested())) return null
  const report = app.ReportSelfTest
  return { report: (r) => report(r) }
}
