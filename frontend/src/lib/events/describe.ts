// Plain-text summary of an event for one feed row. Output is always text
// (rendered with Svelte's escaping), never HTML.

import type { LiveEvent } from '../api'
import { fmtNumber, fmtTime, m } from '../i18n'

export interface EventSummary {
  /** Who: nickname, or a system label for events without a viewer. */
  who: string
  /** @handle when known. */
  handle: string
  /** What happened, as text. */
  text: string
  /** Coins for gifts (0 otherwise). */
  coins: number
  /** Visually de-emphasise (streak progress, joins). */
  muted: boolean
}

/** n in the dashboard's language (missing counts as 0). */
export function formatNumber(n: number | undefined): string {
  return fmtNumber(n ?? 0)
}

const giftName = (e: LiveEvent) => e.giftName || m.ev_gift_unknown({ id: String(e.giftId ?? '?') })

export function describeEvent(e: LiveEvent): EventSummary {
  const who = e.nickname || e.uniqueId || m.ev_viewer()
  const handle = e.uniqueId ? `@${e.uniqueId}` : ''
  const base = { who, handle, coins: 0, muted: false }
  switch (e.type) {
    case 'chat':
      return { ...base, text: e.comment ?? '' }
    case 'gift':
      return {
        ...base,
        text: m.ev_gift({ gift: giftName(e), count: formatNumber(e.repeatCount ?? 1) }),
        coins: e.coins ?? (e.diamondCount ?? 0) * (e.repeatCount ?? 1),
      }
    case 'giftStreak':
      return { ...base, text: m.ev_combo({ gift: giftName(e), count: formatNumber(e.repeatCount ?? 1) }), muted: true }
    case 'like':
      return {
        ...base,
        text: e.totalLikeCount
          ? m.ev_liked_total({ count: formatNumber(e.likeCount ?? 1), total: formatNumber(e.totalLikeCount) })
          : m.ev_liked({ count: formatNumber(e.likeCount ?? 1) }),
      }
    case 'follow':
      return { ...base, text: m.ev_followed() }
    case 'share':
      return { ...base, text: m.ev_shared() }
    case 'join':
      return { ...base, text: m.ev_joined(), muted: true }
    case 'subscribe':
      return { ...base, text: e.subMonth && e.subMonth > 1 ? m.ev_subscribed_month({ month: e.subMonth }) : m.ev_subscribed() }
    case 'viewers':
      return { ...base, who: m.type_viewers(), handle: '', text: m.ev_watching({ count: formatNumber(e.viewerCount) }), muted: true }
    case 'emote':
      return { ...base, text: e.emoteId ? m.ev_emote_id({ id: e.emoteId }) : m.ev_emote() }
    case 'question':
      return { ...base, text: m.ev_asked({ question: e.question ?? '' }) }
    case 'streamEnd':
      return { ...base, who: m.ev_stream(), handle: '', text: m.ev_stream_ended() }
    case 'connected':
      return {
        ...base,
        who: m.type_connected(),
        text: [e.roomId ? m.ev_room({ room: e.roomId }) : '', e.source ? m.conn_via({ source: e.source }) : ''].filter(Boolean).join(' · ') || m.ev_to_live(),
      }
    case 'disconnected':
      return { ...base, who: m.type_disconnected(), text: e.reason || m.ev_closed() }
  }
}

export function formatTime(ts: number): string {
  return fmtTime(new Date(ts), { hour: '2-digit', minute: '2-digit', second: '2-digit' })
}
