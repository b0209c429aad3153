// What every service file shares: the error both transports answer with
// (the backend's stable code), turning a rejected bound call into it, and
// the one REST call the REST implementations are built on.

import { ApiError } from '../http'

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

