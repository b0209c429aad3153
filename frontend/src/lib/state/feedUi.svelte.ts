// What the user chose in the live feed (kept across page switches).

import { EVENT_TYPES, type EventType, type LiveEvent } from '../api'
import type { EventPredicate } from '../feed/view'

// A chip is a selection, not a mute button: nothing picked shows every
// type ("All"); clicking "Gift" then shows gifts (and only the picked types).
class FeedUi {
  /** Types the user picked; empty = all. */
  picked = $state<EventType[]>([])
  search = $state('')
  /** Stick to the newest event. */
  follow = $state(true)

  /** Types shown. */
  get shown(): EventType[] {
    return this.picked.length ? this.picked : [...EVENT_TYPES]
  }

  get filtered(): boolean {
    return this.picked.length > 0 || this.search.trim() !== ''
  }

  isPicked(t: EventType): boolean {
    return this.picked.includes(t)
  }

  /** Adds t to the selection, or removes it; picking every type means All. */
  toggle(t: EventType): void {
    const next = this.picked.includes(t) ? this.picked.filter((x) => x !== t) : [...this.picked, t]
    this.picked = next.length === EVENT_TYPES.length ? [] : next
  }

  only(t: EventType): void {
    this.picked = [t]
  }

  showAll(): void {
    this.picked = []
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
