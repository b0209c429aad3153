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
import { flowsBinding, flowsRest, type FlowsBound, type FlowsService } from './services/flows'
import { pluginsBinding, pluginsRest, type PluginsBound, type PluginsService } from './services/plugins'
import { externalPluginsBinding, externalPluginsRest, type ExternalPluginsBound, type ExternalPluginsService } from './services/extplugins'
import { profilesBinding, profilesRest, type ProfilesBound, type ProfilesService } from './services/profiles'
import { settingsBinding, settingsRest, type SettingsBound, type SettingsService } from './services/settings'
import { updatesBinding, updatesRest, type UpdatesBound, type UpdatesService } from './services/updates'
import { crashReportsBinding, crashReportsRest, type CrashReportsBound, type CrashReportsService } from './services/crashreports'
import { apiTokensBinding, apiTokensRest, type APITokensBound, type APITokensService } from './services/apitokens'
import { tikFinityBinding, tikFinityRest, type TikFinityBound, type TikFinityService } from './services/tikfinity'
import type { RestRaw } from './services/raw'
import type { LiveEvent } from './types'

export * from './services/base'
export type { LeaderboardsService } from './services/leaderboards'
export type { HealthService } from './services/health'
export type { FlowsService, FlowRunRequest } from './services/flows'
export type { PluginsService } from './services/plugins'
export type { ExternalPluginsService } from './services/extplugins'
export type { ProfilesService, ImportPick, ImportSource, ExportOutcome } from './services/profiles'
export type { SettingsService } from './services/settings'
export type { UpdatesService } from './services/updates'
export type { CrashReportsService } from './services/crashreports'
export type { APITokensService } from './services/apitokens'
export type { TikFinityService } from './services/tikfinity'
export type { RestRaw, DownloadedFile } from './services/raw'

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

export interface Services {
  readonly transport: 'bindings' | 'rest'
  readonly health: HealthService
  readonly testEvents: TestEventsService
  readonly connection: ConnectionService
  readonly profiles: ProfilesService
  readonly leaderboards: LeaderboardsService
  readonly flows: FlowsService
  readonly plugins: PluginsService
  readonly externalPlugins: ExternalPluginsService
  readonly settings: SettingsService
  readonly updates: UpdatesService
  readonly crashReports: CrashReportsService
  readonly apiTokens: APITokensService
  readonly tikFinity: TikFinityService
}

interface BoundServices {
  HealthService?: HealthBound
  TestEventsService?: { Simulate: Call }
  ConnectionService?: { Status: Call; Connect: Call; Disconnect: Call }
  ProfilesService?: ProfilesBound
  LeaderboardsService?: LeaderboardsBound
  FlowsService?: FlowsBound
  PluginsService?: PluginsBound
  ExternalPluginsService?: ExternalPluginsBound
  SettingsService?: SettingsBound
  UpdatesService?: UpdatesBound
  CrashReportsService?: CrashReportsBound
  APITokensService?: APITokensBound
  TikFinityService?: TikFinityBound
}

/** Every bound service the window must have (one per line). */
const BOUND: (keyof BoundServices)[] = [
  'HealthService',
  'TestEventsService',
  'ConnectionService',
  'ProfilesService',
  'LeaderboardsService',
  'FlowsService',
  'PluginsService',
  'ExternalPluginsService',
  'SettingsService',
  'UpdatesService',
  'CrashReportsService',
  'APITokensService',
  'TikFinityService',
]

function bridge(): Required<BoundServices> | null {
  const main = (globalThis as { go?: { main?: BoundServices } }).go?.main
  if (main && BOUND.every((name) => main[name])) {
    return main as Required<BoundServices>
  }
  return null
}

/** The bindings implementation, or null outside the desktop window. */
export function bindingServices(b = bridge()): Services | null {
  if (!b) return null
  const sim = b.TestEventsService.Simulate as (e: LiveEvent) => Promise<unknown>
  const connect = b.ConnectionService.Connect as (r: { target: string }) => Promise<unknown>
  return {
    transport: 'bindings',
    health: healthBinding(b.HealthService),
    testEvents: { simulate: (e) => bound(() => sim(e)) },
    connection: {
      status: () => bound(() => b.ConnectionService.Status()),
      connect: (target) => bound(() => connect({ target })),
      disconnect: () => bound(() => b.ConnectionService.Disconnect()),
    },
    profiles: profilesBinding(b.ProfilesService),
    leaderboards: leaderboardsBinding(b.LeaderboardsService),
    flows: flowsBinding(b.FlowsService),
    plugins: pluginsBinding(b.PluginsService),
    externalPlugins: externalPluginsBinding(b.ExternalPluginsService),
    settings: settingsBinding(b.SettingsService),
    updates: updatesBinding(b.UpdatesService),
    crashReports: crashReportsBinding(b.CrashReportsService),
    apiTokens: apiTokensBinding(b.APITokensService),
    tikFinity: tikFinityBinding(b.TikFinityService),
  }
}

/** The REST implementation over the listener (the browser dashboard). */
export function restServices(call: RestCall, connection: ConnectionService, raw: RestRaw): Services {
  return {
    transport: 'rest',
    health: healthRest(call),
    testEvents: { simulate: (e) => call<LiveEvent>('POST', '/api/simulate', e) },
    connection,
    profiles: profilesRest(call, raw),
    leaderboards: leaderboardsRest(call),
    flows: flowsRest(call),
    plugins: pluginsRest(call),
    externalPlugins: externalPluginsRest(call),
    settings: settingsRest(call),
    updates: updatesRest(call),
    crashReports: crashReportsRest(call, raw),
    apiTokens: apiTokensRest(call),
    tikFinity: tikFinityRest(call),
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
