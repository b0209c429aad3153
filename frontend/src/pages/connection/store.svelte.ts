// State of the Connection page: the connector status (polled every 2 s
// while the page is shown and the window visible, and refetched at once on
// `connection` messages from /ws) and the saved settings.

import {
  ApiError,
  connectorApi,
  mergeConnectorMessage,
  type ApiClient,
  type ConnectorApi,
  type ConnectorSettings,
  type ConnectorStatus,
  type ReplaySpeed,
} from '../../lib/api'

export const POLL_MS = 2000

export class ConnectionStore {
  status = $state.raw<ConnectorStatus | null>(null)
  settings = $state.raw<ConnectorSettings | null>(null)
  /** Last status fetch failed (message); cleared by the next success. */
  error = $state('')
  /** The connector is not in this build. */
  missing = $state(false)
  /** The "Advanced" section (sources, keys, sign server, browser path, captures) is open. */
  advancedOpen = $state(false)
  /** Wall clock for countdowns and open gaps, ticking once a second. */
  now = $state(Date.now())

  private api: ConnectorApi | null = null
  private timer: ReturnType<typeof setTimeout> | null = null
  private clock: ReturnType<typeof setInterval> | null = null
  private inflight = false
  private again = false
  private stopped = true
  private readonly onVisible = () => {
    if (!document.hidden) void this.refresh()
  }

  start(client: ApiClient): void {
    this.stop()
    this.api = connectorApi(client)
    this.stopped = false
    if (typeof document !== 'undefined') document.addEventListener('visibilitychange', this.onVisible)
    this.clock = setInterval(() => {
      if (typeof document === 'undefined' || !document.hidden) this.now = Date.now()
    }, 1000)
    void this.refresh()
    void this.loadSettings()
  }

  stop(): void {
    this.stopped = true
    if (this.timer) clearTimeout(this.timer)
    if (this.clock) clearInterval(this.clock)
    this.timer = this.clock = null
    if (typeof document !== 'undefined') document.removeEventListener('visibilitychange', this.onVisible)
  }

  get connector(): ConnectorApi | null {
    return this.api
  }

  /**
   * Fetches the status now. Calls while a fetch runs are folded into one
   * more fetch after it, so a burst of feed messages costs two requests.
   */
  async refresh(): Promise<void> {
    const api = this.api
    if (!api || this.stopped) return
    if (this.inflight) {
      this.again = true
      return
    }
    this.inflight = true
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    try {
      const s = await api.status(AbortSignal.timeout(POLL_MS * 2))
      if (this.api !== api) return
      this.status = s
      this.error = ''
      this.missing = false
    } catch (err) {
      if (this.api !== api) return
      this.missing = err instanceof ApiError && err.notAvailable
      this.error = err instanceof Error ? err.message : String(err)
    } finally {
      this.inflight = false
      if (!this.stopped && this.api === api) {
        if (this.again) {
          this.again = false
          void this.refresh()
        } else {
          this.schedule()
        }
      }
    }
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = setTimeout(() => {
      this.timer = null
      if (typeof document !== 'undefined' && document.hidden) {
        this.schedule() // hidden window: wait, visibilitychange refreshes at once
        return
      }
      void this.refresh()
    }, POLL_MS)
  }

  /** A `connection` message from /ws: show it at once, then fetch timeline and gaps. */
  onFeedMessage(data: unknown): void {
    const merged = mergeConnectorMessage(this.status, data)
    if (merged && this.status) this.status = merged
    void this.refresh()
  }

  /** Applies a status returned by connect / disconnect. */
  setStatus(s: ConnectorStatus): void {
    this.status = s
  }

  async loadSettings(): Promise<void> {
    const api = this.api
    if (!api) return
    try {
      const s = await api.settings()
      if (this.api === api) this.settings = s
    } catch (err) {
      if (this.api !== api) return
      if (err instanceof ApiError && err.notAvailable) this.missing = true
      else this.error = err instanceof Error ? err.message : String(err)
    }
  }

  setSettings(s: ConnectorSettings): void {
    this.settings = s
  }
}

/** The replay form, kept while the user visits the Live feed and comes back. */
export const replayForm = $state<{ path: string; speed: ReplaySpeed }>({ path: '', speed: 1 })
