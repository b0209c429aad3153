// Polls GET /api/health: version, uptime, bus subscriber counters. Tracks
// which subscribers dropped messages recently so the header can flag them.

import type { ApiClient, BusStats, ConnectionState, Health } from '../api'

const POLL_MS = 2000
/** A subscriber counts as "dropping" this long after its counter last rose. */
const DROP_HIGHLIGHT_MS = 15000

class HealthState {
  health = $state.raw<Health | null>(null)
  /** Last poll failed: the listener is unreachable. */
  error = $state('')
  /** Subscriber names whose drop counter rose within the highlight window. */
  dropping = $state<string[]>([])

  private timer: ReturnType<typeof setTimeout> | null = null
  private api: ApiClient | null = null
  private lastDropped = new Map<string, number>()
  private lastRise = new Map<string, number>()

  get bus(): BusStats[] {
    return this.health?.bus ?? []
  }

  get totalDropped(): number {
    return this.bus.reduce((n, s) => n + (s.dropped ?? 0), 0)
  }

  /** Why the backend is degraded (not saving), or '' when it is fine. */
  get degraded(): string {
    return degradedReason(this.health)
  }

  /** Connection state as reported by health (fallback before /ws speaks). */
  get connection(): ConnectionState | null {
    const c = this.health?.connection
    if (!c) return null
    if (typeof c === 'string') return { state: c }
    return typeof c.state === 'string' ? c : null
  }

  start(api: ApiClient): void {
    this.stop()
    this.api = api
    void this.poll()
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    this.api = null
  }

  /** Polls now (e.g. after a profile switch). */
  refresh(): void {
    if (!this.api) return
    if (this.timer) clearTimeout(this.timer)
    void this.poll()
  }

  private async poll(): Promise<void> {
    const api = this.api
    if (!api) return
    try {
      const h = await api.health(AbortSignal.timeout(POLL_MS * 2))
      if (this.api !== api) return
      this.health = h
      this.error = ''
      this.trackDrops(h.bus ?? [])
    } catch (err) {
      if (this.api !== api) return
      this.error = err instanceof Error ? err.message : String(err)
    }
    this.timer = setTimeout(() => void this.poll(), POLL_MS)
  }

  private trackDrops(bus: BusStats[]): void {
    const now = Date.now()
    for (const s of bus) {
      const prev = this.lastDropped.get(s.name)
      if (prev !== undefined && s.dropped > prev) this.lastRise.set(s.name, now)
      this.lastDropped.set(s.name, s.dropped)
    }
    const names: string[] = []
    for (const [name, at] of this.lastRise) if (now - at < DROP_HIGHLIGHT_MS) names.push(name)
    names.sort()
    if (names.join('\n') !== this.dropping.join('\n')) this.dropping = names
  }
}

/** The reason of a degraded health answer ('' when status is not "degraded"). */
export function degradedReason(h: Health | null): string {
  if (!h || h.status !== 'degraded') return ''
  return typeof h.reason === 'string' && h.reason ? h.reason : 'LTTH is not saving data'
}

export const health = new HealthState()
