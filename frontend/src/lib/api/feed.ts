// Client for the listener's /ws feed: parses single messages and batches,
// unpacks the snapshot, reconnects with capped exponential backoff.

import type { FeedMessage } from './types'

export type LinkStatus = 'connecting' | 'open' | 'closed'

export interface FeedHandlers {
  /** Messages in arrival order; `snapshot` is true for the state replayed on connect. */
  onMessages(messages: FeedMessage[], snapshot: boolean): void
  /** Link changes; on `closed`, `retryInMs` says when the next attempt is. */
  onStatus(status: LinkStatus, retryInMs?: number): void
}

export interface WebSocketLike {
  onopen: ((ev: unknown) => void) | null
  onclose: ((ev: unknown) => void) | null
  onerror: ((ev: unknown) => void) | null
  onmessage: ((ev: { data: unknown }) => void) | null
  close(): void
}

export type SocketFactory = (url: string) => WebSocketLike

export interface FeedOptions {
  minDelayMs?: number
  maxDelayMs?: number
  socket?: SocketFactory
}

function isMessage(v: unknown): v is FeedMessage {
  return typeof v === 'object' && v !== null && typeof (v as { type?: unknown }).type === 'string'
}

/**
 * Parses one websocket payload into messages. A `snapshot` message is
 * returned separately with its contents unpacked.
 */
export function parseFeedPayload(raw: string): { messages: FeedMessage[]; snapshot: FeedMessage[] | null } {
  let parsed: unknown
  try {
    parsed = JSON.parse(raw)
  } catch {
    return { messages: [], snapshot: null }
  }
  const list = Array.isArray(parsed) ? parsed : [parsed]
  const messages: FeedMessage[] = []
  let snapshot: FeedMessage[] | null = null
  for (const item of list) {
    if (!isMessage(item)) continue
    const msg: FeedMessage = { type: item.type, ts: typeof item.ts === 'number' ? item.ts : Date.now(), data: item.data }
    if (msg.type === 'snapshot') {
      const inner: FeedMessage[] = Array.isArray(msg.data) ? msg.data.filter(isMessage) : []
      snapshot = snapshot ? snapshot.concat(inner) : inner
    } else {
      messages.push(msg)
    }
  }
  return { messages, snapshot }
}

/** Delay before reconnect attempt `attempt` (0-based), with ±20 % jitter. */
export function backoffDelay(attempt: number, minMs: number, maxMs: number, rand: () => number = Math.random): number {
  const base = Math.min(maxMs, minMs * 2 ** Math.min(attempt, 16))
  return Math.round(base * (0.8 + 0.4 * rand()))
}

/** A self-reconnecting subscription to the /ws feed. */
export class FeedClient {
  private readonly url: string
  private readonly handlers: FeedHandlers
  private readonly minDelay: number
  private readonly maxDelay: number
  private readonly factory: SocketFactory
  private ws: WebSocketLike | null = null
  private timer: ReturnType<typeof setTimeout> | null = null
  private attempt = 0
  private stopped = true

  constructor(url: string, handlers: FeedHandlers, opts: FeedOptions = {}) {
    this.url = url
    this.handlers = handlers
    this.minDelay = opts.minDelayMs ?? 500
    this.maxDelay = opts.maxDelayMs ?? 15000
    this.factory = opts.socket ?? ((u) => new WebSocket(u) as unknown as WebSocketLike)
  }

  start(): void {
    if (!this.stopped) return
    this.stopped = false
    this.open()
  }

  stop(): void {
    this.stopped = true
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    const ws = this.ws
    this.ws = null
    if (ws) {
      ws.onclose = ws.onerror = ws.onmessage = ws.onopen = null
      ws.close()
    }
    this.handlers.onStatus('closed')
  }

  /** Drops the current socket and reconnects at once (e.g. after a profile switch). */
  reconnectNow(): void {
    if (this.stopped) return
    this.attempt = 0
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    const ws = this.ws
    this.ws = null
    if (ws) {
      ws.onclose = ws.onerror = ws.onmessage = ws.onopen = null
      ws.close()
    }
    this.open()
  }

  private open(): void {
    this.handlers.onStatus('connecting')
    let ws: WebSocketLike
    try {
      ws = this.factory(this.url)
    } catch {
      this.scheduleRetry()
      return
    }
    this.ws = ws
    ws.onopen = () => {
      this.attempt = 0
      this.handlers.onStatus('open')
    }
    ws.onmessage = (ev) => {
      if (typeof ev.data !== 'string') return
      const { messages, snapshot } = parseFeedPayload(ev.data)
      if (snapshot) this.handlers.onMessages(snapshot, true)
      if (messages.length) this.handlers.onMessages(messages, false)
    }
    ws.onerror = () => {
      // onclose follows and handles the retry
    }
    ws.onclose = () => {
      if (this.ws !== ws) return
      this.ws = null
      this.scheduleRetry()
    }
  }

  private scheduleRetry(): void {
    if (this.stopped) return
    const delay = backoffDelay(this.attempt++, this.minDelay, this.maxDelay)
    this.handlers.onStatus('closed', delay)
    this.timer = setTimeout(() => {
      this.timer = null
      if (!this.stopped) this.open()
    }, delay)
  }
}
