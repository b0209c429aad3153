// A filtered, incrementally maintained window onto an EventLog: the list the
// virtualised feed renders. sync() costs O(new events), not O(log size).

import type { LiveEvent } from '../api'
import type { EventLog, LoggedEvent } from './eventlog'

export type EventPredicate = (e: LiveEvent) => boolean

export interface SyncResult {
  /** Rows appended at the end. */
  added: number
  /** Rows that fell off the front (evicted from the ring). */
  removed: number
}

export class FeedView {
  private readonly log: EventLog
  private predicate: EventPredicate
  private seqs: number[] = []
  private head = 0
  private scanned = 0

  constructor(log: EventLog, predicate: EventPredicate = () => true) {
    this.log = log
    this.predicate = predicate
    this.scanned = log.firstSeq
  }

  get length(): number {
    return this.seqs.length - this.head
  }

  /** Row `i` (0 = oldest shown). */
  at(i: number): LoggedEvent | undefined {
    const seq = this.seqs[this.head + i]
    return seq === undefined ? undefined : this.log.get(seq)
  }

  /** Replaces the filter and rebuilds the rows. */
  setPredicate(p: EventPredicate): void {
    this.predicate = p
    this.seqs = []
    this.head = 0
    this.scanned = this.log.firstSeq
    this.sync()
  }

  /** Brings the rows up to date with the log. */
  sync(): SyncResult {
    const first = this.log.firstSeq
    let removed = 0
    while (this.head < this.seqs.length && (this.seqs[this.head] ?? 0) < first) {
      this.head++
      removed++
    }
    if (this.head > 4096 && this.head * 2 > this.seqs.length) {
      this.seqs = this.seqs.slice(this.head)
      this.head = 0
    }
    let added = 0
    const end = this.log.nextSeq
    for (let s = Math.max(this.scanned, first); s < end; s++) {
      const e = this.log.get(s)
      if (e && this.predicate(e.event)) {
        this.seqs.push(s)
        added++
      }
    }
    this.scanned = end
    return { added, removed }
  }
}
