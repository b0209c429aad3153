// Holds the dashboard back while the desktop app's listener is not bound
// (its port was busy at start): App.svelte awaits wait() before the
// session starts, and the port notice calls release() once a port is bound.

import { listenStatus, type ListenStatus } from '../api'

class ListenGate {
  /** The not-listening status while the notice is shown, else null. */
  blocked = $state<ListenStatus | null>(null)
  #release: (() => void) | null = null

  /** Resolves at once when listening (or in a plain browser), else when release() is called. */
  async wait(win?: unknown): Promise<void> {
    let st: ListenStatus | null
    try {
      st = await listenStatus(win)
    } catch {
      return // an old app without the method: the session reports any problem
    }
    if (!st || st.listening) return
    this.blocked = st
    await new Promise<void>((resolve) => (this.#release = resolve))
  }

  /** The listener is bound now: the dashboard continues. */
  release(): void {
    this.blocked = null
    this.#release?.()
    this.#release = null
  }
}

export const listenGate = new ListenGate()
