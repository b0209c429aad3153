// The service layer as the dashboard sees it: one interface per migrated
// Go service (backend/core/service), with two implementations chosen once at
// start-up — the Wails bindings inside the desktop window, REST on the
// listener in a browser (headless mode). Callers (ApiClient, ConnectorApi,
// the live state) never know which one runs.
// One file per service under services/ (interface, bindings and REST
// implementation); this file composes them. It, bootstrap.ts and listen.ts
// are the only ones that touch `window.go`.

import type { Connection } from './bootstrap'
import { bound, type Call, type RestCall } from './services/base'
import { healthBinding, healthRest, type HealthBound, type HealthService } from './services/health'
import { leaderboardsBinding, leaderboardsRest, type LeaderboardsBound, type LeaderboardsService } from './services/leaderboards'

export * from './services/base'
export type { LeaderboardsService } from './services/leaderboards'
export type { HealthService } from './services/health'
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
  readonly health: HealthService
  readonly testEvents: TestEventsService
  readonly connection: ConnectionService
  readonly profiles: ProfilesService
  readonly leaderboards: LeaderboardsService
}

interface BoundServices {
  HealthService?: HealthBound
  TestEventsService?: { Simulate: Call }
  ConnectionService?: { Status: Call; Connect: Call; Disconnect: Call }
  ProfilesService?: { List: Call; Switch: Call }
  LeaderboardsService?: LeaderboardsBound
}

function bridge(): Required<BoundServices> | null {
  const main = (globalThis as { go?: { main?: BoundServices } }).go?.main
  if (main?.HealthService && main.TestEventsService && main.ConnectionService && main.ProfilesService && main.LeaderboardsService) {
    return main as Required<BoundServices>
  }
  return null
}

/** The bindings implementation, or null outside the desktop window. */
export function bindingServices(b = bridge()): Services | null {
  if (!b) return null
  const sim = b.TestEventsService.Simulate as (e: LiveEvent) => Promise<unknown>
  const connect = b.ConnectionService.Connect as (r: { target: string }) => Promise<unknown>
  const sw = b.ProfilesService.Switch as (r: { name: string }) => Promise<unknown>
  return {
    transport: 'bindings',
    health: healthBinding(b.HealthService),
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
    leaderboards: leaderboardsBinding(b.LeaderboardsService),
  }
}

/** The REST implementation over the listener (the browser dashboard). */
export function restServices(call: RestCall, connection: ConnectionService): Services {
  return {
    transport: 'rest',
    health: healthRest(call),
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
    leaderboards: leaderboardsRest(call),
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
  error: string
  transport: string
  /** The pages the self-test opened, in order. */
  pages: string[]
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
