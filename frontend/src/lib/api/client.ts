// The dashboard's view of the LTTH REST API. Components use this (through
// the session state), never fetch() or the Wails bindings themselves.

import { feedUrl, overlayUrl, type Connection } from './bootstrap'
import { ApiError, type Fetcher } from './http'
import { desktopServices, restServices, restTransport, type ExportOutcome, type ImportPick, type ImportSource, type Services } from './services'
import type { Health, LiveEvent, ProfileInfo } from './types'

/** A profile export a browser saves. */
export type { DownloadedFile as ProfileExport } from './services'

const enc = encodeURIComponent

/** Message shown when the alerts module is not in this build. */
export const ALERTS_MISSING = 'Pausing alerts is not available in this build yet — the alerts module has not landed.'

/** Message shown when a connector endpoint is not in this build. */
export const CONNECTOR_MISSING =
  'Connecting to TikTok is not available in this build yet — the connector module has not landed.'

/** Awaits a connection call; a route this build lacks becomes CONNECTOR_MISSING. */
async function connectorMissing(p: Promise<unknown>): Promise<void> {
  try {
    await p
  } catch (err) {
    if (err instanceof ApiError && (err.status === 404 || err.status === 405 || err.status === 501)) {
      throw new ApiError(CONNECTOR_MISSING, err.status)
    }
    throw err
  }
}

export class ApiClient {
  readonly conn: Connection
  private readonly fetcher: Fetcher

  /** The migrated services: bindings in the desktop window, else REST (services.ts). */
  readonly services: Services

  constructor(conn: Connection, fetcher: Fetcher = (...a) => fetch(...a)) {
    this.conn = conn
    this.fetcher = fetcher
    const rest = restTransport(conn, fetcher)
    this.services = desktopServices(conn) ?? restServices(rest.call, rest.files)
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

  // --- status ---------------------------------------------------------------

  health(signal?: AbortSignal): Promise<Health> {
    return this.services.health.get(signal)
  }

  // --- events -----------------------------------------------------------------

  /** Publishes a normalized event as if it came from TikTok (marked simulated by the backend). */
  async simulate(event: LiveEvent): Promise<void> {
    await this.services.testEvents.simulate(event)
  }

  /** Recent events from the journal, oldest first. */
  async recentEvents(limit = 200, signal?: AbortSignal): Promise<LiveEvent[]> {
    const list = await abortable(this.services.profiles.recentEvents(limit), signal)
    const events = Array.isArray(list) ? list.slice() : []
    events.sort((a, b) => a.ts - b.ts)
    return events
  }

  /** Through the alerts service; a build without the alerts module says so. */
  async setAlertsPaused(paused: boolean): Promise<void> {
    try {
      await this.services.alerts.pause(paused)
    } catch (err) {
      if (err instanceof ApiError && [404, 405, 501].includes(err.status)) throw new ApiError(ALERTS_MISSING, err.status)
      throw err
    }
  }

  // --- TikTok connection --------------------------------------------------------

  /** Connects to a LIVE (target = @uniqueId). Friendly error while the connector is missing. */
  connect(target: string): Promise<void> {
    return connectorMissing(this.services.connection.connect(target))
  }

  disconnect(): Promise<void> {
    return connectorMissing(this.services.connection.disconnect())
  }

  // --- profiles ---------------------------------------------------------------

  listProfiles(): Promise<ProfileInfo[]> {
    return this.services.profiles.list()
  }

  createProfile(name: string): Promise<void> {
    return this.services.profiles.create(name)
  }

  renameProfile(name: string, newName: string): Promise<void> {
    return this.services.profiles.rename(name, newName)
  }

  duplicateProfile(name: string, newName: string): Promise<void> {
    return this.services.profiles.duplicate(name, newName)
  }

  deleteProfile(name: string): Promise<void> {
    return this.services.profiles.delete(name)
  }

  activateProfile(name: string): Promise<void> {
    return this.services.profiles.switch(name)
  }

  /** URL of a profile export (GET; needs the token, see exportProfile). */
  profileExportUrl(name: string): string {
    return `${this.conn.baseUrl}/api/profiles/${enc(name)}/export`
  }

  /**
   * Exports a profile: the desktop saves it where the streamer picks in a
   * native Save dialog ({saved}: the path, '' when cancelled); a browser
   * gets the file to save ({download}).
   */
  exportProfile(name: string, includeSecrets = false): Promise<ExportOutcome> {
    return this.services.profiles.export(name, includeSecrets)
  }

  /**
   * Desktop only: picks a profile file in a native Open dialog (null when
   * cancelled). Null in a browser, which picks the file with a file input.
   */
  get chooseProfileImport(): (() => Promise<ImportPick | null>) | null {
    return this.services.profiles.chooseImport
  }

  /** Imports a profile file (a browser's File, or the desktop's pick) under the given name. */
  importProfile(name: string, file: ImportSource): Promise<void> {
    return this.services.profiles.import(name, file)
  }
}

/** p, rejected with an AbortError once signal aborts. */
function abortable<T>(p: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return p
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(signal.reason ?? new DOMException('aborted', 'AbortError'))
    if (signal.aborted) return abort()
    signal.addEventListener('abort', abort, { once: true })
    p.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort))
  })
}
