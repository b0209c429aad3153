// Updates service (backend/update/svc.go): the desktop binds
// UpdatesService, the browser dashboard reaches the same methods over REST.

import type { UpdateSettings, UpdateStatus } from '../update'
import { bound, type Call, type RestCall } from './base'

export interface UpdatesService {
  settings(): Promise<UpdateSettings>
  saveSettings(s: UpdateSettings): Promise<UpdateSettings>
  status(): Promise<UpdateStatus>
  check(): Promise<UpdateStatus>
  /** Starts the download in the background; answers the status at once. */
  download(): Promise<UpdateStatus>
  install(): Promise<UpdateStatus>
}

export interface UpdatesBound {
  Settings: Call
  SaveSettings: Call
  Status: Call
  Check: Call
  Download: Call
  Install: Call
}

export function updatesBinding(b: UpdatesBound): UpdatesService {
  return {
    settings: () => bound(() => b.Settings()),
    saveSettings: (s) => bound(() => (b.SaveSettings as (s: UpdateSettings) => Promise<unknown>)(s)),
    status: () => bound(() => b.Status()),
    check: () => bound(() => b.Check()),
    download: () => bound(() => b.Download()),
    install: () => bound(() => b.Install()),
  }
}

export function updatesRest(call: RestCall): UpdatesService {
  return {
    settings: () => call('GET', '/api/update'),
    saveSettings: (s) => call('PUT', '/api/update', s),
    status: () => call('GET', '/api/update/status'),
    check: () => call('POST', '/api/update/check'),
    download: () => call('POST', '/api/update/download'),
    install: () => call('POST', '/api/update/install'),
  }
}
