// The live feed inside the desktop window: Wails runtime events instead of
// /ws. Go (app_feed.go, the one list of runtime event names) emits batches
// of /ws envelopes as the `ltth:feed` event about every 32 ms; the retained
// state comes once from the bound App.FeedSnapshot. Same handlers as
// FeedClient, so the live state does not know which one runs.

import type { Connection } from './bootstrap'
import { FeedClient, parseFeedPayload, type FeedHandlers, type FeedOptions } from './feed'
import type { FeedMessage } from './types'

/** Runtime event names (app_feed.go). */
export const RUNTIME_FEED_EVENT = 'ltth:feed'

export interface RuntimeBridge {
  on(event: string, cb: (payload: unknown) => void): () => void
  snapshot(): Promise<string>
}

/** What both feed sources offer. */
export interface FeedSource {
  start(): void
  stop(): void
  reconnectNow(): void
}

interface WailsGlobals {
  runtime?: { EventsOnMultiple?: (name: string, cb: (...data: unknown[]) => void, max: number) => () => void }
  go?: { main?: { App?: { FeedSnapshot?: () => Promise<string> } } }
}

/** The Wails runtime feed bridge, or null outside the desktop window. */
export function runtimeBridge(g: WailsGlobals = globalThis as WailsGlobals): RuntimeBridge | null {
  const on = g.runtime?.EventsOnMultiple
  const snap = g.go?.main?.App?.FeedSnapshot
  if (!on || !snap) return null
  return { on: (name, cb) => on(name, (payload) => cb(payload), -1), snapshot: () => snap() }
}

export class RuntimeFeed implements FeedSource {
  private off: (() => void) | null = null
  private generation = 0

  constructor(
    private readonly bridge: RuntimeBridge,
    private readonly handlers: FeedHandlers,
  ) {}

  start(): void {
    if (this.off) return
    this.open()
  }

  stop(): void {
    this.generation++
    this.off?.()
    this.off = null
    this.handlers.onStatus('closed')
  }

  /** Re-reads the retained state (e.g. after a profile switch). */
  reconnectNow(): void {
    if (!this.off) return
    this.off()
    this.off = null
    this.open()
  }

  private open(): void {
    const gen = ++this.generation
    this.handlers.onStatus('connecting')
    // Batches that arrive before the snapshot wait for it (state order).
    let early: FeedMessage[] | null = []
    this.off = this.bridge.on(RUNTIME_FEED_EVENT, (payload) => {
      if (typeof payload !== 'string' || gen !== this.generation) return
      const { messages } = parseFeedPayload(payload)
      if (early) early.push(...messages)
      else if (messages.length) this.handlers.onMessages(messages, false)
    })
    this.bridge.snapshot().then(
      (raw) => {
        if (gen !== this.generation) return
        const { snapshot } = parseFeedPayload(raw)
        this.handlers.onMessages(snapshot ?? [], true)
        const pending = early ?? []
        early = null
        if (pending.length) this.handlers.onMessages(pending, false)
        this.handlers.onStatus('open')
      },
      () => {
        if (gen !== this.generation) return
        early = null
        this.handlers.onStatus('open') // live messages still flow
      },
    )
  }
}

/** Runtime events in the desktop window, /ws in a browser. */
export function openFeed(conn: Pick<Connection, 'mode'>, wsUrl: string, handlers: FeedHandlers, opts?: FeedOptions): FeedSource {
  const bridge = conn.mode === 'wails' ? runtimeBridge() : null
  return bridge ? new RuntimeFeed(bridge, handlers) : new FeedClient(wsUrl, handlers, opts)
}
