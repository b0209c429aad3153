// A filtered, incrementally maintained window onto an EventLog: the list the
// virtualised feed renders. sync() costs O(new events), not O(log size).

import type { LiveEvent } from '../api'
import type { EventLog, LoggedEvent } from './eventlog'

export type EventPredicate = (e: LiveEvent) => boolean

/** How long apart two likes of one viewer may be and still fold (ms of event time). */
export const LIKE_BURST_MS = 10_000

/** A shown row: one event, or a burst of one viewer's likes folded into one. */
export interface FeedRow extends LoggedEvent {
  /** Number of like events folded into this row (absent or 1 = not folded). */
  folded?: number
}

interface Fold {
  count: number
  likes: number
  last: LoggedEvent
}

/** The viewer a like belongs to, or '' when it cannot be told. */
function likeKey(e: LiveEvent): string {
  if (e.type !== 'like') return ''
  return e.uniqueId || e.userId || ''
}

export interface SyncResult {
  /** Rows appended at the end. */
  added: number
  /** Rows that fell off the front (evicted from the ring). */
  removed: number
  /** Likes folded into rows already shown. */
  changed: number
}

export class FeedView {
  private readonly log: EventLog
  private predicate: EventPredicate
  private seqs: number[] = []
  private head = 0
  private scanned = 0
  /** Folded like rows by the seq of their first event. */
  private folds = new Map<number, Fold>()
  /** Newest like row of each viewer: seq of the row's first event. */
  private lastLike = new Map<string, number>()

  constructor(log: EventLog, predicate: EventPredicate = () => true) {
    this.log = log
    this.predicate = predicate
    this.scanned = log.firstSeq
  }

  get length(): number {
    return this.seqs.length - this.head
  }

  /** Row `i` (0 = oldest shown). A folded row shows the newest like with the burst's total. */
  at(i: number): FeedRow | undefined {
    const seq = this.seqs[this.head + i]
    if (seq === undefined) return undefined
    const first = this.log.get(seq)
    const f = this.folds.get(seq)
    if (!first || !f) return first
    return { seq, receivedAt: f.last.receivedAt, event: { ...f.last.event, likeCount: f.likes }, folded: f.count }
  }

  /** Folds a like into the viewer's previous like row when it is part of the same burst. */
  private fold(entry: LoggedEvent): boolean {
    const key = likeKey(entry.event)
    if (!key) return false
    const row = this.lastLike.get(key)
    const first = row === undefined ? undefined : this.log.get(row)
    if (row === undefined || !first) {
      if (this.lastLike.size > 5000) this.lastLike.clear()
      this.lastLike.set(key, entry.seq)
      return false
    }
    const f = this.folds.get(row) ?? { count: 1, likes: first.event.likeCount ?? 1, last: first }
    if (Math.abs(entry.event.ts - f.last.event.ts) > LIKE_BURST_MS) {
      this.lastLike.set(key, entry.seq)
      return false
    }
    f.count++
    f.likes += entry.event.likeCount ?? 1
    f.last = entry
    this.folds.set(row, f)
    return true
  }

  /** Replaces the filter and rebuilds the rows. */
  setPredicate(p: EventPredicate): void {
    this.predicate = p
    this.seqs = []
    this.head = 0
    this.scanned = this.log.firstSeq
    this.folds.clear()
    this.lastLike.clear()
    this.sync()
  }

  /** Brings the rows up to date with the log. */
  sync(): SyncResult {
    const first = this.log.firstSeq
    let removed = 0
    while (this.head < this.seqs.length && (this.seqs[this.head] ?? 0) < first) {
      this.folds.delete(this.seqs[this.head] ?? -1)
      this.head++
      removed++
    }
    if (this.head > 4096 && this.head * 2 > this.seqs.length) {
      this.seqs = this.seqs.slice(this.head)
      this.head = 0
    }
    let added = 0
    let changed = 0
    const end = this.log.nextSeq
    for (let s = Math.max(this.scanned, first); s < end; s++) {
      const e = this.log.get(s)
      if (!e || !this.predicate(e.event)) continue
      if (this.fold(e)) {
        changed++
        continue
      }
      this.seqs.push(s)
      added++
    }
    this.scanned = end
    return { added, removed, changed }
  }
}
