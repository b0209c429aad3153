// Goals API (backend/goal, through the goals service) and the helpers the goals page shares with
// its tests: kinds/behaviours/styles, validation, overlay URLs, and merging
// a goal's configuration with its live `goal` state from /ws.

import type { ApiClient } from './client'
import type { GoalsService } from './services/goals'
import type { GoalState } from './types'
import { m } from '../i18n'

export const GOAL_KINDS = ['coins', 'likes', 'follows', 'subscriptions', 'shares', 'custom'] as const
export type GoalKind = (typeof GOAL_KINDS)[number]

export const GOAL_KIND_LABELS: Record<GoalKind, string> = {
  coins: 'Coins (gifts)',
  likes: 'Likes',
  follows: 'Follows',
  subscriptions: 'Subscriptions',
  shares: 'Shares',
  custom: 'Custom (manual / flows)',
}

export const GOAL_ON_REACH = ['none', 'add', 'double', 'reset', 'hide'] as const
export type GoalOnReach = (typeof GOAL_ON_REACH)[number]

export const GOAL_ON_REACH_LABELS: Record<GoalOnReach, string> = {
  none: 'Stay full',
  add: 'Raise the target by a step',
  double: 'Double the target',
  reset: 'Start over (excess carries over)',
  hide: 'Hide the goal',
}

export const GOAL_STYLES = ['bar', 'minimal', 'circle'] as const
export type GoalStyle = (typeof GOAL_STYLES)[number]

/** Bounds of targets and values (goal.MaxTarget). */
export const GOAL_MAX_TARGET = 1_000_000_000_000

/** A goal's configuration (goal.Goal). */
export interface Goal {
  id: string
  name: string
  kind: GoalKind | string
  /** Current target; startTarget is what a reset restores. */
  target: number
  startTarget: number
  onReach: GoalOnReach | string
  /** Step for onReach "add"; 0 = startTarget. */
  increment: number
  style: GoalStyle | string
  color?: string
  hidden: boolean
}

/** A goal as GET /api/goals shows it. */
export interface GoalView extends Goal {
  value: number
  reached: boolean
  /** Path of the overlay page, e.g. /overlay/goal.html?id=… */
  overlayUrl: string
}

/** Fields of a create/update request (absent fields keep their value). */
export type GoalInput = Partial<Pick<Goal, 'name' | 'kind' | 'target' | 'startTarget' | 'onReach' | 'increment' | 'style' | 'color' | 'hidden'>>

export type GoalAdjustOp = 'add' | 'set' | 'reset'

/** The `goal` message of a deleted goal. */
interface DeletedGoal {
  id: string
  deleted: true
}

export function isDeletedGoal(g: unknown): g is DeletedGoal {
  return typeof g === 'object' && g !== null && (g as { deleted?: unknown }).deleted === true
}

const COLOR_RE = /^(#[0-9A-Fa-f]{3,8}|[A-Za-z]{3,20}|rgba?\([0-9., %]{5,40}\))$/

export type GoalInputErrors = Partial<Record<keyof GoalInput, string>>

/** The backend's checks (goal.Validate) for a create/update form. */
export function validateGoalInput(g: GoalInput): GoalInputErrors {
  const errs: GoalInputErrors = {}
  if (g.kind !== undefined && !(GOAL_KINDS as readonly string[]).includes(g.kind)) errs.kind = m.goal_err_kind()
  if (g.name !== undefined && new TextEncoder().encode(g.name.trim()).length > 100) errs.name = m.goal_err_name()
  if (g.target !== undefined && (!Number.isInteger(g.target) || g.target < 1 || g.target > GOAL_MAX_TARGET)) {
    errs.target = m.goal_err_target()
  }
  if (g.increment !== undefined && (!Number.isInteger(g.increment) || g.increment < 0 || g.increment > GOAL_MAX_TARGET)) {
    errs.increment = m.goal_err_increment()
  }
  if (g.onReach !== undefined && !(GOAL_ON_REACH as readonly string[]).includes(g.onReach)) errs.onReach = m.goal_err_on_reach()
  if (g.style !== undefined && !(GOAL_STYLES as readonly string[]).includes(g.style)) errs.style = m.goal_err_style()
  if (g.color && !COLOR_RE.test(g.color)) errs.color = m.goal_err_color()
  return errs
}

/** Progress 0..1 of a value towards a target. */
export function goalProgress(value: number, target: number): number {
  if (!Number.isFinite(value) || !Number.isFinite(target) || target <= 0) return 0
  return Math.max(0, Math.min(1, value / target))
}

/**
 * A goal's configuration with its live state laid over it: value, target
 * (on-reach rules move it), reached, visibility and name come from the
 * latest `goal` message when there is one.
 */
export function mergeGoalState(view: GoalView, state: GoalState | DeletedGoal | undefined): GoalView {
  if (!state || isDeletedGoal(state) || state.id !== view.id) return view
  const s = state as GoalState & { color?: string }
  return {
    ...view,
    name: typeof s.name === 'string' && s.name ? s.name : view.name,
    value: typeof s.value === 'number' ? s.value : view.value,
    target: typeof s.target === 'number' && s.target > 0 ? s.target : view.target,
    reached: typeof s.reached === 'boolean' ? s.reached : view.reached,
    hidden: typeof s.visible === 'boolean' ? !s.visible : view.hidden,
    style: typeof s.style === 'string' && s.style ? s.style : view.style,
  }
}

/** Full URL of a goal's overlay page (style/options only when set: the goal's own style applies otherwise). */
export function goalOverlayUrl(base: string, id: string, opts: { style?: string; hideName?: boolean } = {}): string {
  const q = new URLSearchParams({ id })
  if (opts.style) q.set('style', opts.style)
  if (opts.hideName) q.set('hideName', '1')
  return `${base}/overlay/goal.html?${q.toString()}`
}

function normalizeGoal(v: Partial<GoalView> | null | undefined): GoalView | null {
  if (!v || typeof v.id !== 'string' || !v.id) return null
  const target = typeof v.target === 'number' ? v.target : 0
  const value = typeof v.value === 'number' ? v.value : 0
  return {
    id: v.id,
    name: typeof v.name === 'string' ? v.name : v.id,
    kind: typeof v.kind === 'string' ? v.kind : 'custom',
    target,
    startTarget: typeof v.startTarget === 'number' ? v.startTarget : target,
    onReach: typeof v.onReach === 'string' ? v.onReach : 'none',
    increment: typeof v.increment === 'number' ? v.increment : 0,
    style: typeof v.style === 'string' ? v.style : 'bar',
    color: typeof v.color === 'string' ? v.color : '',
    hidden: Boolean(v.hidden),
    value,
    reached: typeof v.reached === 'boolean' ? v.reached : target > 0 && value >= target,
    overlayUrl: typeof v.overlayUrl === 'string' ? v.overlayUrl : `/overlay/goal.html?id=${encodeURIComponent(v.id)}`,
  }
}

/** Client of the goals service (bindings in the desktop window, else REST). */
export class GoalsApi {
  private readonly svc: GoalsService

  constructor(svc: GoalsService) {
    this.svc = svc
  }

  private async one(what: string, reply: Promise<Partial<GoalView> | null | undefined>): Promise<GoalView> {
    const g = normalizeGoal(await reply)
    if (!g) throw new Error(m.api_unexpected_reply({ path: what }))
    return g
  }

  /** Every goal, sorted by name (as the backend sorts them). */
  async list(): Promise<GoalView[]> {
    const list = await this.svc.list()
    return (Array.isArray(list) ? list : []).map(normalizeGoal).filter((g): g is GoalView => g !== null)
  }

  get(id: string): Promise<GoalView> {
    return this.one('get', this.svc.get(id))
  }

  /** Creates a goal with a generated id (kind and target are required). */
  create(input: GoalInput): Promise<GoalView> {
    return this.one('create', this.svc.create(input))
  }

  /** Updates (or creates under this id) with the given fields. */
  update(id: string, patch: GoalInput): Promise<GoalView> {
    return this.one('update', this.svc.put(id, patch))
  }

  async remove(id: string): Promise<void> {
    await this.svc.remove(id)
  }

  /** Manual change: add amount (may be negative), set the value, or reset the goal. */
  adjust(id: string, op: GoalAdjustOp, amount = 0): Promise<GoalView> {
    return this.one('adjust', this.svc.adjust(id, op, amount))
  }
}

export function goalsApi(api: ApiClient): GoalsApi {
  return new GoalsApi(api.services.goals)
}
