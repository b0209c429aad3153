// External plugins service (backend/plugin/external/svc.go): their
// process status and the plugin folders that failed to load. The desktop
// binds ExternalPluginsService, the browser dashboard reaches the same
// method over REST; ExtPluginsApi (../extplugins) normalizes the reply.
// Enabling one (after the streamer confirmed its command) is the plugin
// host's (./plugins).

import { bound, type Call, type RestCall } from './base'

export interface ExternalPluginsService {
  /** { plugins, problems } as the backend sends it. */
  list(): Promise<unknown>
}

/** The Go adapter's methods as the Wails bridge exposes them. */
export interface ExternalPluginsBound {
  List: Call
}

export function externalPluginsBinding(b: ExternalPluginsBound): ExternalPluginsService {
  return { list: () => bound(() => b.List()) }
}

export function externalPluginsRest(call: RestCall): ExternalPluginsService {
  return { list: () => call('GET', '/api/plugins/ext') }
}
