// TikFinity bridge service (backend/compat/tikfinity/svc.go): the desktop
// binds TikFinityService, the browser dashboard reaches the same methods
// over REST. Replies are raw: ExtApi (../extapi.ts) normalizes them.

import { bound, type Call, type RestCall } from './base'

export interface TikFinityService {
  /** Settings and state of the TikFinity-compatible websocket. */
  status(): Promise<unknown>
  apply(enabled: boolean, port: number): Promise<unknown>
}

export interface TikFinityBound {
  Status: Call
  Apply: Call
}

export function tikFinityBinding(b: TikFinityBound): TikFinityService {
  return {
    status: () => bound(() => b.Status()),
    apply: (enabled, port) => bound(() => (b.Apply as (s: { enabled: boolean; port: number }) => Promise<unknown>)({ enabled, port })),
  }
}

export function tikFinityRest(call: RestCall): TikFinityService {
  return {
    status: () => call('GET', '/api/compat/tikfinity'),
    apply: (enabled, port) => call('PUT', '/api/compat/tikfinity', { enabled, port }),
  }
}
