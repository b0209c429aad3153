// Goal kinds and reach behaviours in the dashboard's language.

import type { GoalKind, GoalOnReach } from '../../lib/api'
import { m } from '../../lib/i18n'

const KINDS: Record<GoalKind, () => string> = {
  coins: m.gk_coins,
  likes: m.gk_likes,
  follows: m.gk_follows,
  subscriptions: m.gk_subscriptions,
  shares: m.gk_shares,
  custom: m.gk_custom,
}
const REACH: Record<GoalOnReach, () => string> = { none: m.gr_none, add: m.gr_add, double: m.gr_double, reset: m.gr_reset, hide: m.gr_hide }

export const kindLabel = (k: string): string => KINDS[k as GoalKind]?.() ?? k
export const reachLabel = (r: string): string => REACH[r as GoalOnReach]?.() ?? r
