// The desktop app's listener status, through its bound Go methods only:
// when the overlay port was busy at start the listener is not bound, so
// HTTP cannot be used to ask. In a plain browser (headless mode) the page
// is served by the listener, which therefore runs: every call here says so.

import { m } from '../i18n'

/** Whether the overlay/API listener is bound (Go: core.ListenStatus). */
export interface ListenStatus {
  listening: boolean
  /** Base URL of the listener (the one asked for while not listening). */
  url: string
  /** Port in use, or the one asked for. */
  port: number
  /** Why the listener is not bound. */
  error?: string
  /** "name (pid N)" of the program holding the port, when the OS can tell. */
  holder?: string
}

interface ListenBindings {
  ListenStatus?: () => Promise<ListenStatus>
  SuggestPort?: () => Promise<number>
  ChoosePort?: (port: number) => Promise<ListenStatus>
  RetryListen?: () => Promise<ListenStatus>
}

function listenBindings(win: unknown): ListenBindings | undefined {
  const app = (win as { go?: { main?: { App?: ListenBindings } } } | undefined)?.go?.main?.App
  return typeof app?.ListenStatus === 'function' ? app : undefined
}

const defaultWin = (): unknown => (typeof window !== 'undefined' ? window : undefined)

/** The listener's status; null outside the desktop window (nothing to check). */
export async function listenStatus(win: unknown = defaultWin()): Promise<ListenStatus | null> {
  const app = listenBindings(win)
  return app?.ListenStatus ? app.ListenStatus() : null
}

/** A free port to offer instead of the busy one (port + 1 when the app cannot suggest one). */
export async function suggestPort(current: number, win: unknown = defaultWin()): Promise<number> {
  const app = listenBindings(win)
  const p = app?.SuggestPort ? await app.SuggestPort().catch(() => 0) : 0
  return p > 0 ? p : Math.min(current + 1, 65535)
}

/** Binds the listener on port and saves it (overlays and OBS sources move). */
export async function choosePort(port: number, win: unknown = defaultWin()): Promise<ListenStatus> {
  const app = listenBindings(win)
  if (!app?.ChoosePort) throw new Error(m.boot_needs_desktop())
  return app.ChoosePort(port)
}

/** Tries the port asked for again (after the other program was closed). */
export async function retryListen(win: unknown = defaultWin()): Promise<ListenStatus> {
  const app = listenBindings(win)
  if (!app?.RetryListen) throw new Error(m.boot_needs_desktop())
  return app.RetryListen()
}

/** The notice's headline for a status that is not listening. */
export function busyMessage(st: ListenStatus): string {
  if (st.holder) return m.portbusy_holder({ port: st.port, holder: st.holder })
  if (st.error && !/in use/i.test(st.error)) return m.portbusy_error({ port: st.port, error: st.error })
  return m.portbusy_other({ port: st.port })
}
