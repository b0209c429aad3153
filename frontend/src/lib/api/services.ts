// The service layer as the dashboard sees it: one interface per migrated
// Go service (backend/core/service), with two implementations chosen once at
// start-up — the Wails bindings inside the desktop window, REST on the
// listener in a browser (headless mode). Callers (ApiClient, ConnectorApi,
// the live state) never know which one runs.
// One file per service under services/ (interface, bindings and REST
// implementation); this file composes them. It, bootstrap.ts and listen.ts
// are the only ones that touch `window.go`.

import type { Connection } from './bootstrap'
import { fieldOptionsBinding, fieldOptionsRest, type FieldOptionsBound, type FieldOptionsService } from './services/fieldoptions'
import { bound, type Call, type RestCall, type RestFiles } from './services/base'
import { connectionBinding, connectionRest, type ConnectionBound, type ConnectionService } from './services/connection'
import { historyBinding, historyRest, type HistoryBound, type HistoryService } from './services/history'
import { healthBinding, healthRest, type HealthBound, type HealthService } from './services/health'
import { leaderboardsBinding, leaderboardsRest, type LeaderboardsBound, type LeaderboardsService } from './services/leaderboards'
import { flowsBinding, flowsRest, type FlowsBound, type FlowsService } from './services/flows'
import { pluginsBinding, pluginsRest, type PluginsBound, type PluginsService } from './services/plugins'
import { externalPluginsBinding, externalPluginsRest, type ExternalPluginsBound, type ExternalPluginsService } from './services/extplugins'
import { alertsBinding, alertsRest, type AlertsBound, type AlertsService } from './services/alerts'
import { goalsBinding, goalsRest, type GoalsBound, type GoalsService } from './services/goals'
import { overlayPresetsBinding, overlayPresetsRest, type OverlayPresetsBound, type OverlayPresetsService } from './services/overlaypresets'
import { profilesBinding, profilesRest, type ProfilesBound, type ProfilesService } from './services/profiles'
import { settingsBinding, settingsRest, type SettingsBound, type SettingsService } from './services/settings'
import { updatesBinding, updatesRest, type UpdatesBound, type UpdatesService } from './services/updates'
import { crashReportsBinding, crashReportsRest, type CrashReportsBound, type CrashReportsService } from './services/crashreports'
import { apiTokensBinding, apiTokensRest, type APITokensBound, type APITokensService } from './services/apitokens'
import { tikFinityBinding, tikFinityRest, type TikFinityBound, type TikFinityService } from './services/tikfinity'
import type { LiveEvent } from './types'
import { obsBinding, obsRest, type ObsBound, type ObsService } from './services/obs'
import { oscBinding, oscRest, type OscBound, type OscService } from './services/osc'

export * from './services/base'
export type { LeaderboardsService } from './services/leaderboards'
export type { ConnectionService } from './services/connection'
export type { HistoryService } from './services/history'
export type { HealthService } from './services/health'
export type { FieldOptionsService } from './services/fieldoptions'
export type { FlowsService, FlowRunRequest } from './services/flows'
export type { PluginsService } from './services/plugins'
export type { ExternalPluginsService } from './services/extplugins'
export type { AlertsService } from './services/alerts'
export type { GoalsService } from './services/goals'
export type { OverlayPresetsService } from './services/overlaypresets'
export type { ProfilesService, ImportPick, ImportSource, ExportOutcome } from './services/profiles'
export type { SettingsService } from './services/settings'
export type { UpdatesService } from './services/updates'
export type { CrashReportsService } from './services/crashreports'
export type { APITokensService } from './services/apitokens'
export type { TikFinityService } from './services/tikfinity'
export type { RestRaw, DownloadedFile } from './services/raw'
export type { ObsService } from './services/obs'
export type { OscService } from './services/osc'

export interface TestEventsService {
  /** Publishes event as simulated; resolves it as published (id, ts filled in). */
  simulate(event: LiveEvent): Promise<LiveEvent>
}

export interface Services {
  readonly transport: 'bindings' | 'rest'
  readonly health: HealthService
  readonly fieldOptions: FieldOptionsService
  readonly testEvents: TestEventsService
  readonly connection: ConnectionService
  readonly profiles: ProfilesService
  readonly leaderboards: LeaderboardsService
  readonly history: HistoryService
  readonly flows: FlowsService
  readonly plugins: PluginsService
  readonly externalPlugins: ExternalPluginsService
  readonly alerts: AlertsService
  readonly goals: GoalsService
  readonly overlayPresets: OverlayPresetsService
  readonly settings: SettingsService
  readonly updates: UpdatesService
  readonly crashReports: CrashReportsService
  readonly apiTokens: APITokensService
  readonly tikFinity: TikFinityService
  readonly obs: ObsService
  readonly osc: OscService
}

interface BoundServices {
  HealthService?: HealthBound
  FieldOptionsService?: FieldOptionsBound
  TestEventsService?: { Simulate: Call }
  ConnectionService?: ConnectionBound
  ProfilesService?: ProfilesBound
  LeaderboardsService?: LeaderboardsBound
  HistoryService?: HistoryBound
  FlowsService?: FlowsBound
  PluginsService?: PluginsBound
  ExternalPluginsService?: ExternalPluginsBound
  AlertsService?: AlertsBound
  GoalsService?: GoalsBound
  OverlayPresetsService?: OverlayPresetsBound
  SettingsService?: SettingsBound
  UpdatesService?: UpdatesBound
  CrashReportsService?: CrashReportsBound
  APITokensService?: APITokensBound
  TikFinityService?: TikFinityBound
  OBSService?: ObsBound
  OSCService?: OscBound
}

/** Every bound service the window must have (one per line). */
const BOUND: (keyof BoundServices)[] = [
  'HealthService',
  'FieldOptionsService',
  'TestEventsService',
  'ConnectionService',
  'ProfilesService',
  'LeaderboardsService',
  'FlowsService',
  'PluginsService',
  'ExternalPluginsService',
  'AlertsService',
  'GoalsService',
  'OverlayPresetsService',
  'HistoryService',
  'SettingsService',
  'UpdatesService',
  'CrashReportsService',
  'APITokensService',
  'TikFinityService',
  'OBSService',
  'OSCService',
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
  return {
    transport: 'bindings',
    health: healthBinding(b.HealthService),
    fieldOptions: fieldOptionsBinding(b.FieldOptionsService),
    testEvents: { simulate: (e) => bound(() => sim(e)) },
    connection: connectionBinding(b.ConnectionService),
    profiles: profilesBinding(b.ProfilesService),
    leaderboards: leaderboardsBinding(b.LeaderboardsService),
    history: historyBinding(b.HistoryService),
    flows: flowsBinding(b.FlowsService),
    plugins: pluginsBinding(b.PluginsService),
    externalPlugins: externalPluginsBinding(b.ExternalPluginsService),
    alerts: alertsBinding(b.AlertsService),
    goals: goalsBinding(b.GoalsService),
    overlayPresets: overlayPresetsBinding(b.OverlayPresetsService),
    settings: settingsBinding(b.SettingsService),
    updates: updatesBinding(b.UpdatesService),
    crashReports: crashReportsBinding(b.CrashReportsService),
    apiTokens: apiTokensBinding(b.APITokensService),
    tikFinity: tikFinityBinding(b.TikFinityService),
    obs: obsBinding(b.OBSService),
    osc: oscBinding(b.OSCService),
  }
}

/** The REST implementation over the listener (the browser dashboard). */
export function restServices(call: RestCall, files: RestFiles): Services {
  return {
    transport: 'rest',
    health: healthRest(call),
    fieldOptions: fieldOptionsRest(call),
    testEvents: { simulate: (e) => call<LiveEvent>('POST', '/api/simulate', e) },
    connection: connectionRest(call, files),
    profiles: profilesRest(call, files),
    leaderboards: leaderboardsRest(call),
    history: historyRest(call, files),
    flows: flowsRest(call),
    plugins: pluginsRest(call),
    externalPlugins: externalPluginsRest(call),
    alerts: alertsRest(call),
    goals: goalsRest(call),
    overlayPresets: overlayPresetsRest(call),
    settings: settingsRest(call),
    updates: updatesRest(call),
    crashReports: crashReportsRest(call, files),
    apiTokens: apiTokensRest(call),
    tikFinity: tikFinityRest(call),
    obs: obsRest(call, files),
    osc: oscRest(call),
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
