// Plain-text summary of an event for one feed row. Output is always text
// (rendered with Svelte's escaping), never HTML.

import type { LiveEvent } from '../api'

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

const nf = new Intl.NumberFormat()

export function formatNumber(n: number | undefined): string {
  return nf.format(n ?? 0)
}

export function describeEvent(e: LiveEvent): EventSummary {
  const who = e.nickname || e.uniqueId || 'viewer'
  const handle = e.uniqueId ? `@${e.uniqueId}` : ''
  const base = { who, handle, coins: 0, muted: false }
  switch (e.type) {
    case 'chat':
      return { ...base, text: e.comment ?? '' }
    case 'gift':
      return {
        ...base,
        text: `sent ${e.giftName || `gift #${e.giftId ?? '?'}`} ×${formatNumber(e.repeatCount ?? 1)}`,
        coins: e.coins ?? (e.diamondCount ?? 0) * (e.repeatCount ?? 1),
      }
    case 'giftStreak':
      return { ...base, text: `combo ${e.giftName || `gift #${e.giftId ?? '?'}`} ×${formatNumber(e.repeatCount ?? 1)}…`, muted: true }
    case 'like':
      return {
        ...base,
        text: `liked ×${formatNumber(e.likeCount ?? 1)}${e.totalLikeCount ? ` · ${formatNumber(e.totalLikeCount)} total` : ''}`,
      }
    case 'follow':
      return { ...base, text: 'followed' }
    case 'share':
      return { ...base, text: 'shared the LIVE' }
    case 'join':
      return { ...base, text: 'joined', muted: true }
    case 'subscribe':
      return { ...base, text: e.subMonth && e.subMonth > 1 ? `subscribed · month ${e.subMonth}` : 'subscribed' }
    case 'viewers':
      return { ...base, who: 'Viewers', handle: '', text: `${formatNumber(e.viewerCount)} watching`, muted: true }
    case 'emote':
      return { ...base, text: `sent an emote${e.emoteId ? ` (${e.emoteId})` : ''}` }
    case 'question':
      return { ...base, text: `asked: ${e.question ?? ''}` }
    case 'streamEnd':
      return { ...base, who: 'Stream', handle: '', text: 'The LIVE has ended' }
    case 'connected':
      return {
        ...base,
        who: 'Connected',
        text: [e.roomId ? `room ${e.roomId}` : '', e.source ? `via ${e.source}` : ''].filter(Boolean).join(' · ') || 'to the LIVE',
      }
    case 'disconnected':
      return { ...base, who: 'Disconnected', text: e.reason || 'connection closed' }
  }
}

const timeFmt = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' })

export function formatTime(ts: number): string {
  return timeFmt.format(new Date(ts))
}
