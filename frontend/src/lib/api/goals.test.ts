// Unit tests of the goals API layer: request shapes (method, path, token,
// body) against a recording fetch, reply normalization, and the pure helpers
// the page relies on.

import { describe, expect, it } from 'vitest'
import type { Connection } from './bootstrap'
import { ApiClient } from './client'
import { goalsBinding } from './services/goals'
import { GoalsApi, goalOverlayUrl, goalProgress, isDeletedGoal, mergeGoalState, validateGoalInput, type GoalView } from './goals'

const conn: Connection = { mode: 'browser', baseUrl: 'http://127.0.0.1:3000', token: 'tok', version: '', headless: false }

interface Call {
  method: string
  url: string
  auth: string | null
  body: unknown
}

/** A fetch that records calls and answers from a route table. */
function recorder(routes: Record<string, { status?: number; body?: unknown }>) {
  const calls: Call[] = []
  const fetcher: typeof fetch = async (input, init) => {
    const url = String(input)
    const method = init?.method ?? 'GET'
    const headers = (init?.headers ?? {}) as Record<string, string>
    calls.push({
      method,
      url,
      auth: headers['Authorization'] ?? null,
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
    })
    const path = url.replace(conn.baseUrl, '')
    const r = routes[`${method} ${path}`] ?? { status: 404, body: { error: 'no route' } }
    const status = r.status ?? 200
    return new Response(r.body === undefined ? '' : JSON.stringify(r.body), { status, headers: { 'Content-Type': 'application/json' } })
  }
  return { calls, fetcher }
}

const goalView = (over: Partial<GoalView> = {}): GoalView => ({
  id: 'g1',
  name: 'Coins',
  kind: 'coins',
  target: 100,
  startTarget: 100,
  onReach: 'none',
  increment: 0,
  style: 'bar',
  color: '',
  hidden: false,
  value: 0,
  reached: false,
  overlayUrl: '/overlay/goal.html?id=g1',
  ...over,
})

describe('goals api', () => {
  it('lists, creates, updates, adjusts and deletes', async () => {
    const { calls, fetcher } = recorder({
      'GET /api/goals': { body: [goalView(), { id: 'g2', kind: 'likes', target: 5 }, { nope: true }] },
      'POST /api/goals': { status: 201, body: goalView({ id: 'new' }) },
      'PUT /api/goals/g%2F1': { body: goalView({ id: 'g/1', target: 200 }) },
      'POST /api/goals/g1/adjust': { body: goalView({ value: 30 }) },
      'DELETE /api/goals/g1': { body: { id: 'g1', deleted: true } },
    })
    const api = new GoalsApi(new ApiClient(conn, fetcher).services.goals)
    const list = await api.list()
    expect(list.map((g) => g.id)).toEqual(['g1', 'g2'])
    expect(list[1]).toMatchObject({ name: 'g2', value: 0, style: 'bar', overlayUrl: '/overlay/goal.html?id=g2' })
    expect((await api.create({ kind: 'coins', target: 100 })).id).toBe('new')
    expect(calls[1]).toMatchObject({ method: 'POST', auth: 'Bearer tok', body: { kind: 'coins', target: 100 } })
    expect((await api.update('g/1', { target: 200 })).target).toBe(200)
    expect((await api.adjust('g1', 'add', 30)).value).toBe(30)
    expect(calls[3]?.body).toEqual({ op: 'add', amount: 30 })
    await api.remove('g1')
    expect(calls[4]).toMatchObject({ method: 'DELETE', url: 'http://127.0.0.1:3000/api/goals/g1' })
  })

  it('calls the bound methods with typed requests, and carries their error codes', async () => {
    const seen: unknown[] = []
    const rec = (name: string, reply: unknown) => (async (r?: unknown) => (seen.push(r === undefined ? [name] : [name, r]), reply)) as never
    const api = new GoalsApi(
      goalsBinding({
        List: rec('list', [goalView(), null]),
        Get: rec('get', goalView()),
        Create: rec('create', goalView({ id: 'new' })),
        Put: rec('put', goalView({ target: 200 })),
        Delete: rec('delete', { id: 'g1', deleted: true }),
        Adjust: (async () => {
          throw new Error('{"error":"goal not found: \\"nope\\"","code":"not_found"}')
        }) as never,
      }),
    )
    expect((await api.list()).map((g) => g.id)).toEqual(['g1'])
    expect((await api.get('g1')).id).toBe('g1')
    expect((await api.create({ kind: 'coins', target: 100 })).id).toBe('new')
    expect((await api.update('g1', { target: 200 })).target).toBe(200)
    await api.remove('g1')
    expect(seen).toEqual([
      ['list'],
      ['get', { id: 'g1' }],
      ['create', { kind: 'coins', target: 100 }],
      ['put', { id: 'g1', goal: { target: 200 } }],
      ['delete', { id: 'g1' }],
    ])
    await expect(api.adjust('nope', 'add', 1)).rejects.toMatchObject({ code: 'not_found', status: 404, name: 'ServiceError' })
  })

  it('shows the backend error text', async () => {
    const { fetcher } = recorder({ 'POST /api/goals': { status: 400, body: { error: 'invalid goal request: target must be between 1 and 1000000000000' } } })
    await expect(new GoalsApi(new ApiClient(conn, fetcher).services.goals).create({ kind: 'coins', target: 0 })).rejects.toThrow('target must be between')
  })

  it('merges the live goal state', () => {
    const v = goalView({ value: 10 })
    expect(mergeGoalState(v, undefined)).toBe(v)
    const m = mergeGoalState(v, { id: 'g1', name: 'Coins!', kind: 'coins', value: 130, target: 200, reached: false, visible: false, style: 'circle' })
    expect(m).toMatchObject({ value: 130, target: 200, name: 'Coins!', hidden: true, style: 'circle', startTarget: 100 })
    expect(mergeGoalState(v, { id: 'other', name: '', kind: '', value: 5, target: 5 })).toBe(v)
    expect(isDeletedGoal({ id: 'g1', deleted: true, visible: false })).toBe(true)
    expect(mergeGoalState(v, { id: 'g1', deleted: true })).toBe(v)
  })

  it('validates, computes progress and overlay URLs', () => {
    expect(validateGoalInput({ kind: 'coins', target: 100, style: 'bar', onReach: 'none' })).toEqual({})
    expect(Object.keys(validateGoalInput({ kind: 'money', target: 0, style: 'pie', onReach: 'never', color: 'url(x)' })).sort()).toEqual([
      'color',
      'kind',
      'onReach',
      'style',
      'target',
    ])
    expect(validateGoalInput({ target: 1.5 }).target).toBeTruthy()
    expect(validateGoalInput({ color: '#ff2d6f' })).toEqual({})
    expect(goalProgress(30, 100)).toBeCloseTo(0.3)
    expect(goalProgress(300, 100)).toBe(1)
    expect(goalProgress(5, 0)).toBe(0)
    expect(goalOverlayUrl('http://h', 'a b')).toBe('http://h/overlay/goal.html?id=a+b')
    expect(goalOverlayUrl('http://h', 'g1', { style: 'circle', hideName: true })).toBe('http://h/overlay/goal.html?id=g1&style=circle&hideName=1')
  })
})
