// Leaderboards service (backend/leaderboard/svc.go): the desktop binds
// LeaderboardsService, the browser dashboard reaches the same methods over
// REST.

import type { LeaderboardState } from '../types'
import { bound, type Call, type RestCall } from './base'

export interface TopRequest {
  board: string
  /** "stream" (default) or "all". */
  period: string
  /** 1..100; 0 is the published top. */
  limit?: number
}

export interface LeaderboardsService {
  top(req: TopRequest): Promise<Partial<LeaderboardState> | null>
  reset(board: string, period: string): Promise<void>
}

/** The Go adapter's methods as the Wails bridge exposes them. */
export interface LeaderboardsBound {
  Top: Call
  Reset: Call
}

export function leaderboardsBinding(b: LeaderboardsBound): LeaderboardsService {
  const top = b.Top as (r: TopRequest) => Promise<unknown>
  const reset = b.Reset as (r: { board: string; period: string }) => Promise<unknown>
  return {
    top: (req) => bound(() => top({ ...req, limit: req.limit ?? 0 })),
    reset: async (board, period) => {
      await bound(() => reset({ board, period }))
    },
  }
}

const enc = encodeURIComponent

export function leaderboardsRest(call: RestCall): LeaderboardsService {
  return {
    top: (req) => {
      const q = new URLSearchParams({ period: req.period })
      if (req.limit) q.set('limit', String(req.limit))
      return call('GET', `/api/leaderboards/${enc(req.board)}?${q.toString()}`)
    },
    reset: async (board, period) => {
      await call('POST', `/api/leaderboards/${enc(board)}/reset`, { period })
    },
  }
}
