// Health service (backend/core/service/health.go): the header's status,
// version and counters. The desktop binds HealthService; the browser
// dashboard reads GET /api/health.

import type { Health } from '../types'
import { bound, type Call, type RestCall } from './base'

export interface HealthService {
  get(signal?: AbortSignal): Promise<Health>
}

export interface HealthBound {
  Get: Call
}

export function healthBinding(b: HealthBound): HealthService {
  return { get: () => bound<Health>(() => b.Get()) }
}

export function healthRest(call: RestCall): HealthService {
  return { get: (signal) => call<Health>('GET', '/api/health', undefined, signal) }
}
