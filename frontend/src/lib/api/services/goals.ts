// Goals service (backend/goal/svc.go): the desktop binds GoalsService, the
// browser dashboard reaches the same methods over REST.

import type { GoalAdjustOp, GoalInput, GoalView } from '../goals'
import { bound, type Call, type RestCall } from './base'

export interface GoalsService {
  list(): Promise<Partial<GoalView>[] | null>
  get(id: string): Promise<Partial<GoalView>>
  /** Creates a goal with a generated id (kind and target are required). */
  create(input: GoalInput): Promise<Partial<GoalView>>
  /** Updates goal id with the fields given (or creates it under this id). */
  put(id: string, input: GoalInput): Promise<Partial<GoalView>>
  remove(id: string): Promise<{ id: string; deleted: boolean }>
  adjust(id: string, op: GoalAdjustOp, amount: number): Promise<Partial<GoalView>>
}

/** The Go adapter's methods as the Wails bridge exposes them. */
export interface GoalsBound {
  List: Call
  Get: Call
  Create: Call
  Put: Call
  Delete: Call
  Adjust: Call
}

type Req<R> = (r: R) => Promise<unknown>

/** The bindings implementation; methods are looked up on b at call time. */
export function goalsBinding(b: GoalsBound): GoalsService {
  const one = (m: Call, id: string) => (m as Req<{ id: string }>)({ id })
  return {
    list: () => bound(() => b.List()),
    get: (id) => bound(() => one(b.Get, id)),
    create: (input) => bound(() => (b.Create as Req<GoalInput>)(input)),
    put: (id, goal) => bound(() => (b.Put as Req<{ id: string; goal: GoalInput }>)({ id, goal })),
    remove: (id) => bound(() => one(b.Delete, id)),
    adjust: (id, op, amount) => bound(() => (b.Adjust as Req<{ id: string; op: string; amount: number }>)({ id, op, amount })),
  }
}

const enc = encodeURIComponent

export function goalsRest(call: RestCall): GoalsService {
  return {
    list: () => call('GET', '/api/goals'),
    get: (id) => call('GET', `/api/goals/${enc(id)}`),
    create: (input) => call('POST', '/api/goals', input),
    put: (id, input) => call('PUT', `/api/goals/${enc(id)}`, input),
    remove: (id) => call('DELETE', `/api/goals/${enc(id)}`),
    adjust: (id, op, amount) => call('POST', `/api/goals/${enc(id)}/adjust`, { op, amount }),
  }
}
