// Stream figure and chart names in the dashboard's language.

import { m } from '../../lib/i18n'

const FIGURES: Record<string, () => string> = {
  duration: m.hf_duration,
  peakViewers: m.hf_peakViewers,
  avgViewers: m.hf_avgViewers,
  coins: m.fig_coins,
  gifts: m.fig_gifts,
  likes: m.fig_likes,
  follows: m.fig_follows,
  shares: m.fig_shares,
  subscribes: m.hf_subscribes,
  chatMessages: m.hf_chatMessages,
  uniqueChatters: m.hf_uniqueChatters,
  uniqueGifters: m.hf_uniqueGifters,
  biggestStreak: m.hf_biggestStreak,
}
const CHARTS: Record<string, () => string> = {
  viewers: m.type_viewers,
  coins: m.hc_coins,
  likes: m.hc_likes,
  chats: m.hc_chats,
  follows: m.hc_follows,
}

export const figureLabel = (key: string): string => FIGURES[key]?.() ?? key
export const chartTitle = (key: string): string => CHARTS[key]?.() ?? key
