// Finds the local listener and the API token, in both places the dashboard runs:
//  - inside the Wails window (wails://wails, http://wails.localhost, or the
//    `wails dev` server): ask the Go binding App.GetBootstrap(); the window
//    gets no token, as it reaches Go through its bindings only (the listener
//    refuses its origin);
//  - in a plain browser, served by the listener itself: same origin, token
//    from `#token=…` or localStorage.
// This file and listen.ts (the listener status) are the only ones that touch `window.go`.

import type { Bootstrap } from './types'
import { m } from '../i18n'

export type Mode = 'wails' | 'browser'

/** Where and how to reach the backend. */
export interface Connection {
  mode: Mode
  /** Listener base URL without trailing slash, e.g. http://127.0.0.1:3000 */
  baseUrl: string
  /** API token; empty when unknown (read-only until the user pastes it). */
  token: string
  version: string
  headless: boolean
  /** Overlay URL when the backend reported one (else derived from baseUrl). */
  overlayUrl?: string
}

interface WailsAppBindings {
  GetBootstrap?: () => Promise<Partial<Bootstrap> | null | undefined>
  /** Optional: system clipboard through Go (WebKitGTK's clipboard API is unreliable). */
  CopyText?: (text: string) => Promise<void>
  /** Optional: save a listener download through a native Save dialog; resolves the path, '' when cancelled. */
  SaveDownload?: (apiPath: string, filename: string) => Promise<string>
  /** Optional: pick a capture in a native Open dialog and upload it; resolves its stored name, '' when cancelled. */
  OpenCapture?: () => Promise<string>
  /** Optional: show the data or logs folder in the OS file manager. */
  OpenFolder?: (which: 'data' | 'logs') => Promise<void>
  /** Optional: open a plugin's own page in the system browser (with the token the window does not hold). */
  OpenPluginPage?: (id: string) => Promise<void>
}

interface WailsWindow {
  go?: { main?: { App?: WailsAppBindings } }
}

interface LocationLike {
  protocol: string
  hostname: string
  origin: string
  hash: string
}

export interface StorageLike {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
  removeItem(key: string): void
}

export const TOKEN_STORAGE_KEY = 'ltth.apiToken'

/** True when the page is loaded by the Wails asset server rather than the listener. */
export function isWailsLocation(loc: Pick<LocationLike, 'protocol' | 'hostname'>): boolean {
  return loc.protocol === 'wails:' || loc.hostname === 'wails.localhost' || loc.hostname === 'wails'
}

function bindings(w: unknown): WailsAppBindings | undefined {
  const app = (w as WailsWindow | undefined)?.go?.main?.App
  return typeof app?.GetBootstrap === 'function' ? app : undefined
}

/** Reads `token` from a location hash like `#token=abc` or `#/feed?token=abc`. */
export function tokenFromHash(hash: string): string {
  const h = hash.replace(/^#/, '')
  const q = h.includes('?') ? h.slice(h.indexOf('?') + 1) : h
  try {
    return new URLSearchParams(q).get('token')?.trim() ?? ''
  } catch {
    return ''
  }
}

/** The hash with any `token` parameter removed (so it does not linger in the address bar). */
export function stripTokenFromHash(hash: string): string {
  const h = hash.replace(/^#/, '')
  const qi = h.indexOf('?')
  const path = qi >= 0 ? h.slice(0, qi) : h.includes('=') ? '' : h
  const q = qi >= 0 ? h.slice(qi + 1) : h.includes('=') ? h : ''
  const params = new URLSearchParams(q)
  params.delete('token')
  const rest = params.toString()
  const out = rest ? `${path}?${rest}` : path
  return out ? `#${out}` : ''
}

function trimSlash(u: string): string {
  return u.replace(/\/+$/, '')
}

function safeGet(storage: StorageLike | undefined, key: string): string {
  try {
    return storage?.getItem(key) ?? ''
  } catch {
    return ''
  }
}

/** Saves (or with an empty value, forgets) the browser-mode token. */
export function rememberToken(storage: StorageLike | undefined, token: string): void {
  try {
    if (token) storage?.setItem(TOKEN_STORAGE_KEY, token)
    else storage?.removeItem(TOKEN_STORAGE_KEY)
  } catch {
    // storage can be disabled; the token then lives for this page only
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms))
}

export interface ResolveOptions {
  win?: unknown
  location?: LocationLike
  storage?: StorageLike
  /** How long to wait for Wails to inject `window.go` on a Wails location. */
  bridgeWaitMs?: number
}

/**
 * Works out how to reach the backend. Rejects with a readable message when
 * inside Wails but the bridge or the listener is missing.
 */
export async function resolveConnection(opts: ResolveOptions = {}): Promise<Connection> {
  const win = opts.win ?? (typeof window !== 'undefined' ? window : undefined)
  const loc = opts.location ?? (win as { location?: LocationLike } | undefined)?.location
  const storage = opts.storage ?? (typeof localStorage !== 'undefined' ? localStorage : undefined)
  if (!loc) throw new Error(m.boot_no_location())

  let app = bindings(win)
  if (!app && isWailsLocation(loc)) {
    const deadline = Date.now() + (opts.bridgeWaitMs ?? 3000)
    while (!app && Date.now() < deadline) {
      await sleep(50)
      app = bindings(win)
    }
    if (!app) throw new Error(m.boot_no_bridge())
  }

  if (app?.GetBootstrap) {
    const b = (await app.GetBootstrap()) ?? {}
    if (b.error) throw new Error(b.error)
    if (!b.listenUrl) throw new Error(m.boot_no_listener())
    const conn: Connection = {
      mode: 'wails',
      baseUrl: trimSlash(b.listenUrl),
      token: '', // the window uses its bindings, never the listener's API
      version: b.version ?? '',
      headless: Boolean(b.headless),
    }
    if (b.overlayUrl) conn.overlayUrl = b.overlayUrl
    return conn
  }

  const fromHash = tokenFromHash(loc.hash)
  if (fromHash) rememberToken(storage, fromHash)
  return {
    mode: 'browser',
    baseUrl: trimSlash(loc.origin),
    token: fromHash || safeGet(storage, TOKEN_STORAGE_KEY),
    version: '',
    headless: false,
  }
}

/**
 * Copies text through the desktop app's clipboard binding. Resolves false
 * when there is no such binding (browser mode) or it failed.
 */
export async function bridgeCopyText(text: string, win: unknown = typeof window !== 'undefined' ? window : undefined): Promise<boolean> {
  const app = (win as WailsWindow | undefined)?.go?.main?.App
  if (typeof app?.CopyText !== 'function') return false
  try {
    await app.CopyText(text)
    return true
  } catch {
    return false
  }
}

/**
 * Saves a file the listener serves (an export) through the desktop app's
 * native Save dialog. Resolves null when there is no such binding (browser
 * mode), '' when the user cancelled, else the saved path.
 */
export async function bridgeSaveDownload(
  apiPath: string,
  filename: string,
  win: unknown = typeof window !== 'undefined' ? window : undefined,
): Promise<string | null> {
  const app = (win as WailsWindow | undefined)?.go?.main?.App
  if (typeof app?.SaveDownload !== 'function') return null
  return app.SaveDownload(apiPath, filename)
}

/**
 * Picks a capture file in the desktop app's native Open dialog and uploads
 * it to the captures folder. Resolves null when there is no such binding
 * (browser mode), '' when the user cancelled, else the stored name.
 */
export async function bridgeOpenCapture(win: unknown = typeof window !== 'undefined' ? window : undefined): Promise<string | null> {
  const app = (win as WailsWindow | undefined)?.go?.main?.App
  if (typeof app?.OpenCapture !== 'function') return null
  return app.OpenCapture()
}

/** ws:// or wss:// URL of the feed for a listener base URL. */
export function feedUrl(baseUrl: string): string {
  return `${baseUrl.replace(/^http/i, 'ws')}/ws`
}

/** URL of the main overlay page for OBS browser sources. */
export function overlayUrl(baseUrl: string): string {
  return `${baseUrl}/overlay.html`
}

/** True when the desktop app can open its folders (not in a plain browser). */
export function canOpenFolders(win: unknown = typeof window !== 'undefined' ? window : undefined): boolean {
  return typeof (win as WailsWindow | undefined)?.go?.main?.App?.OpenFolder === 'function'
}

/**
 * Shows the data or logs folder in the OS file manager through the desktop
 * app. Only the folder's name goes over the bridge, never a path.
 */
export async function bridgeOpenFolder(which: 'data' | 'logs', win: unknown = typeof window !== 'undefined' ? window : undefined): Promise<void> {
  const app = (win as WailsWindow | undefined)?.go?.main?.App
  if (typeof app?.OpenFolder !== 'function') throw new Error(m.boot_needs_desktop())
  await app.OpenFolder(which)
}

/** True inside the desktop window, which opens plugin pages through Go. */
export function canOpenPluginPages(win: unknown = typeof window !== 'undefined' ? window : undefined): boolean {
  return typeof (win as WailsWindow | undefined)?.go?.main?.App?.OpenPluginPage === 'function'
}

/**
 * Opens plugin id's own page in the system browser through the desktop app
 * (it adds the API token, which the window does not hold). Only the id
 * goes over the bridge.
 */
export async function bridgeOpenPluginPage(id: string, win: unknown = typeof window !== 'undefined' ? window : undefined): Promise<void> {
  const app = (win as WailsWindow | undefined)?.go?.main?.App
  if (typeof app?.OpenPluginPage !== 'function') throw new Error(m.boot_needs_desktop())
  await app.OpenPluginPage(id)
}
