// Flows service (backend/flow/svc.go): the desktop binds FlowsService, the
// browser dashboard reaches the same methods over REST. Replies are raw:
// FlowsApi (../flows.ts) normalizes them the same for both.

import type { FlowDoc, FlowTestRequest } from '../flows'
import type { LiveEvent } from '../types'
import { bound, type Call, type RestCall } from './base'

/** A manual run: the flow, an optional event and template arguments. */
export interface FlowRunRequest {
  id: string
  event?: LiveEvent
  args?: Record<string, string>
}

export interface FlowsService {
  list(): Promise<unknown>
  get(id: string): Promise<unknown>
  /** Creates or replaces doc.id. */
  put(doc: FlowDoc): Promise<unknown>
  remove(id: string): Promise<void>
  enable(id: string, enabled: boolean): Promise<unknown>
  run(req: FlowRunRequest): Promise<unknown>
  test(id: string, req: FlowTestRequest): Promise<unknown>
  runs(id: string): Promise<unknown>
  /** One flow object or a list of them, as an import file holds them. */
  importFlows(flows: unknown): Promise<unknown>
  /** The flows (all when ids is empty) as a list of documents, secrets masked. */
  exportFlows(ids: readonly string[]): Promise<unknown>
  registry(): Promise<unknown>
  variables(): Promise<unknown>
  /** A null value deletes the variable; resolves to every variable. */
  setVariables(patch: Record<string, unknown>): Promise<unknown>
}

/** The Go adapter's methods as the Wails bridge exposes them. */
export interface FlowsBound {
  List: Call
  Get: Call
  Put: Call
  Delete: Call
  Enable: Call
  Run: Call
  Test: Call
  Runs: Call
  Import: Call
  Export: Call
  Registry: Call
  Variables: Call
  SetVariables: Call
}

type One<R> = (req: R) => Promise<unknown>
type None = () => Promise<unknown>

export function flowsBinding(b: FlowsBound): FlowsService {
  const ref = (f: Call) => f as One<{ id: string }>
  return {
    list: () => bound(() => (b.List as None)()),
    get: (id) => bound(() => ref(b.Get)({ id })),
    put: (doc) => bound(() => (b.Put as One<FlowDoc>)(doc)),
    remove: async (id) => {
      await bound(() => ref(b.Delete)({ id }))
    },
    enable: (id, enabled) => bound(() => (b.Enable as One<{ id: string; enabled: boolean }>)({ id, enabled })),
    run: (req) => bound(() => (b.Run as One<FlowRunRequest>)(req)),
    test: (id, req) => bound(() => (b.Test as One<FlowTestRequest & { id: string }>)({ ...req, id })),
    runs: (id) => bound(() => ref(b.Runs)({ id })),
    importFlows: (flows) => bound(() => (b.Import as One<{ flows: unknown[] }>)({ flows: Array.isArray(flows) ? flows : [flows] })),
    exportFlows: (ids) => bound(() => (b.Export as One<{ ids: string[]; secrets: boolean }>)({ ids: [...ids], secrets: false })),
    registry: () => bound(() => (b.Registry as None)()),
    variables: () => bound(() => (b.Variables as None)()),
    setVariables: (patch) => bound(() => (b.SetVariables as One<Record<string, unknown>>)(patch)),
  }
}

const enc = encodeURIComponent

export function flowsRest(call: RestCall): FlowsService {
  return {
    list: () => call('GET', '/api/flows'),
    get: (id) => call('GET', `/api/flows/${enc(id)}`),
    put: (doc) => call('PUT', `/api/flows/${enc(doc.id)}`, doc),
    remove: async (id) => {
      await call('DELETE', `/api/flows/${enc(id)}`)
    },
    enable: (id, enabled) => call('POST', `/api/flows/${enc(id)}/enable`, { enabled }),
    run: ({ id, event, args }) =>
      call('POST', `/api/flows/${enc(id)}/run`, event || args ? { ...(event ? { event } : {}), ...(args ? { args } : {}) } : undefined),
    test: (id, req) => call('POST', `/api/flows/${enc(id)}/test`, req),
    runs: (id) => call('GET', `/api/flows/${enc(id)}/runs`),
    importFlows: (flows) => call('POST', '/api/flows/import', flows),
    exportFlows: (ids) => call('GET', `/api/flows/export${ids.length ? `?${ids.map((id) => `id=${enc(id)}`).join('&')}` : ''}`),
    registry: () => call('GET', '/api/flow-registry'),
    variables: () => call('GET', '/api/variables'),
    setVariables: (patch) => call('PUT', '/api/variables', patch),
  }
}
