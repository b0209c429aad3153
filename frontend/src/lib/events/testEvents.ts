// The "send test event" forms: one declarative field list per event type,
// and the builder that turns a form into a normalized event for
// POST /api/simulate. Adding a type means adding an entry here.

import { hasUser, type EventType, type LiveEvent, type UserFields } from '../api'
import { COMMON_GIFTS, giftById } from './gifts'

export type FieldKind = 'text' | 'number' | 'gift' | 'textarea'

export interface FieldDef {
  key: string
  label: string
  kind: FieldKind
  min?: number
  placeholder?: string
}

export type FieldValues = Record<string, string | number>

export interface TestEventForm {
  type: EventType
  hint: string
  fields: FieldDef[]
  defaults: FieldValues
}

const giftFields: FieldDef[] = [
  { key: 'giftId', label: 'Gift', kind: 'gift' },
  { key: 'repeatCount', label: 'Repeat count', kind: 'number', min: 1 },
]

const connFields: FieldDef[] = [
  { key: 'uniqueId', label: 'Streamer @handle', kind: 'text' },
  { key: 'roomId', label: 'Room id', kind: 'text' },
  { key: 'source', label: 'Source', kind: 'text' },
]

export const TEST_EVENT_FORMS: readonly TestEventForm[] = [
  {
    type: 'chat',
    hint: 'A chat message.',
    fields: [{ key: 'comment', label: 'Comment', kind: 'textarea', placeholder: 'Hello from chat!' }],
    defaults: { comment: 'Hello from the test panel 👋' },
  },
  {
    type: 'gift',
    hint: 'A finished gift (one per completed streak). Counts towards goals and leaderboards.',
    fields: giftFields,
    defaults: { giftId: COMMON_GIFTS[0]!.id, repeatCount: 1 },
  },
  {
    type: 'giftStreak',
    hint: 'Progress of a running combo. Shown live, never counted.',
    fields: giftFields,
    defaults: { giftId: COMMON_GIFTS[0]!.id, repeatCount: 5 },
  },
  {
    type: 'like',
    hint: 'A batch of taps.',
    fields: [
      { key: 'likeCount', label: 'Likes', kind: 'number', min: 1 },
      { key: 'totalLikeCount', label: 'Stream total', kind: 'number', min: 0 },
    ],
    defaults: { likeCount: 15, totalLikeCount: 1200 },
  },
  { type: 'follow', hint: 'A new follower.', fields: [], defaults: {} },
  { type: 'share', hint: 'The LIVE was shared.', fields: [], defaults: {} },
  { type: 'join', hint: 'A viewer joined.', fields: [], defaults: {} },
  {
    type: 'subscribe',
    hint: 'A subscription.',
    fields: [{ key: 'subMonth', label: 'Month', kind: 'number', min: 1 }],
    defaults: { subMonth: 1 },
  },
  {
    type: 'viewers',
    hint: 'Viewer count update (no viewer attached).',
    fields: [{ key: 'viewerCount', label: 'Viewers', kind: 'number', min: 0 }],
    defaults: { viewerCount: 250 },
  },
  {
    type: 'emote',
    hint: 'A subscriber emote.',
    fields: [
      { key: 'emoteId', label: 'Emote id', kind: 'text' },
      { key: 'emoteUrl', label: 'Image URL', kind: 'text', placeholder: 'https://…' },
    ],
    defaults: { emoteId: '7001', emoteUrl: '' },
  },
  {
    type: 'question',
    hint: 'A Q&A question.',
    fields: [{ key: 'question', label: 'Question', kind: 'textarea' }],
    defaults: { question: 'What game are we playing next?' },
  },
  { type: 'streamEnd', hint: 'The LIVE ended.', fields: [], defaults: {} },
  {
    type: 'connected',
    hint: 'Connection state: connected.',
    fields: connFields,
    defaults: { uniqueId: 'my_stream', roomId: '7300000000000000001', source: 'simulator' },
  },
  {
    type: 'disconnected',
    hint: 'Connection state: disconnected.',
    fields: [...connFields, { key: 'reason', label: 'Reason', kind: 'text' }],
    defaults: { uniqueId: 'my_stream', roomId: '7300000000000000001', source: 'simulator', reason: 'test disconnect' },
  },
]

/** The viewer the test panel sends events as. */
export interface TestViewer {
  nickname: string
  uniqueId: string
  avatarUrl: string
  isModerator: boolean
  isSubscriber: boolean
  isFollower: boolean
}

export const DEFAULT_VIEWER: TestViewer = {
  nickname: 'Test Viewer',
  uniqueId: 'test_viewer',
  avatarUrl: '',
  isModerator: false,
  isSubscriber: false,
  isFollower: true,
}

const SAMPLE_NAMES = ['Mia', 'Leon', 'Sofia', 'Noah', 'Emma', 'Paul', 'Hannah', 'Finn', 'Lina', 'Ben', 'Yuki', 'Omar']

/** A random viewer for quick testing. */
export function randomViewer(rand: () => number = Math.random): TestViewer {
  const name = SAMPLE_NAMES[Math.floor(rand() * SAMPLE_NAMES.length)] ?? 'Viewer'
  const n = Math.floor(rand() * 9000) + 1000
  return {
    nickname: `${name} ${n}`,
    uniqueId: `${name.toLowerCase()}_${n}`,
    avatarUrl: '',
    isModerator: rand() < 0.1,
    isSubscriber: rand() < 0.2,
    isFollower: rand() < 0.6,
  }
}

/** Stable decimal user id for a handle, so repeated tests count as the same viewer. */
export function userIdFor(uniqueId: string): string {
  let h = 1469598103934665603n
  for (const ch of uniqueId) {
    h ^= BigInt(ch.codePointAt(0) ?? 0)
    h = (h * 1099511628211n) & 0x7fffffffffffffffn
  }
  return (h % 9000000000000000000n + 1000000000000000000n).toString()
}

let idCounter = 0

/** A fresh decimal message id (TikTok ids are decimal strings). */
export function newMessageId(now: number = Date.now()): string {
  idCounter = (idCounter + 1) % 1000
  return `${now}${String(idCounter).padStart(3, '0')}${Math.floor(Math.random() * 1000)
    .toString()
    .padStart(3, '0')}`
}

function num(v: string | number | undefined, min = 0): number {
  const n = typeof v === 'number' ? v : Number.parseInt(v ?? '', 10)
  return Number.isFinite(n) ? Math.max(min, Math.floor(n)) : min
}

function str(v: string | number | undefined): string {
  return v === undefined ? '' : String(v).trim()
}

/** Builds the normalized event a test form describes. */
export function buildTestEvent(type: EventType, viewer: TestViewer, values: FieldValues, now: number = Date.now()): LiveEvent {
  const e: LiveEvent = { type, id: newMessageId(now), ts: now }
  if (hasUser(type)) {
    const uniqueId = viewer.uniqueId.trim() || 'test_viewer'
    const user: UserFields = {
      userId: userIdFor(uniqueId),
      uniqueId,
      nickname: viewer.nickname.trim() || uniqueId,
      avatarUrl: viewer.avatarUrl.trim(),
      isModerator: viewer.isModerator,
      isSubscriber: viewer.isSubscriber,
      isFollower: viewer.isFollower,
    }
    Object.assign(e, user)
  }
  switch (type) {
    case 'chat':
      e.comment = String(values.comment ?? '')
      break
    case 'gift':
    case 'giftStreak': {
      const gift = giftById(num(values.giftId)) ?? COMMON_GIFTS[0]!
      const repeat = num(values.repeatCount, 1)
      Object.assign(e, {
        giftId: gift.id,
        giftName: gift.name,
        diamondCount: gift.diamonds,
        repeatCount: repeat,
        coins: gift.diamonds * repeat,
        streakable: gift.streakable,
        giftPictureUrl: '',
      })
      break
    }
    case 'like':
      e.likeCount = num(values.likeCount, 1)
      e.totalLikeCount = num(values.totalLikeCount)
      break
    case 'subscribe':
      e.subMonth = num(values.subMonth, 1)
      break
    case 'viewers':
      e.viewerCount = num(values.viewerCount)
      break
    case 'emote':
      e.emoteId = str(values.emoteId)
      e.emoteUrl = str(values.emoteUrl)
      break
    case 'question':
      e.question = String(values.question ?? '')
      break
    case 'connected':
    case 'disconnected':
      e.uniqueId = str(values.uniqueId)
      e.roomId = str(values.roomId)
      e.source = str(values.source) || 'simulator'
      e.reason = str(values.reason)
      break
    case 'follow':
    case 'share':
    case 'join':
    case 'streamEnd':
      break
  }
  return e
}
