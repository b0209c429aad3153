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

export interface TypeMeta {
  label: string
  icon: Component<{ size?: number | string; class?: string; strokeWidth?: number | string }>
  /** CSS colour for the icon badge. */
  color: string
}

export const TYPE_META: Record<EventType, TypeMeta> = {
  chat: { label: 'Chat', icon: MessageCircle, color: '#60a5fa' },
  gift: { label: 'Gift', icon: Gift, color: '#f472b6' },
  giftStreak: { label: 'Gift combo', icon: Flame, color: '#fb923c' },
  like: { label: 'Like', icon: Heart, color: '#f87171' },
  follow: { label: 'Follow', icon: UserPlus, color: '#34d399' },
  share: { label: 'Share', icon: Share2, color: '#2dd4bf' },
  join: { label: 'Join', icon: LogIn, color: '#94a3b8' },
  subscribe: { label: 'Subscribe', icon: Star, color: '#facc15' },
  viewers: { label: 'Viewers', icon: Eye, color: '#a78bfa' },
  emote: { label: 'Emote', icon: Smile, color: '#fbbf24' },
  question: { label: 'Question', icon: Question, color: '#38bdf8' },
  streamEnd: { label: 'Stream end', icon: CircleStop, color: '#ef4444' },
  connected: { label: 'Connected', icon: PlugZap, color: '#22c55e' },
  disconnected: { label: 'Disconnected', icon: Unplug, color: '#f97316' },
}
