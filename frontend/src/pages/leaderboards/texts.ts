// Board and period names, and the counted unit, in the dashboard's language.

import type { LeaderboardBoard, LeaderboardPeriod } from '../../lib/api'
import { m } from '../../lib/i18n'

const TITLES: Record<LeaderboardBoard, () => string> = { gifters: m.lb_gifters, likers: m.lb_likers, chatters: m.lb_chatters }
const PERIODS: Record<LeaderboardPeriod, () => string> = { stream: m.lb_stream, all: m.lb_all }
const UNITS: Record<LeaderboardBoard, (i: { count: number }) => string> = {
  gifters: m.lb_unit_gifters,
  likers: m.lb_unit_likers,
  chatters: m.lb_unit_chatters,
}

export const boardTitle = (b: LeaderboardBoard): string => TITLES[b]()
export const periodLabel = (p: LeaderboardPeriod): string => PERIODS[p]()
/** "coin" / "coins" (or the German forms) for n. */
export const unitFor = (b: LeaderboardBoard, n: number): string => UNITS[b]({ count: n })
