// Alerts service (backend/alert/svc.go): the desktop binds AlertsService,
// the browser dashboard reaches the same methods over REST.

import type { AlertConfig, AlertConfigs, AlertStatus, AlertTestResult } from '../alerts'
import type { FlowFieldOption } from '../flows'
import { bound, type Call, type RestCall } from './base'

/** Fields to change in a type's alert config (absent ones keep their value). */
export type AlertConfigPatch = Partial<AlertConfig>

export interface AlertsService {
  /** Every alertable type's config, keyed by event type. */
  configs(): Promise<AlertConfigs | null>
  /** Lays patch over the saved config of eventType; resolves what was saved. */
  putConfig(eventType: string, patch: AlertConfigPatch): Promise<AlertConfig>
  /** Queues a sample alert; preview is laid over the saved config instead of saving it. */
  test(eventType: string, preview?: AlertConfigPatch): Promise<AlertTestResult>
  pause(paused: boolean): Promise<{ paused: boolean }>
  skip(screen: string): Promise<{ screen: string; skipped: boolean }>
  clear(screen: string): Promise<{ screen: string; cleared: number }>
  status(): Promise<Partial<AlertStatus> | null>
  /** The screens in use, as choices ("main (default)" first among them). */
  screens(): Promise<FlowFieldOption[] | null>
}

/** The Go adapter's methods as the Wails bridge exposes them. */
export interface AlertsBound {
  Configs: Call
  PutConfig: Call
  Test: Call
  Pause: Call
  Skip: Call
  Clear: Call
  Status: Call
  Screens: Call
}

type Req<R> = (r: R) => Promise<unknown>

/** The bindings implementation; methods are looked up on b at call time. */
export function alertsBinding(b: AlertsBound): AlertsService {
  const put = (r: { eventType: string; patch: AlertConfigPatch }) => (b.PutConfig as Req<typeof r>)(r)
  const test = (r: { eventType: string; preview?: AlertConfigPatch }) => (b.Test as Req<typeof r>)(r)
  const screen = (m: Call, s: string) => (m as Req<{ screen: string }>)({ screen: s })
  return {
    configs: () => bound(() => b.Configs()),
    putConfig: (eventType, patch) => bound(() => put({ eventType, patch })),
    test: (eventType, preview) => bound(() => test(preview ? { eventType, preview } : { eventType })),
    pause: (paused) => bound(() => (b.Pause as Req<{ paused: boolean }>)({ paused })),
    skip: (s) => bound(() => screen(b.Skip, s)),
    clear: (s) => bound(() => screen(b.Clear, s)),
    status: () => bound(() => b.Status()),
    screens: () => bound(() => b.Screens()),
  }
}

const enc = encodeURIComponent

export function alertsRest(call: RestCall): AlertsService {
  return {
    configs: () => call('GET', '/api/alerts/config'),
    putConfig: (t, patch) => call('PUT', `/api/alerts/config/${enc(t)}`, patch),
    test: (t, preview) => call('POST', `/api/alerts/test/${enc(t)}`, preview),
    pause: (paused) => call('POST', '/api/alerts/pause', { paused }),
    skip: (s) => call('POST', `/api/alerts/${enc(s)}/skip`),
    clear: (s) => call('POST', `/api/alerts/${enc(s)}/clear`),
    status: () => call('GET', '/api/alerts/status'),
    screens: () => call('GET', '/api/alerts/screens'),
  }
}
