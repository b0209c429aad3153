// How the dashboard reaches the backend: resolved once at start-up
// (Wails binding or same origin), plus the token the user may paste.

import { ApiClient, ApiError, rememberToken, resolveConnection, stripTokenFromHash, type Mode } from '../api'
import { toasts } from './toasts.svelte'
import { Cancelled } from '../ui/clipboard'

export type SessionStatus = 'loading' | 'ready' | 'error'

class Session {
  status = $state<SessionStatus>('loading')
  error = $state('')
  api = $state.raw<ApiClient | null>(null)
  /** A mutating request came back 401/403 with the current token. */
  tokenRejected = $state(false)

  get mode(): Mode | undefined {
    return this.api?.conn.mode
  }

  /** Browser mode without a working token: show the paste field. */
  get needsToken(): boolean {
    return this.api?.conn.mode === 'browser' && (!this.api.hasToken || this.tokenRejected)
  }

  async init(): Promise<void> {
    try {
      const conn = await resolveConnection()
      if (conn.mode === 'browser' && location.hash.includes('token=')) {
        history.replaceState(null, '', `${location.pathname}${location.search}${stripTokenFromHash(location.hash)}`)
      }
      this.api = new ApiClient(conn)
      this.status = 'ready'
    } catch (err) {
      this.error = err instanceof Error ? err.message : String(err)
      this.status = 'error'
    }
  }

  /**
   * In the desktop window, asks the app for the token again: after it was
   * rotated elsewhere (another window, the API) requests start failing.
   */
  async refreshFromBridge(): Promise<void> {
    if (this.api?.conn.mode !== 'wails') return
    try {
      const conn = await resolveConnection()
      if (conn.token && conn.token !== this.api.conn.token) this.setToken(conn.token)
    } catch {
      // keep the current connection; the error toast already told the user
    }
  }

  setToken(token: string): void {
    const t = token.trim()
    if (!this.api) return
    if (this.api.conn.mode === 'browser') rememberToken(typeof localStorage !== 'undefined' ? localStorage : undefined, t)
    this.api = this.api.withToken(t)
    this.tokenRejected = false
  }
}

export const session = new Session()

/**
 * Runs one API action for the UI: success toast, readable error toast,
 * token prompt on 401. Resolves to whether it succeeded.
 */
export async function attempt(fn: (api: ApiClient) => Promise<unknown>, success?: string): Promise<boolean> {
  const api = session.api
  if (!api) {
    toasts.error('Not connected to LTTH yet')
    return false
  }
  try {
    await fn(api)
    if (success) toasts.success(success)
    return true
  } catch (err) {
    if (err instanceof Cancelled) return false
    if (err instanceof ApiError && err.unauthorized) {
      session.tokenRejected = true
      void session.refreshFromBridge()
    }
    toasts.error(err instanceof Error ? err.message : String(err))
    return false
  }
}
