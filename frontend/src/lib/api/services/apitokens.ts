// API tokens service (backend/apitoken/svc.go): the desktop binds
// APITokensService, the browser dashboard reaches the same methods over
// REST (there with the desktop's own token only). Replies are raw: ExtApi
// (../extapi.ts) normalizes them.

import { bound, type Call, type RestCall } from './base'

export interface APITokensService {
  list(): Promise<unknown>
  /** The token with its secret (shown once). */
  create(name: string, scope: string): Promise<unknown>
  revoke(id: string): Promise<void>
}

export interface APITokensBound {
  List: Call
  Create: Call
  Revoke: Call
}

export function apiTokensBinding(b: APITokensBound): APITokensService {
  return {
    list: () => bound(() => b.List()),
    create: (name, scope) => bound(() => (b.Create as (r: { name: string; scope: string }) => Promise<unknown>)({ name, scope })),
    revoke: async (id) => {
      await bound(() => (b.Revoke as (r: { id: string }) => Promise<unknown>)({ id }))
    },
  }
}

export function apiTokensRest(call: RestCall): APITokensService {
  return {
    list: () => call('GET', '/api/tokens'),
    create: (name, scope) => call('POST', '/api/tokens', { name, scope }),
    revoke: async (id) => {
      await call('DELETE', `/api/tokens/${encodeURIComponent(id)}`)
    },
  }
}
