// Live state from the feed (/ws in a browser, runtime events on the desktop): the event ring, connection state, alert
// pause, goals and leaderboards. The ring itself is plain; `version` is the
// one reactive signal the feed watches (bumped at most once per frame).

import {
  isEventType,
  openFeed,
  type FeedSource,
  pluginsFromState,
  type ApiClient,
  type ConnectionState,
  type FeedMessage,
  type GoalState,
  type LeaderboardState,
  type LinkStatus,
  type LiveEvent,
  type PluginInfo,
} from '../api'
import { EventLog } from '../feed/eventlog'
import { RateMeter } from './rate'
import { session } from './session.svelte'

export const FEED_CAPACITY = 20000
const BACKFILL_LIMIT = 500
const DEDUPE_KEYS = 5000

function eventKey(e: LiveEvent): string {
  return `${e.type}:${e.id}:${e.ts}`
}

function asConnection(data: unknown): ConnectionState | null {
  if (data && typeof data === 'object' && typeof (data as { state?: unknown }).state === 'string') {
    return data as ConnectionState
  }
  return null
}

class LiveState {
  readonly log = new EventLog(FEED_CAPACITY)
  /** Bumped whenever the log changed (at most once per animation frame). */
  version = $state(0)
  link = $state<LinkStatus>('connecting')
  retryInMs = $state<number | undefined>(undefined)
  connection = $state<ConnectionState | null>(null)
  alertsPaused = $state(false)
  goals = $state<Record<string, GoalState>>({})
  leaderboards = $state<Record<string, LeaderboardState>>({})
  /** The plugin host's retained `plugins` message (null until one arrives). */
  plugins = $state<PluginInfo[] | null>(null)
  /** Events per second (live events only, 5 s window). */
  rate = $state(0)
  /** Live events received since the dashboard opened (updated once a second). */
  received = $state(0)

  private readonly meter = new RateMeter(5)
  private receivedCount = 0
  private client: FeedSource | null = null
  private api: ApiClient | null = null
  private bumpScheduled = false
  private rateTimer: ReturnType<typeof setInterval> | null = null
  private backfilling = false
  private pending: LiveEvent[] = []
  private keys = new Set<string>()
  private keyOrder: string[] = []
  private lastTs = 0

  start(api: ApiClient): void {
    this.stop()
    this.api = api
    this.client = openFeed(api.conn, api.feedUrl, {
      onMessages: (msgs, snapshot) => this.ingest(msgs, snapshot),
      onStatus: (status, retry) => {
        this.link = status
        this.retryInMs = retry
        if (status === 'open') void this.backfill()
      },
    })
    this.client.start()
    this.rateTimer = setInterval(() => {
      this.rate = this.meter.rate()
      this.received = this.receivedCount
    }, 1000)
  }

  stop(): void {
    this.client?.stop()
    this.client = null
    if (this.rateTimer) clearInterval(this.rateTimer)
    this.rateTimer = null
  }

  /** Reconnect the feed now (after a profile switch). */
  reconnect(): void {
    this.client?.reconnectNow()
  }

  /** Clears the feed (the ring only; the journal keeps everything). */
  clearFeed(): void {
    this.log.clear()
    this.keys.clear()
    this.keyOrder = []
    this.bump()
  }

  ingest(messages: FeedMessage[], snapshot = false): void {
    // A snapshot is the whole retained state (sent on every (re)connect, e.g.
    // after a profile switch): what it does not name is gone.
    if (snapshot) {
      this.goals = {}
      this.leaderboards = {}
    }
    for (const m of messages) {
      if (isEventType(m.type)) {
        const ev = m.data as LiveEvent | null
        if (!ev || typeof ev !== 'object') continue
        const e = ev.type ? ev : { ...ev, type: m.type, ts: ev.ts ?? m.ts }
        if (this.backfilling) this.pending.push(e)
        else this.append(e)
        if (!snapshot) {
          this.meter.add(1)
          this.receivedCount++
        }
        continue
      }
      this.applyState(m)
    }
  }

  private applyState(m: FeedMessage): void {
    switch (m.type) {
      case 'connection': {
        const c = asConnection(m.data)
        if (c) this.connection = c
        break
      }
      case 'alertsPaused': {
        const d = m.data as { paused?: unknown } | null
        this.alertsPaused = Boolean(d?.paused)
        break
      }
      case 'goal': {
        const g = m.data as GoalState | null
        if (g?.id) this.goals = { ...this.goals, [g.id]: g }
        break
      }
      case 'leaderboard': {
        const l = m.data as LeaderboardState | null
        if (l?.board) this.leaderboards = { ...this.leaderboards, [`${l.board}:${l.period}`]: l }
        break
      }
      case 'plugins': {
        const list = pluginsFromState(m.data)
        if (list) this.plugins = list
        break
      }
      default:
        // alert, alertControl and future state types: nothing to show here yet
        break
    }
  }

  /**
   * Adds an event to the ring. Live events are never dropped (the backend
   * de-duplicates); journal backfill skips what the feed already delivered.
   */
  private append(e: LiveEvent, backfill = false): void {
    if (e.id) {
      const key = eventKey(e)
      if (backfill && this.keys.has(key)) return
      this.keys.add(key)
      this.keyOrder.push(key)
      if (this.keyOrder.length > DEDUPE_KEYS * 2) {
        for (const k of this.keyOrder.splice(0, this.keyOrder.length - DEDUPE_KEYS)) this.keys.delete(k)
      }
    }
    if (e.ts > this.lastTs) this.lastTs = e.ts
    this.log.push(e)
    this.scheduleBump()
  }

  /** After (re)connecting: fill in what the journal has that the feed missed. */
  private async backfill(): Promise<void> {
    const api = session.api ?? this.api // carries a token pasted after start (reads need it)
    if (!api || this.backfilling) return
    this.backfilling = true
    const since = this.log.size > 0 ? this.lastTs : 0
    try {
      const recent = await api.recentEvents(BACKFILL_LIMIT, AbortSignal.timeout(4000))
      for (const e of recent) if (isEventType(e?.type) && e.ts >= since) this.append(e, true)
    } catch {
      // the journal may be unavailable: the live feed still works
    } finally {
      this.backfilling = false
      const queued = this.pending
      this.pending = []
      for (const e of queued) this.append(e)
    }
  }

  private scheduleBump(): void {
    if (this.bumpScheduled) return
    this.bumpScheduled = true
    const run = () => {
      this.bumpScheduled = false
      this.version++
    }
    if (typeof requestAnimationFrame === 'function' && typeof document !== 'undefined' && !document.hidden) {
      requestAnimationFrame(run)
    } else {
      setTimeout(run, 100)
    }
  }

  private bump(): void {
    this.version++
  }
}

export const live = new LiveState()
