// Presentation of each event type: label, icon, accent colour. Icons are
// lucide components so the feed, filters and test panel share them.

import type { Component } from 'svelte'
import MessageCircle from '@lucide/svelte/icons/message-circle'
import Gift from '@lucide/svelte/icons/gift'
import Flame from '@lucide/svelte/icons/flame'
import Heart from '@lucide/svelte/icons/heart'
import UserPlus from '@lucide/svelte/icons/user-plus'
import Share2 from '@lucide/svelte/icons/share-2'
import LogIn from '@lucide/svelte/icons/log-in'
import Star from '@lucide/svelte/icons/star'
import Eye from '@lucide/svelte/icons/eye'
import Smile from '@lucide/svelte/icons/smile'
import Question from '@lucide/svelte/icons/message-circle-question-mark'
import CircleStop from '@lucide/svelte/icons/circle-stop'
import PlugZap from '@lucide/svelte/icons/plug-zap'
import Unplug from '@lucide/svelte/icons/unplug'
import type { EventType } from '../api'
import { m } from '../i18n'

export interface TypeMeta {
  /** The type's name in the current language (read on access). */
  readonly label: string
  icon: Component<{ size?: number | string; class?: string; strokeWidth?: number | string }>
  /** CSS colour for the icon badge. */
  color: string
}

function meta(label: () => string, icon: TypeMeta['icon'], color: string): TypeMeta {
  return {
    get label() {
      return label()
    },
    icon,
    color,
  }
}

export const TYPE_META: Record<EventType, TypeMeta> = {
  chat: meta(m.type_chat, MessageCircle, '#60a5fa'),
  gift: meta(m.type_gift, Gift, '#f472b6'),
  giftStreak: meta(m.type_giftStreak, Flame, '#fb923c'),
  like: meta(m.type_like, Heart, '#f87171'),
  follow: meta(m.type_follow, UserPlus, '#34d399'),
  share: meta(m.type_share, Share2, '#2dd4bf'),
  join: meta(m.type_join, LogIn, '#94a3b8'),
  subscribe: meta(m.type_subscribe, Star, '#facc15'),
  viewers: meta(m.type_viewers, Eye, '#a78bfa'),
  emote: meta(m.type_emote, Smile, '#fbbf24'),
  question: meta(m.type_question, Question, '#38bdf8'),
  streamEnd: meta(m.type_streamEnd, CircleStop, '#ef4444'),
  connected: meta(m.type_connected, PlugZap, '#22c55e'),
  disconnected: meta(m.type_disconnected, Unplug, '#f97316'),
}
