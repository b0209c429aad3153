// Types of the backend contract (../shared/design.md "The event contract",
// docs/architecture.md "Messages on the bus and over /ws"). Kept by hand:
// the REST/ws contract is the source of truth, not generated bindings.

/** Every event type of the contract, in the backend's stable order. */
export const EVENT_TYPES = [
  'chat',
  'gift',
  'giftStreak',
  'like',
  'follow',
  'share',
  'join',
  'subscribe',
  'viewers',
  'emote',
  'question',
  'streamEnd',
  'connected',
  'disconnected',
] as const

export type EventType = (typeof EVENT_TYPES)[number]

const EVENT_TYPE_SET: ReadonlySet<string> = new Set(EVENT_TYPES)

export function isEventType(t: unknown): t is EventType {
  return typeof t === 'string' && EVENT_TYPE_SET.has(t)
}

/** Types that carry no viewer (no userId/uniqueId/nickname fields). */
export function hasUser(t: EventType): boolean {
  return t !== 'viewers' && t !== 'streamEnd' && t !== 'connected' && t !== 'disconnected'
}

export interface UserFields {
  userId: string
  uniqueId: string
  nickname: string
  avatarUrl: string
  isModerator: boolean
  isSubscriber: boolean
  isFollower: boolean
}

/** A normalized event: flat, lowerCamelCase; only the fields its type defines are present. */
export interface LiveEvent extends Partial<UserFields> {
  type: EventType
  id: string
  ts: number
  source?: string
  simulated?: boolean
  comment?: string
  giftId?: number
  giftName?: string
  diamondCount?: number
  repeatCount?: number
  coins?: number
  streakable?: boolean
  giftPictureUrl?: string
  likeCount?: number
  totalLikeCount?: number
  subMonth?: number
  viewerCount?: number
  emoteId?: string
  emoteUrl?: string
  question?: string
  roomId?: string
  reason?: string
}

/** One /ws message (events and state updates alike). */
export interface FeedMessage {
  type: string
  ts: number
  data: unknown
}

export type ConnectionStateName = 'disconnected' | 'connecting' | 'connected' | 'reconnecting' | 'error'

/** `connection` state (key `connection`). */
export interface ConnectionState {
  state: ConnectionStateName | string
  source?: string
  uniqueId?: string
  roomId?: string
  reason?: string
  /** The failure code behind reason, when there is one (backend/tiktok/source). */
  code?: string
}

/** `goal` state (key `goal:<id>`). */
export interface GoalState {
  id: string
  name: string
  kind: string
  value: number
  target: number
  style?: string
  visible?: boolean
  reached?: boolean
}

export interface LeaderboardEntry {
  userId: string
  uniqueId: string
  nickname: string
  avatarUrl: string
  value: number
}

/** `leaderboard` state (key `leaderboard:<board>`). */
export interface LeaderboardState {
  board: string
  period: string
  entries: LeaderboardEntry[]
}

/** Per-subscriber counters of the event bus. */
export interface BusStats {
  name: string
  queued: number
  capacity: number
  delivered: number
  dropped: number
  /** Counting subscriber: never drops (the source waits instead). */
  lossless?: boolean
}

/** GET /api/health. Fields beyond the documented ones are kept as-is. */
export interface Health {
  /** "ok", or "degraded" (with reason) while events or settings are not being saved. */
  status: string
  reason?: string
  version?: string
  uptimeMs?: number
  connection?: ConnectionState | string
  bus?: BusStats[]
  profile?: string
  overlayUrl?: string
  headless?: boolean
  [extra: string]: unknown
}

/** One profile as listed by GET /api/profiles. */
export interface ProfileInfo {
  name: string
  active: boolean
  sizeBytes: number
  modifiedAt: string
}

/** What the Go binding `App.GetBootstrap()` returns inside the Wails window. */
export interface Bootstrap {
  listenUrl: string
  version: string
  headless: boolean
  /** Optional extras the desktop app may add. */
  overlayUrl?: string
  profile?: string
  dataDir?: string
  /** Set when the backend failed to start. */
  error?: string
}
