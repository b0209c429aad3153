// What the user chose in the live feed (kept across page switches).

import { EVENT_TYPES, type EventType, type LiveEvent } from '../api'
import type { EventPredicate } from '../feed/view'

class FeedUi {
  /** Types shown; all by default. */
  shown = $state<EventType[]>([...EVENT_TYPES])
  search = $state('')
  /** Stick to the newest event. */
  follow = $state(true)

  get filtered(): boolean {
    return this.shown.length !== EVENT_TYPES.length || this.search.trim() !== ''
  }

  toggle(t: EventType): void {
    this.shown = this.shown.includes(t) ? this.shown.filter((x) => x !== t) : [...this.shown, t]
  }

  only(t: EventType): void {
    this.shown = [t]
  }

  showAll(): void {
    this.shown = [...EVENT_TYPES]
  }

  /** A predicate for the current choices (snapshot: rebuild when they change). */
  predicate(): EventPredicate {
    const types = new Set<string>(this.shown)
    const q = this.search.trim().toLowerCase()
    if (!q) return (e) => types.has(e.type)
    return (e: LiveEvent) =>
      types.has(e.type) &&
      [e.nickname, e.uniqueId, e.comment, e.giftName, e.question].some((s) => s !== undefined && s.toLowerCase().includes(q))
  }
}

export const feedUi = new FeedUi()
