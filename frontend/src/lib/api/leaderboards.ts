// Leaderboards REST API (backend/leaderboard): top gifters (coins), likers
// (likes) and chatters (messages), per stream and all time; reset; overlay
// URLs. The live `leaderboard` messages (state/live.svelte.ts) carry the
// same shape as GET /api/leaderboards/{board}.

import type { ApiClient } from './client'
import type { LeaderboardsService } from './services/leaderboards'
import type { LeaderboardEntry, LeaderboardState } from './types'
import { noun, type Noun } from '../ui/plural'

export const LEADERBOARD_BOARDS = ['gifters', 'likers', 'chatters'] as const
export type LeaderboardBoard = (typeof LEADERBOARD_BOARDS)[number]

export const LEADERBOARD_PERIODS = ['stream', 'all'] as const
export type LeaderboardPeriod = (typeof LEADERBOARD_PERIODS)[number]

export const LEADERBOARD_TITLES: Record<LeaderboardBoard, string> = {
  gifters: 'Top gifters',
  likers: 'Top likers',
  chatters: 'Top chatters',
}

/** What a board's value counts (singular and plural). */
export const LEADERBOARD_UNITS: Record<LeaderboardBoard, Noun> = {
  gifters: noun('coin'),
  likers: noun('like'),
  chatters: noun('message'),
}

export const LEADERBOARD_PERIOD_LABELS: Record<LeaderboardPeriod, string> = {
  stream: 'This stream',
  all: 'All time',
}

/** Most entries the API returns. */
export const LEADERBOARD_MAX_LIMIT = 100

export interface LeaderboardRow extends LeaderboardEntry {
  rank: number
}

export interface Leaderboard {
  board: string
  period: string
  entries: LeaderboardRow[]
}

/** Key of a board in live.leaderboards (`<board>:<period>`). */
export function leaderboardKey(board: string, period: string): string {
  return `${board}:${period}`
}

/** Normalizes a REST reply or `leaderboard` message: entries always an array, ranks filled in. */
export function normalizeLeaderboard(s: Partial<LeaderboardState> & { entries?: unknown } | null | undefined, board = '', period = ''): Leaderboard {
  const list = Array.isArray(s?.entries) ? (s.entries as Partial<LeaderboardRow>[]) : []
  const entries: LeaderboardRow[] = []
  for (const e of list) {
    if (!e || typeof e !== 'object') continue
    entries.push({
      rank: typeof e.rank === 'number' && e.rank > 0 ? e.rank : entries.length + 1,
      userId: typeof e.userId === 'string' ? e.userId : '',
      uniqueId: typeof e.uniqueId === 'string' ? e.uniqueId : '',
      nickname: typeof e.nickname === 'string' ? e.nickname : '',
      avatarUrl: typeof e.avatarUrl === 'string' ? e.avatarUrl : '',
      value: typeof e.value === 'number' ? e.value : 0,
    })
  }
  return { board: typeof s?.board === 'string' ? s.board : board, period: typeof s?.period === 'string' ? s.period : period, entries }
}

/** A viewer's display name: nickname, else @handle, else the id. */
export function leaderboardName(e: Pick<LeaderboardEntry, 'nickname' | 'uniqueId' | 'userId'>): string {
  return e.nickname || (e.uniqueId ? `@${e.uniqueId}` : e.userId || 'unknown viewer')
}

/** Only http(s) avatar URLs are shown. */
export function safeAvatarUrl(u: string): string {
  return /^https?:\/\//i.test(u) ? u : ''
}

/** Full URL of a board's overlay page. */
export function leaderboardOverlayUrl(base: string, board: string, period: string, opts: { limit?: number } = {}): string {
  const q = new URLSearchParams({ board, period })
  if (opts.limit) q.set('limit', String(opts.limit))
  return `${base}/overlay/leaderboard.html?${q.toString()}`
}

/** Client of the leaderboards service (bindings on desktop, REST in a browser). */
export class LeaderboardsApi {
  private readonly svc: LeaderboardsService

  constructor(svc: LeaderboardsService) {
    this.svc = svc
  }

  /** The top entries of a board (limit 1..100; default the backend's 10). */
  async get(board: LeaderboardBoard, period: LeaderboardPeriod, limit?: number): Promise<Leaderboard> {
    const n = limit ? Math.max(1, Math.min(LEADERBOARD_MAX_LIMIT, Math.round(limit))) : 0
    const s = await this.svc.top({ board, period, limit: n })
    return normalizeLeaderboard(s, board, period)
  }

  /** Clears a board for one period. */
  reset(board: LeaderboardBoard, period: LeaderboardPeriod): Promise<void> {
    return this.svc.reset(board, period)
  }
}

export function leaderboardsApi(api: ApiClient): LeaderboardsApi {
  return new LeaderboardsApi(api.services.leaderboards)
}
