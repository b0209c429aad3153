// The dashboard's view of the LTTH REST API. Components use this (through
// the session state), never fetch() or the Wails bindings themselves.

import { feedUrl, overlayUrl, type Connection } from './bootstrap'
import { ApiError, apiErrorFrom, filenameFromDisposition, request, type Fetcher } from './http'
import { desktopServices, restServices, type Services } from './services'
import type { Health, LiveEvent, ProfileInfo } from './types'
import { m } from '../i18n'

export interface ProfileExport {
  blob: Blob
  filename: string
}

const enc = encodeURIComponent

/** Message shown when the alerts module is not in this build. */
export const ALERTS_MISSING = 'Pausing alerts is not available in this build yet — the alerts module has not landed.'

/** Message shown when a connector endpoint is not in this build. */
export const CONNECTOR_MISSING =
  'Connecting to TikTok is not available in this build yet — the connector module has not landed.'

export class ApiClient {
  readonly conn: Connection
  private readonly fetcher: Fetcher

  /** The migrated services: bindings in the desktop window, else REST (services.ts). */
  readonly services: Services

  constructor(conn: Connection, fetcher: Fetcher = (...a) => fetch(...a)) {
    this.conn = conn
    this.fetcher = fetcher
    this.services =
      desktopServices(conn) ??
      restServices((method, path, json) => this.req(method, path, json === undefined ? {} : { json }), {
        status: () => this.req('GET', '/api/connection'),
        connect: (target) => this.optionalPost('/api/connection/connect', { target }, CONNECTOR_MISSING),
        disconnect: () => this.optionalPost('/api/connection/disconnect', {}, CONNECTOR_MISSING),
      })
  }

  /** Same client with another token (user pasted one). */
  withToken(token: string): ApiClient {
    return new ApiClient({ ...this.conn, token }, this.fetcher)
  }

  get hasToken(): boolean {
    return this.conn.token !== ''
  }

  get feedUrl(): string {
    return feedUrl(this.conn.baseUrl)
  }

  get overlayUrl(): string {
    return this.conn.overlayUrl || overlayUrl(this.conn.baseUrl)
  }

  private req<T>(method: string, path: string, opts?: Parameters<typeof request>[3]): Promise<T> {
    return request<T>(this.conn, method, path, opts, this.fetcher)
  }

  // --- status ---------------------------------------------------------------

  health(signal?: AbortSignal): Promise<Health> {
    return this.req<Health>('GET', '/api/health', { signal })
  }

  // --- events -----------------------------------------------------------------

  /** Publishes a normalized event as if it came from TikTok (marked simulated by the backend). */
  async simulate(event: LiveEvent): Promise<void> {
    await this.services.testEvents.simulate(event)
  }

  /** Recent events from the journal, oldest first. */
  async recentEvents(limit = 200, signal?: AbortSignal): Promise<LiveEvent[]> {
    const list = await this.req<LiveEvent[] | null>('GET', `/api/events/recent?limit=${limit}`, { signal })
    const events = Array.isArray(list) ? list.slice() : []
    events.sort((a, b) => a.ts - b.ts)
    return events
  }

  setAlertsPaused(paused: boolean): Promise<void> {
    return this.optionalPost('/api/alerts/pause', { paused }, ALERTS_MISSING)
  }

  // --- TikTok connection --------------------------------------------------------

  /** Connects to a LIVE (target = @uniqueId). Friendly error while the connector is missing. */
  async connect(target: string): Promise<void> {
    await this.services.connection.connect(target)
  }

  async disconnect(): Promise<void> {
    await this.services.connection.disconnect()
  }

  /** POST to an endpoint whose module may not be in this build: 404 becomes `missing`. */
  private async optionalPost(path: string, body: unknown, missing: string): Promise<void> {
    try {
      await this.req<void>('POST', path, { json: body, expect: 'none' })
    } catch (err) {
      if (err instanceof ApiError && (err.status === 404 || err.status === 405 || err.status === 501)) {
        throw new ApiError(missing, err.status)
      }
      throw err
    }
  }

  // --- profiles ---------------------------------------------------------------

  listProfiles(): Promise<ProfileInfo[]> {
    return this.services.profiles.list()
  }

  createProfile(name: string): Promise<void> {
    return this.req<void>('POST', '/api/profiles', { json: { name }, expect: 'none' })
  }

  renameProfile(name: string, newName: string): Promise<void> {
    return this.req<void>('POST', `/api/profiles/${enc(name)}/rename`, { json: { newName }, expect: 'none' })
  }

  duplicateProfile(name: string, newName: string): Promise<void> {
    return this.req<void>('POST', `/api/profiles/${enc(name)}/duplicate`, { json: { newName }, expect: 'none' })
  }

  deleteProfile(name: string): Promise<void> {
    return this.req<void>('DELETE', `/api/profiles/${enc(name)}`, { expect: 'none' })
  }

  activateProfile(name: string): Promise<void> {
    return this.services.profiles.switch(name)
  }

  /** URL of a profile export (GET; needs the token, see exportProfile). */
  profileExportUrl(name: string): string {
    return `${this.conn.baseUrl}/api/profiles/${enc(name)}/export`
  }

  /** Fetches a profile export as a file. */
  async exportProfile(name: string): Promise<ProfileExport> {
    let res: Response
    try {
      const headers: Record<string, string> = this.conn.token ? { Authorization: `Bearer ${this.conn.token}` } : {}
      res = await this.fetcher(this.profileExportUrl(name), { cache: 'no-store', headers })
    } catch {
      throw new ApiError(m.api_unreachable({ url: this.conn.baseUrl }), 0)
    }
    if (!res.ok) throw await apiErrorFrom(res)
    const filename = filenameFromDisposition(res.headers.get('Content-Disposition')) || `${name}.db`
    return { blob: await res.blob(), filename }
  }

  /** Imports a profile file under the given name. */
  importProfile(name: string, file: Blob): Promise<void> {
    return this.req<void>('POST', `/api/profiles/import?name=${enc(name)}`, { body: file, expect: 'none' })
  }
}
