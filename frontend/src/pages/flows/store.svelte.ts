// State of one Flows page: the flow list, the block registry, variables and
// the goal list (for pickers). Created by FlowsPage and handed to the
// editor's components through context, so nested condition groups reach it
// without prop drilling.

import { getContext, setContext } from 'svelte'
import {
  ApiError,
  EMPTY_FLOW_REGISTRY,
  flowsApi,
  goalsApi,
  type ApiClient,
  type FlowFieldOption,
  type FlowRegistry,
  type FlowVariables,
  type FlowView,
} from '../../lib/api'
import { m } from '../../lib/i18n'
import { localizeRegistry } from './blocktexts'

export class FlowsState {
  flows = $state.raw<FlowView[]>([])
  /** The registry as the backend sent it (English texts). */
  private rawRegistry = $state.raw<FlowRegistry>(EMPTY_FLOW_REGISTRY)
  /** The registry with its texts in the dashboard's language (follows a switch). */
  registry = $derived(localizeRegistry(this.rawRegistry))
  variables = $state.raw<FlowVariables>({})
  goals = $state.raw<FlowFieldOption[]>([])
  loaded = $state(false)
  loadError = $state('')
  private loading = false

  /** Loads the list and the registry (the registry once). */
  async load(api: ApiClient | null): Promise<void> {
    if (!api || this.loading) return
    this.loading = true
    try {
      const fa = flowsApi(api)
      const needRegistry = this.rawRegistry.triggers.length === 0
      const [list, reg] = await Promise.all([fa.list(), needRegistry ? fa.registry() : Promise.resolve(this.rawRegistry)])
      this.flows = list
      this.rawRegistry = reg
      this.loadError = ''
    } catch (err) {
      this.loadError =
        err instanceof ApiError && err.notAvailable ? m.fe_no_engine() : err instanceof Error ? err.message : String(err)
    } finally {
      this.loading = false
      this.loaded = true
    }
  }

  async loadVariables(api: ApiClient | null): Promise<void> {
    if (!api) return
    try {
      this.variables = await flowsApi(api).variables()
    } catch {
      // the variables panel shows what it has; a failed refresh is not worth a toast
    }
  }

  /** Goals for the goal pickers of goal triggers and actions (optional module). */
  async loadGoals(api: ApiClient | null): Promise<void> {
    if (!api) return
    try {
      const list = await goalsApi(api).list()
      this.goals = list.map((g) => ({ value: g.id, label: g.name || g.id }))
    } catch {
      this.goals = []
    }
  }

  get(id: string): FlowView | undefined {
    return this.flows.find((f) => f.id === id)
  }

  replace(v: FlowView): void {
    const i = this.flows.findIndex((f) => f.id === v.id)
    this.flows = i >= 0 ? this.flows.map((f) => (f.id === v.id ? v : f)) : [...this.flows, v]
  }

  drop(id: string): void {
    this.flows = this.flows.filter((f) => f.id !== id)
  }

  /** Existing group names, for the group field's suggestions. */
  get groups(): string[] {
    return [...new Set(this.flows.map((f) => f.group?.trim() ?? '').filter(Boolean))].sort((a, b) => a.localeCompare(b))
  }

  /**
   * Suggestions for a config field: flows for "Run another flow", goals for
   * goal blocks, variable names for variable blocks, event fields for
   * comparisons. Free text stays allowed.
   */
  suggestions(blockType: string, field: string): FlowFieldOption[] {
    if (field === 'flowId') return this.flows.map((f) => ({ value: f.id, label: f.name || f.id }))
    if (field === 'goalId') return this.goals
    const vars = Object.keys(this.variables).sort()
    if (field === 'name' && blockType.startsWith('variable')) return vars.map((v) => ({ value: v, label: v }))
    if (field === 'field' && blockType === 'compare') {
      return [
        ...this.registry.eventFields.map((f) => ({ value: f, label: f })),
        ...vars.map((v) => ({ value: `var.${v}`, label: m.fe_var_option({ name: v }) })),
      ]
    }
    return []
  }
}

const KEY = Symbol('flows-page')

export function provideFlowsState(s: FlowsState): void {
  setContext(KEY, s)
}

export function flowsState(): FlowsState {
  const s = getContext<FlowsState | undefined>(KEY)
  if (!s) throw new Error('flowsState() outside the Flows page')
  return s
}
