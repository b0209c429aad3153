// The test-event forms' labels and hints in the dashboard's language
// (lib/events/testEvents.ts keeps the form shapes).

import type { EventType } from '../../lib/api'
import { m } from '../../lib/i18n'

const FIELDS: Record<string, () => string> = {
  giftId: m.tf_giftId,
  repeatCount: m.tf_repeatCount,
  uniqueId: m.tf_uniqueId,
  roomId: m.tf_roomId,
  source: m.tf_source,
  comment: m.tf_comment,
  likeCount: m.tf_likeCount,
  totalLikeCount: m.tf_totalLikeCount,
  subMonth: m.tf_subMonth,
  viewerCount: m.tf_viewerCount,
  emoteId: m.tf_emoteId,
  emoteUrl: m.tf_emoteUrl,
  question: m.tf_question,
  reason: m.tf_reason,
}

const HINTS: Record<EventType, () => string> = {
  chat: m.th_chat,
  gift: m.th_gift,
  giftStreak: m.th_giftStreak,
  like: m.th_like,
  follow: m.th_follow,
  share: m.th_share,
  join: m.th_join,
  subscribe: m.th_subscribe,
  viewers: m.th_viewers,
  emote: m.th_emote,
  question: m.th_question,
  streamEnd: m.th_streamEnd,
  connected: m.th_connected,
  disconnected: m.th_disconnected,
}

export function fieldLabel(key: string, fallback: string): string {
  return FIELDS[key]?.() ?? fallback
}

export function formHint(type: EventType, fallback: string): string {
  return HINTS[type]?.() ?? fallback
}

export function fieldPlaceholder(key: string, fallback: string | undefined): string | undefined {
  return key === 'comment' ? m.tf_comment_ph() : fallback
}
