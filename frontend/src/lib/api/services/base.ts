// What every service file shares: the error both transports answer with
// (the backend's stable code), turning a rejected bound call into it, and
// the one REST call the REST implementations are built on.

import type { Connection } from '../bootstrap'
import { ApiError, filenameFromDisposition, request, type Fetcher, type RequestOptions } from '../http'

/** An error from a service: the backend's stable code on both transports. */
export class ServiceError extends ApiError {
  readonly code: string
  constructor(message: string, status: number, code: string) {
    super(message, status)
    this.name = 'ServiceError'
    this.code = code
  }
}

const statusOfCode: Record<string, number> = {
  not_found: 404,
  invalid: 400,
  conflict: 409,
  unprocessable: 422,
  too_large: 413,
  unavailable: 503,
  internal: 500,
}

/** Turns a rejected bound call ({"error","code"} as text) into a ServiceError. */
export function boundError(err: unknown): ServiceError {
  const text = err instanceof Error ? err.message : String(err)
  try {
    const o = JSON.parse(text) as { error?: unknown; code?: unknown }
    if (o && typeof o.error === 'string' && typeof o.code === 'string') {
      return new ServiceError(o.error, statusOfCode[o.code] ?? 400, o.code)
    }
  } catch {
    // not one of ours: keep the text
  }
  return new ServiceError(text, 500, 'internal')
}

/** A bound Go method as the Wails bridge exposes it. */
export type Call = (...args: never[]) => Promise<unknown>

/** Awaits a bound call, turning its rejection into a ServiceError. */
export async function bound<T>(p: () => Promise<unknown>): Promise<T> {
  try {
    return (await p()) as T
  } catch (err) {
    throw boundError(err)
  }
}

/** What the REST implementation needs: one JSON call on the listener. */
export type RestCall = <T>(method: string, path: string, json?: unknown, signal?: AbortSignal) => Promise<T>


/** A file the listener answered (a download), with its suggested name. */
export interface DownloadedFile {
  blob: Blob
  filename: string
}

/** What the REST implementations that move files need besides JSON calls. */
export interface RestFiles {
  /** Sends body raw (application/octet-stream) and answers the JSON reply. */
  upload<T>(path: string, body: Blob): Promise<T>
  /** GETs a file (an attachment) and its file name. */
  download(path: string): Promise<DownloadedFile>
  /** GETs a plain-text reply. */
  text(path: string): Promise<string>
}

/**
 * The REST transport over the listener: JSON calls and file moves whose
 * failures are ServiceErrors with the code of the error body ('' when the
 * answer carried none, e.g. a route this build lacks), as the bindings
 * have it.
 */
export function restTransport(conn: Connection, fetcher: Fetcher): { call: RestCall; files: RestFiles } {
  const run = async <T>(method: string, path: string, opts: RequestOptions): Promise<{ value: T; res?: Response }> => {
    let last: Response | undefined
    const f: Fetcher = async (input, init) => {
      const res = await fetcher(input, init)
      last = res.ok ? res : res.clone() // a failure's body is read twice: message, then code
      return res
    }
    try {
      return { value: await request<T>(conn, method, path, opts, f), res: last }
    } catch (err) {
      if (!(err instanceof ApiError) || err instanceof ServiceError) throw err
      throw new ServiceError(err.message, err.status, last ? await codeOf(last) : '')
    }
  }
  return {
    call: async (method, path, json, signal) => (await run<never>(method, path, json === undefined ? { signal } : { json, signal })).value,
    files: {
      upload: async (path, body) => (await run<never>('POST', path, { body })).value,
      download: async (path) => {
        const { value, res } = await run<Blob>('GET', path, { expect: 'blob' })
        return { blob: value, filename: filenameFromDisposition(res?.headers.get('Content-Disposition') ?? null) }
      },
      text: async (path) => (await (await run<Blob>('GET', path, { expect: 'blob' })).value.text()),
    },
  }
}

async function codeOf(res: Response): Promise<string> {
  try {
    const body = (await res.json()) as { code?: unknown } | null
    return typeof body?.code === 'string' ? body.code : ''
  } catch {
    return ''
  }
}
