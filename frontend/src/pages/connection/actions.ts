// Runs one connector call for the UI: readable error toast (with the
// server's code kept for the caller), token prompt on 401/403.

import { ApiError, ConnectorError, connectorApi, type ConnectorApi } from '../../lib/api'
import { m } from '../../lib/i18n'
import { session } from '../../lib/state/session.svelte'
import { toasts } from '../../lib/state/toasts.svelte'

export interface ActResult<T> {
  ok: boolean
  value?: T
  /** The connector's error code (e.g. invalid_target), when it failed. */
  code?: string
  message?: string
}

export async function act<T>(fn: (api: ConnectorApi) => Promise<T>, success?: string): Promise<ActResult<T>> {
  const client = session.api
  if (!client) {
    const message = m.cx_not_connected_ltth()
    toasts.error(message)
    return { ok: false, message }
  }
  try {
    const value = await fn(connectorApi(client))
    if (success) toasts.success(success)
    return { ok: true, value }
  } catch (err) {
    if (err instanceof ApiError && err.unauthorized) session.tokenRejected = true
    const message = err instanceof Error ? err.message : String(err)
    toasts.error(message)
    return { ok: false, message, code: err instanceof ConnectorError ? err.code : '' }
  }
}

/** Scrolls to a settings field and focuses it (hint buttons such as "Add a session id"). */
export function focusField(id: string): void {
  if (typeof document === 'undefined') return
  const el = document.getElementById(id)
  if (!el) return
  el.scrollIntoView({ block: 'center', behavior: 'smooth' })
  if (el instanceof HTMLInputElement || el instanceof HTMLButtonElement) el.focus({ preventScroll: true })
}
