// A fixed-capacity ring of events addressed by a monotonically increasing
// sequence number. Plain (non-reactive) on purpose: 20,000 events behind
// Svelte proxies would be slow; the UI watches a version counter instead.

import type { LiveEvent } from '../api'

export interface LoggedEvent {
  seq: number
  /** Time it reached the dashboard (unix ms). */
  receivedAt: number
  event: LiveEvent
}

export class EventLog {
  readonly capacity: number
  private readonly buf: (LoggedEvent | undefined)[]
  private next = 0
  /** Sequence numbers below this were cleared. */
  private floor = 0

  constructor(capacity = 20000) {
    if (capacity < 1) throw new Error('capacity must be positive')
    this.capacity = capacity
    this.buf = new Array<LoggedEvent | undefined>(capacity)
  }

  /** Sequence number of the oldest retained event. */
  get firstSeq(): number {
    return Math.max(this.floor, this.next - this.capacity)
  }

  /** Sequence number the next event will get (= total ever pushed). */
  get nextSeq(): number {
    return this.next
  }

  get size(): number {
    return this.next - this.firstSeq
  }

  push(event: LiveEvent, receivedAt = Date.now()): LoggedEvent {
    const entry: LoggedEvent = { seq: this.next, receivedAt, event }
    this.buf[this.next % this.capacity] = entry
    this.next++
    return entry
  }

  /** The event with this sequence number, if still retained. */
  get(seq: number): LoggedEvent | undefined {
    if (seq < this.firstSeq || seq >= this.next) return undefined
    return this.buf[seq % this.capacity]
  }

  /** The newest `n` entries, oldest first. */
  tail(n: number): LoggedEvent[] {
    const out: LoggedEvent[] = []
    for (let s = Math.max(this.firstSeq, this.next - n); s < this.next; s++) {
      const e = this.buf[s % this.capacity]
      if (e) out.push(e)
    }
    return out
  }

  clear(): void {
    this.buf.fill(undefined)
    // sequence numbers keep increasing, so views simply see everything evicted
    this.floor = this.next
  }
}
