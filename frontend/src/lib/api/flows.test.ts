import { describe, expect, it } from 'vitest'
import type { Connection } from './bootstrap'
import { ApiClient } from './client'
import { flowsBinding, type FlowsBound } from './services/flows'
import {
  checkFlowShape,
  cleanFlow,
  defaultElementConfig,
  duplicateFlow,
  emptyFlow,
  FlowsApi,
  flowTraceHeadline,
  formatLooseValue,
  formatRunMs,
  groupFlowBlocks,
  groupFlows,
  hasFlowErrors,
  humanFlowError,
  newFlowElement,
  newFlowId,
  normalizeFlowRegistry,
  parseFlowErrors,
  parseFlowJson,
  parseImport,
  parseLooseValue,
  sameFlow,
  summarizeFlowElement,
  triggerSummary,
  validFlowId,
  validVariableName,
  type FlowDoc,
} from './flows'
import { ApiError } from './http'

// A slice of GET /api/flow-registry as the engine serves it (null field lists included).
const REG = normalizeFlowRegistry({
  triggers: [
    { type: 'manual', name: 'Manual (button / REST)', category: 'External', fields: [{ name: 'label', label: 'Button label', kind: 'text' }] },
    {
      type: 'tiktok.gift',
      name: 'Gift',
      category: 'TikTok',
      fields: [
        { name: 'minCoins', label: 'Minimum coins', kind: 'number', default: 0 },
        { name: 'giftId', label: 'Only this gift (id)', kind: 'number', default: 0 },
      ],
    },
    { type: 'tiktok.follow', name: 'Follow', category: 'TikTok', fields: null },
    {
      type: 'tiktok.chat',
      name: 'Chat message',
      category: 'TikTok',
      fields: [
        { name: 'match', label: 'Match', kind: 'select', default: 'any', options: [{ value: 'any', label: 'Any message' }, { value: 'contains', label: 'Contains' }] },
        { name: 'text', label: 'Text or pattern', kind: 'text' },
        { name: 'roles', label: 'Only from (any of)', kind: 'list', options: [{ value: 'moderator', label: 'Moderator' }] },
      ],
    },
  ],
  conditions: [
    {
      type: 'cooldown',
      name: 'Cooldown',
      category: 'Limits',
      fields: [
        { name: 'seconds', label: 'Seconds', kind: 'number', required: true },
        { name: 'scope', label: 'Per', kind: 'select', default: 'global', options: [{ value: 'global', label: 'Whole flow' }, { value: 'user', label: 'Each viewer' }] },
      ],
    },
    { type: 'or', name: 'Any of (OR)', category: 'Logic', fields: [{ name: 'conditions', label: 'Conditions', kind: 'conditions', required: true }] },
    {
      type: 'compare',
      name: 'Compare a field',
      category: 'Logic',
      fields: [
        { name: 'field', label: 'Field', kind: 'text', required: true },
        { name: 'value', label: 'Value', kind: 'json' },
      ],
    },
  ],
  actions: [
    {
      type: 'alert.show',
      name: 'Show alert',
      category: 'Overlay',
      dryRunSafe: true,
      fields: [
        { name: 'text', label: 'Text', kind: 'template', default: '{nickname}' },
        { name: 'imageUrl', label: 'Image URL', kind: 'template' },
        { name: 'durationMs', label: 'Duration (ms)', kind: 'number', default: 5000 },
      ],
    },
  ],
  eventFields: ['nickname', 'coins', 7],
})

function giftFlow(): FlowDoc {
  return {
    ...emptyFlow('gift-thanks', 'Gift thanks'),
    group: 'Alerts',
    triggers: [{ type: 'tiktok.gift', config: { minCoins: 10, giftId: 0 } }],
    conditions: [{ type: 'cooldown', config: { seconds: 30, scope: 'user' } }],
    actions: [{ type: 'alert.show', config: { text: '{nickname} thanks!', imageUrl: '', durationMs: 5000 } }],
  }
}

describe('registry', () => {
  it('normalizes null field lists and groups blocks, TikTok first', () => {
    expect(REG.triggers.find((t) => t.type === 'tiktok.follow')?.fields).toEqual([])
    expect(REG.eventFields).toEqual(['nickname', 'coins'])
    expect(REG.actions[0]?.dryRunSafe).toBe(true)
    const groups = groupFlowBlocks(REG.triggers)
    expect(groups.map((g) => g.category)).toEqual(['TikTok', 'External'])
    expect(groups[0]?.blocks.map((b) => b.name)).toEqual(['Chat message', 'Follow', 'Gift'])
    expect(normalizeFlowRegistry(null)).toEqual({ triggers: [], conditions: [], actions: [], eventFields: [] })
  })

  it('fills defaults into new elements', () => {
    expect(newFlowElement(REG, 'trigger', 'tiktok.gift')).toEqual({ type: 'tiktok.gift', config: { minCoins: 0, giftId: 0 } })
    expect(newFlowElement(REG, 'condition', 'or').config).toEqual({ conditions: [] })
    expect(defaultElementConfig([{ name: 'command', label: 'Command', kind: 'text', required: true }])).toEqual({ command: '' })
    expect(newFlowElement(REG, 'action', 'nope')).toEqual({ type: 'nope', config: {} })
  })
})

describe('documents', () => {
  it('validates and makes ids', () => {
    expect(validFlowId('big-gift_1')).toBe(true)
    expect(validFlowId('export')).toBe(false)
    expect(validFlowId('a b')).toBe(false)
    expect(validFlowId('x'.repeat(65))).toBe(false)
    const id = newFlowId()
    expect(id).toMatch(/^f[0-9a-f]{16}$/)
    expect(validFlowId(id)).toBe(true)
    expect(validVariableName('score')).toBe(true)
    expect(validVariableName('team.red')).toBe(true)
    expect(validVariableName('1abc')).toBe(true) // {var.1abc} is a valid reference
    expect(validVariableName('a/b')).toBe(false)
    expect(validVariableName('has space')).toBe(false)
    expect(validVariableName('end.')).toBe(false)
  })

  it('cleans a draft for saving: unset and empty optional values dropped, defaults kept', () => {
    const d = giftFlow()
    d.name = '  Gift thanks '
    d.group = ' '
    d.max = 5 // single mode: no max
    d.actions[0]!.alias = '  '
    d.actions[0]!.continueOnError = false
    d.triggers[0]!.enabled = true
    d.conditions!.push({ type: 'or', enabled: false, config: { conditions: [{ type: 'compare', config: { field: 'coins', value: undefined } }] } })
    expect(cleanFlow(d, REG)).toEqual({
      id: 'gift-thanks',
      name: 'Gift thanks',
      enabled: true,
      mode: 'single',
      triggers: [{ type: 'tiktok.gift', config: { minCoins: 10 } }],
      conditions: [
        { type: 'cooldown', config: { seconds: 30, scope: 'user' } },
        { type: 'or', enabled: false, config: { conditions: [{ type: 'compare', config: { field: 'coins' } }] } },
      ],
      actions: [{ type: 'alert.show', config: { text: '{nickname} thanks!' } }],
    })
    // defaults are left to the engine; a new element's prefilled defaults vanish
    expect(cleanFlow({ ...d, triggers: [newFlowElement(REG, 'trigger', 'tiktok.gift')] }, REG).triggers).toEqual([{ type: 'tiktok.gift' }])
    // a template whose default is not empty keeps "" (the user cleared it on purpose)
    d.actions[0]!.config!.text = ''
    expect(cleanFlow(d, REG).actions[0]?.config?.text).toBe('')
    // queued keeps max, continueOnError survives on actions
    d.mode = 'queued'
    d.actions[0]!.continueOnError = true
    const c = cleanFlow(d, REG)
    expect(c.max).toBe(5)
    expect(c.actions[0]?.continueOnError).toBe(true)
  })

  it('compares drafts by what they would save', () => {
    const a = giftFlow()
    const b = giftFlow()
    b.actions[0]!.config = { durationMs: 5000, text: '{nickname} thanks!' } // other key order, empty image dropped
    expect(sameFlow(a, b, REG)).toBe(true)
    b.triggers[0]!.config!.minCoins = 11
    expect(sameFlow(a, b, REG)).toBe(false)
  })

  it('duplicates as a switched-off copy without status', () => {
    const view = { ...giftFlow(), updatedAt: '2026-01-01T00:00:00Z', status: { valid: true, active: true, running: 0 } }
    const copy = duplicateFlow(view, 'copy-1')
    expect(copy).toMatchObject({ id: 'copy-1', name: 'Gift thanks (copy)', enabled: false })
    expect('status' in copy).toBe(false)
    expect(copy.updatedAt).toBeUndefined()
    copy.triggers[0]!.config!.minCoins = 99
    expect(view.triggers[0]!.config!.minCoins).toBe(10)
  })
})

describe('errors', () => {
  it('maps the engine error text to elements', () => {
    const e = parseFlowErrors(
      'invalid flow: a flow needs at least one action\ntriggers[0] (tiktok.gift): unknown config field "minCoinz"\n' +
        'conditions[1] (or): conditions[0] (compare): field is required\nactions[2]: unknown action type "nope" (save a corrected version or delete it)',
    )
    expect(e.general).toEqual(['a flow needs at least one action'])
    expect(e.triggers).toEqual({ 0: ['unknown config field "minCoinz"'] })
    expect(e.conditions[1]).toEqual(['conditions[0] (compare): field is required'])
    expect(e.actions[2]).toEqual(['unknown action type "nope"'])
    expect(hasFlowErrors(e)).toBe(true)
    expect(hasFlowErrors(parseFlowErrors(''))).toBe(false)
    expect(humanFlowError('triggers[0] (tiktok.chat): bad regular expression', REG)).toBe('Trigger 1 (Chat message): bad regular expression')
    expect(humanFlowError('actions[1]: unknown action type "nope"', REG)).toBe('Action 2: unknown action type "nope"')
    expect(humanFlowError('invalid flow: a flow needs at least one trigger', REG)).toBe('a flow needs at least one trigger')
  })

  it('checks the shape of JSON-tab text and imports', () => {
    expect(checkFlowShape([])).toEqual(['A flow must be a JSON object { … }'])
    expect(checkFlowShape({ triggers: [{}], actions: 'x', mode: 'often' })).toEqual([
      '"mode" must be one of single, restart, queued, parallel',
      'triggers[0] needs a "type"',
      '"actions" must be a list',
    ])
    expect(checkFlowShape({ id: 'b', triggers: [], actions: [] }, 'a')).toEqual(['"id" must stay "a"'])

    const ok = parseFlowJson('{"name":"X","triggers":[{"type":"manual"}],"actions":[{"type":"alert.show","config":{"text":"hi"}}]}', 'f1')
    expect('doc' in ok && ok.doc).toMatchObject({ id: 'f1', name: 'X', enabled: true, conditions: [], mode: 'single' })
    const bad = parseFlowJson('{"name": ', 'f1')
    expect('errors' in bad && bad.errors[0]).toMatch(/^Not valid JSON/)

    expect(parseImport('')).toEqual({ error: 'Paste flow JSON or choose a file' })
    expect(parseImport('[]')).toEqual({ error: 'The list is empty' })
    expect(parseImport('[{"triggers":[],"actions":[]},{"triggers":[]}]')).toEqual({ error: 'Flow 2: "actions" is missing: a list of {"type": …, "config": {…}}' })
    const one = parseImport('{"id":"a","triggers":[],"actions":[]}')
    expect('flows' in one && one.flows).toHaveLength(1)
  })
})

describe('values and summaries', () => {
  it('reads loosely typed values', () => {
    expect(parseLooseValue('10')).toBe(10)
    expect(parseLooseValue(' true ')).toBe(true)
    expect(parseLooseValue('["a", 2]')).toEqual(['a', 2])
    expect(parseLooseValue('hello world')).toBe('hello world')
    expect(parseLooseValue('   ')).toBeUndefined()
    expect(formatLooseValue('hello')).toBe('hello')
    expect(formatLooseValue('10')).toBe('"10"')
    expect(formatLooseValue(10)).toBe('10')
    expect(formatLooseValue([1, 'x'])).toBe('[1,"x"]')
    expect(formatLooseValue(undefined)).toBe('')
    for (const v of ['x', '10', 10, true, 'true', ['a'], { a: 1 }]) expect(parseLooseValue(formatLooseValue(v))).toEqual(v)
  })

  it('summarizes triggers with their non-default settings', () => {
    const d = giftFlow()
    expect(triggerSummary(d, REG)).toBe('Gift · Minimum coins 10')
    d.triggers.push({ type: 'tiktok.chat', config: { match: 'contains', text: 'hi', roles: ['moderator'] } })
    d.triggers.push({ type: 'tiktok.follow', enabled: false })
    expect(triggerSummary(d, REG)).toBe('Gift · Minimum coins 10 or Chat message · Match Contains · Text or pattern hi · Only from (any of) Moderator')
    expect(summarizeFlowElement({ type: 'tiktok.gift', alias: 'Big gifts' }, 'trigger', REG)).toBe('Big gifts')
    expect(summarizeFlowElement({ type: 'x.unknown' }, 'trigger', REG)).toBe('x.unknown')
    expect(triggerSummary(emptyFlow('e'), REG)).toBe('no trigger')
  })

  it('groups flows, ungrouped last', () => {
    const mk = (id: string, group: string) => ({ ...emptyFlow(id, id), group })
    const g = groupFlows([mk('b', ''), mk('c', 'Alerts'), mk('a', 'Alerts'), mk('d', 'Goals')])
    expect(g.map((x) => [x.group, x.flows.map((f) => f.id)])).toEqual([
      ['Alerts', ['a', 'c']],
      ['Goals', ['d']],
      ['', ['b']],
    ])
  })

  it('formats timings and headlines', () => {
    expect(formatRunMs(0.013)).toBe('0.01 ms')
    expect(formatRunMs(12.4)).toBe('12 ms')
    expect(formatRunMs(1500)).toBe('1.5 s')
    const t = { status: 'rejected', reason: 'conditions not met', dryRun: true } as Parameters<typeof flowTraceHeadline>[0]
    expect(flowTraceHeadline(t)).toBe('Did not pass: conditions not met')
    expect(flowTraceHeadline({ ...t, status: 'completed', reason: undefined })).toBe('Test passed')
  })
})

describe('FlowsApi', () => {
  const conn: Connection = { mode: 'browser', baseUrl: 'http://127.0.0.1:3000', token: 'tok', version: '', headless: false }

  function recorder(reply: (url: string, init: RequestInit) => Response) {
    const calls: { url: string; method: string; body: string; auth: string }[] = []
    const fetcher = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
      const url = String(input)
      const headers = (init.headers ?? {}) as Record<string, string>
      calls.push({ url, method: init.method ?? 'GET', body: typeof init.body === 'string' ? init.body : '', auth: headers['Authorization'] ?? '' })
      return reply(url, init)
    }) as typeof fetch
    return { calls, api: new FlowsApi(new ApiClient(conn, fetcher).services.flows) }
  }

  const json = (v: unknown, status = 200) => new Response(JSON.stringify(v), { status, headers: { 'Content-Type': 'application/json' } })

  it('lists, saves, toggles and deletes with the token on writes', async () => {
    const view = { ...giftFlow(), status: { valid: true, active: true, running: 0 } }
    const { calls, api } = recorder((url, init) => {
      if (init.method === 'DELETE') return new Response(null, { status: 204 })
      if (url.endsWith('/api/flows')) return json([view, { id: '' }, { id: 'bad', name: 'Bad', enabled: false, triggers: null, status: { valid: false, error: 'x', active: false, running: 0 } }])
      return json(view)
    })
    const list = await api.list()
    expect(list.map((f) => f.id)).toEqual(['gift-thanks', 'bad'])
    expect(list[1]?.triggers).toEqual([])
    expect(list[1]?.status.valid).toBe(false)
    await api.save(cleanFlow(giftFlow(), REG))
    await api.setEnabled('gift-thanks', false)
    await api.remove('gift-thanks')
    expect(calls.map((c) => `${c.method} ${c.url.replace(conn.baseUrl, '')}`)).toEqual([
      'GET /api/flows',
      'PUT /api/flows/gift-thanks',
      'POST /api/flows/gift-thanks/enable',
      'DELETE /api/flows/gift-thanks',
    ])
    expect(calls.every((c) => c.auth === 'Bearer tok')).toBe(true)
    expect(JSON.parse(calls[2]!.body)).toEqual({ enabled: false })
    expect(JSON.parse(calls[1]!.body).triggers).toEqual([{ type: 'tiktok.gift', config: { minCoins: 10 } }])
  })

  it('surfaces validation errors as ApiError 400 with the engine text', async () => {
    const { api } = recorder(() => json({ error: 'invalid flow: actions[0]: unknown action type "nope"' }, 400))
    const err = await api.save(giftFlow()).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ApiError)
    expect((err as ApiError).status).toBe(400)
    expect(parseFlowErrors((err as ApiError).message).actions[0]).toEqual(['unknown action type "nope"'])
  })

  it('tests, runs, reads runs, imports, exports and variables', async () => {
    const { calls, api } = recorder((url) => {
      if (url.includes('/test')) return json({ runId: 'r1', status: 'completed', dryRun: true, trigger: { type: 'tiktok.gift', index: 0, matched: true }, conditions: null, actions: [{ index: 0, type: 'alert.show', status: 'dryRun', startMs: 0, durationMs: 0.01, notes: ['would publish "alert"'] }] })
      if (url.endsWith('/run')) return json({ flowId: 'f', runId: 'r2', status: 'running' }, 202)
      if (url.endsWith('/runs')) return json(null)
      if (url.includes('/import')) return json([{ id: 'a', name: 'A', enabled: false, error: 'x' }])
      if (url.includes('/export')) return new Response('[]', { headers: { 'Content-Disposition': 'attachment; filename="ltth-flows.json"' } })
      return json({ score: 5 })
    })
    const t = await api.test('f', { event: { type: 'gift', id: '1', ts: 1, coins: 20 }, force: true })
    expect(t.conditions).toEqual([])
    expect(t.actions[0]?.notes).toEqual(['would publish "alert"'])
    expect(await api.run('f')).toEqual({ flowId: 'f', runId: 'r2', status: 'running', reason: undefined })
    expect(await api.runs('f')).toEqual([])
    expect(await api.importFlows([{ id: 'a' }])).toEqual([{ id: 'a', name: 'A', enabled: false, error: 'x' }])
    const ex = await api.exportFlows(['a'])
    expect(ex.filename).toBe('ltth-flow-a.json')
    expect(await ex.blob.text()).toBe('[]\n')
    expect(await api.variables()).toEqual({ score: 5 })
    await api.setVariables({ score: null })
    expect(calls.map((c) => `${c.method} ${c.url.replace(conn.baseUrl, '')}`)).toEqual([
      'POST /api/flows/f/test',
      'POST /api/flows/f/run',
      'GET /api/flows/f/runs',
      'POST /api/flows/import',
      'GET /api/flows/export?id=a',
      'GET /api/variables',
      'PUT /api/variables',
    ])
    expect(JSON.parse(calls[0]!.body)).toEqual({ event: { type: 'gift', id: '1', ts: 1, coins: 20 }, force: true })
    expect(calls[1]!.body).toBe('')
    expect(JSON.parse(calls[6]!.body)).toEqual({ score: null })
  })

  it('calls the bound methods with typed requests, and carries their error codes', async () => {
    const seen: [string, unknown][] = []
    const rec = (name: string, reply: unknown = null) =>
      (async (...args: unknown[]) => {
        seen.push([name, args[0]])
        return reply
      }) as never
    const view = { ...giftFlow(), status: { valid: true, active: true, running: 0 } }
    const bound: FlowsBound = {
      List: rec('List', [view]),
      Get: (async () => {
        throw new Error('{"error":"flow not found","code":"not_found"}')
      }) as never,
      Put: rec('Put', view),
      Delete: rec('Delete', { id: 'gift-thanks' }),
      Enable: rec('Enable', view),
      Run: rec('Run', { flowId: 'gift-thanks', runId: 'r1', status: 'running' }),
      Test: rec('Test', { runId: 'r2', status: 'completed', dryRun: true }),
      Runs: rec('Runs', null),
      Import: rec('Import', [{ id: 'a', name: 'A', enabled: true }]),
      Export: rec('Export', [giftFlow()]),
      Registry: rec('Registry', { triggers: null, conditions: [], actions: [], eventFields: ['nickname'] }),
      Variables: rec('Variables', { score: 5 }),
      SetVariables: rec('SetVariables', {}),
    }
    const api = new FlowsApi(flowsBinding(bound))
    expect((await api.list()).map((f) => f.id)).toEqual(['gift-thanks'])
    await expect(api.get('nope')).rejects.toMatchObject({ code: 'not_found', status: 404, message: 'flow not found' })
    await api.save(giftFlow())
    await api.remove('gift-thanks')
    await api.setEnabled('gift-thanks', false)
    expect(await api.run('gift-thanks', undefined, { who: 'ann' })).toMatchObject({ runId: 'r1' })
    expect((await api.test('gift-thanks', { force: true })).dryRun).toBe(true)
    expect(await api.runs('gift-thanks')).toEqual([])
    await api.importFlows({ id: 'a' })
    const ex = await api.exportFlows(['gift-thanks'])
    expect(JSON.parse(await ex.blob.text())).toEqual([giftFlow()])
    expect((await api.registry()).eventFields).toEqual(['nickname'])
    expect(await api.variables()).toEqual({ score: 5 })
    await api.setVariables({ score: null })
    expect(seen).toEqual([
      ['List', undefined],
      ['Put', giftFlow()],
      ['Delete', { id: 'gift-thanks' }],
      ['Enable', { id: 'gift-thanks', enabled: false }],
      ['Run', { id: 'gift-thanks', args: { who: 'ann' } }],
      ['Test', { id: 'gift-thanks', force: true }],
      ['Runs', { id: 'gift-thanks' }],
      ['Import', { flows: [{ id: 'a' }] }],
      ['Export', { ids: ['gift-thanks'], secrets: false }],
      ['Registry', undefined],
      ['Variables', undefined],
      ['SetVariables', { score: null }],
    ])
  })
})
