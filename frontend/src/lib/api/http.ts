// Minimal fetch wrapper for the listener's REST API: bearer token on
// every request (most reads need it too: profile data and secrets), JSON errors ({error}) turned into ApiError.

import type { Connection } from './bootstrap'
import { m } from '../i18n'

export class ApiError extends Error {
  /** HTTP status; 0 when the listener could not be reached at all. */
  readonly status: number

  constructor(message: string, status: number) {
    super(message)
    this.name = 'ApiError'
    this.status = status
  }

  /** The endpoint does not exist in this build (e.g. a module not yet shipped). */
  get notAvailable(): boolean {
    return this.status === 404 || this.status === 501
  }

  get unauthorized(): boolean {
    return this.status === 401 || this.status === 403
  }
}

export type Expect = 'json' | 'blob' | 'none'

export interface RequestOptions {
  /** JSON body (sets Content-Type). */
  json?: unknown
  /** Raw body (file uploads). */
  body?: Blob | ArrayBuffer
  expect?: Expect
  signal?: AbortSignal
  /** Send the token on a GET too (reads of profile data and secrets). */
  auth?: boolean
}

export type Fetcher = typeof fetch

async function errorMessage(res: Response): Promise<string> {
  let text = ''
  try {
    text = await res.text()
  } catch {
    // ignore: fall back to the status text
  }
  if (text) {
    try {
      const parsed: unknown = JSON.parse(text)
      if (parsed && typeof parsed === 'object' && 'error' in parsed) {
        const e = (parsed as { error: unknown }).error
        if (typeof e === 'string' && e) return e
      }
    } catch {
      // not JSON: use the text itself when short
    }
    if (text.length <= 200) return text.trim()
  }
  return res.statusText || `HTTP ${res.status}`
}

/** Builds the ApiError for a failed response. */
export async function apiErrorFrom(res: Response): Promise<ApiError> {
  const msg = await errorMessage(res)
  if (res.status === 401) return new ApiError(`${msg} — check the API token`, 401)
  return new ApiError(msg, res.status)
}

/** Performs one request against the listener. */
export async function request<T>(
  conn: Connection,
  method: string,
  path: string,
  opts: RequestOptions = {},
  fetcher: Fetcher = fetch,
): Promise<T> {
  const headers: Record<string, string> = {}
  if (conn.token) headers['Authorization'] = `Bearer ${conn.token}`
  let body: BodyInit | undefined
  if (opts.json !== undefined) {
    headers['Content-Type'] = 'application/json'
    body = JSON.stringify(opts.json)
  } else if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/octet-stream'
    body = opts.body
  }

  let res: Response
  try {
    res = await fetcher(`${conn.baseUrl}${path}`, { method, headers, body, signal: opts.signal, cache: 'no-store' })
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err
    throw new ApiError(m.api_unreachable({ url: conn.baseUrl }), 0)
  }

  if (!res.ok) throw await apiErrorFrom(res)

  const expect = opts.expect ?? 'json'
  if (expect === 'none') return undefined as T
  if (expect === 'blob') return (await res.blob()) as T
  const text = await res.text()
  if (!text) return undefined as T
  try {
    return JSON.parse(text) as T
  } catch {
    throw new ApiError(m.api_unexpected_reply({ path }), res.status)
  }
}

/** Filename from a Content-Disposition header, if any. */
export function filenameFromDisposition(header: string | null): string {
  if (!header) return ''
  const star = /filename\*\s*=\s*(?:UTF-8'')?([^;]+)/i.exec(header)
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''))
    } catch {
      // fall through to the plain parameter
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(header)
  return plain?.[1]?.trim() ?? ''
}
