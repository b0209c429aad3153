// What the Flows page is editing: the open flow's draft and the saved
// document it started from, server validation errors, and the page's
// actions on flows (open, new, save, revert, switch, duplicate, delete,
// export, after-import). Components call these; only this and the panels
// talk to the backend, through lib/api.

import {
  ApiError,
  cleanFlow,
  duplicateFlow,
  emptyFlow,
  emptyFlowErrors,
  flowDocOf,
  flowsApi,
  parseFlowErrors,
  sameFlow,
  validFlowId,
  type FlowDoc,
  type FlowErrors,
  type FlowImportResult,
  type FlowView,
} from '../../lib/api'
import { attempt, session } from '../../lib/state/session.svelte'
import { toasts } from '../../lib/state/toasts.svelte'
import { m } from '../../lib/i18n'
import { Cancelled, saveExport } from '../../lib/ui/clipboard'
import type { FlowsState } from './store.svelte'

export interface PendingDelete {
  id: string
  name: string
  isNew: boolean
}

export class FlowEditing {
  selectedId = $state('')
  draft = $state<FlowDoc | null>(null)
  /** The saved document the draft started from (null while new). */
  baseline = $state.raw<FlowDoc | null>(null)
  isNew = $state(false)
  errors = $state.raw<FlowErrors>(emptyFlowErrors())
  /** Id of the flow a request is running for, "editor", or "". */
  busy = $state('')
  /** The JSON tab holds text not applied yet. */
  jsonPending = $state(false)
  /** Bumped when another flow opens: the editor starts fresh. */
  seq = $state(0)
  /** Waiting for "discard unsaved changes?". */
  pending = $state.raw<(() => void) | null>(null)
  deleting = $state.raw<PendingDelete | null>(null)

  /** The stored flow being edited (undefined while new). */
  view = $derived.by((): FlowView | undefined => (this.isNew ? undefined : this.st.get(this.selectedId)))

  dirty = $derived.by((): boolean => {
    const { draft, baseline } = this
    if (!draft) return false
    return this.isNew || this.jsonPending || (baseline !== null && !sameFlow(draft, baseline, this.st.registry))
  })

  constructor(private readonly st: FlowsState) {}

  clear(): void {
    this.selectedId = ''
    this.draft = null
    this.baseline = null
    this.isNew = false
    this.errors = emptyFlowErrors()
    this.jsonPending = false
  }

  /** Runs fn now, or after the user agreed to drop unsaved changes. */
  guard(fn: () => void): void {
    if (this.dirty) this.pending = fn
    else fn()
  }

  /** "Discard changes" confirmed: drop the draft, then do what was asked. */
  discardAndContinue(): void {
    const fn = this.pending
    this.pending = null
    this.clear()
    fn?.()
  }

  open(id: string): void {
    const v = this.st.get(id)
    if (!v) return
    this.selectedId = id
    this.isNew = false
    this.draft = flowDocOf(v)
    this.baseline = flowDocOf(v)
    this.errors = v.status.error ? parseFlowErrors(v.status.error) : emptyFlowErrors()
    this.jsonPending = false
    this.seq++
  }

  /** Opens a new, unsaved flow: empty, or pre-filled (a template). */
  newFlow(from?: FlowDoc): void {
    this.guard(() => {
      const d = from ?? emptyFlow(undefined, m.fl_new())
      this.selectedId = d.id
      this.isNew = true
      this.draft = d
      this.baseline = null
      this.errors = emptyFlowErrors()
      this.jsonPending = false
      this.seq++
    })
  }

  /** PUTs the draft; on 400 the engine's reasons are filed under the steps. */
  async save(): Promise<boolean> {
    const api = session.api
    if (!this.draft || !api) return false
    const doc = cleanFlow($state.snapshot(this.draft) as FlowDoc, this.st.registry)
    if (!validFlowId(doc.id)) {
      this.errors = { ...emptyFlowErrors(), general: [m.fe_bad_id()] }
      return false
    }
    if (this.isNew && this.st.get(doc.id)) {
      this.errors = { ...emptyFlowErrors(), general: [m.fe_id_taken({ id: doc.id })] }
      return false
    }
    this.busy = 'editor'
    try {
      const v = await flowsApi(api).save(doc)
      this.st.replace(v)
      this.selectedId = v.id
      this.isNew = false
      this.draft = flowDocOf(v)
      this.baseline = flowDocOf(v)
      this.errors = emptyFlowErrors()
      toasts.success(m.fe_saved({ name: v.name }))
      return true
    } catch (err) {
      const msg = err instanceof Error ? err.message : String(err)
      if (err instanceof ApiError && err.status === 400) {
        this.errors = parseFlowErrors(msg)
        toasts.error(m.fe_save_problems())
      } else {
        if (err instanceof ApiError && err.unauthorized) session.tokenRejected = true
        toasts.error(msg)
      }
      return false
    } finally {
      this.busy = ''
    }
  }

  revert(): void {
    if (!this.baseline) return
    this.draft = structuredClone(this.baseline)
    const v = this.st.get(this.selectedId)
    this.errors = v?.status.error ? parseFlowErrors(v.status.error) : emptyFlowErrors()
  }

  /** Switches a flow on or off (a new flow: just its draft). */
  async toggle(id: string, on: boolean): Promise<void> {
    if (this.isNew && id === this.selectedId && this.draft) {
      this.draft.enabled = on
      return
    }
    const v = this.st.get(id)
    if (!v) return
    this.busy = id
    await attempt(
      async (api) => {
        const nv = await flowsApi(api).setEnabled(id, on)
        this.st.replace(nv)
        if (this.selectedId === nv.id && this.draft) {
          this.draft.enabled = nv.enabled
          if (this.baseline) this.baseline = { ...this.baseline, enabled: nv.enabled }
        }
      },
      on ? m.fe_now_on({ name: v.name }) : m.fe_now_off({ name: v.name }),
    )
    this.busy = ''
  }

  /** Stores a switched-off copy (through import, so a broken flow copies too) and opens it. */
  duplicate(v: FlowView): void {
    this.guard(async () => {
      let res: FlowImportResult[] = []
      this.busy = v.id
      const ok = await attempt(async (api) => {
        const copy = duplicateFlow(v)
        copy.name = m.fe_copy_name({ name: v.name || v.id })
        res = await flowsApi(api).importFlows(copy)
        await this.st.load(api)
      }, m.fe_duplicated({ name: v.name }))
      this.busy = ''
      if (ok && res[0]) this.open(res[0].id)
    })
  }

  askDelete(): void {
    const d = this.draft
    if (d) this.deleting = { id: d.id, name: d.name || d.id, isNew: this.isNew }
  }

  async confirmDelete(): Promise<void> {
    const d = this.deleting
    if (!d) return
    if (d.isNew) {
      this.clear()
      this.deleting = null
      return
    }
    this.busy = d.id
    const ok = await attempt((api) => flowsApi(api).remove(d.id), m.fe_deleted({ name: d.name }))
    this.busy = ''
    if (ok) {
      this.st.drop(d.id)
      if (this.selectedId === d.id) this.clear()
      this.deleting = null
    }
  }

  async exportFlows(ids: string[] = []): Promise<void> {
    const n = this.st.flows.length
    await attempt(
      async (api) => {
        const q = ids.length ? `?${ids.map((id) => `id=${encodeURIComponent(id)}`).join('&')}` : ''
        const name = ids.length === 1 ? `ltth-flow-${ids[0]}.json` : 'ltth-flows.json'
        if (!(await saveExport(`/api/flows/export${q}`, name, () => flowsApi(api).exportFlows(ids)))) throw new Cancelled()
      },
      ids.length ? m.fe_exported_one() : m.fe_exported({ count: n }),
    )
  }

  async imported(results: FlowImportResult[]): Promise<void> {
    await this.st.load(session.api)
    const bad = results.filter((r) => r.error).length
    const text = m.fe_imported({ count: results.length })
    toasts.success(bad ? m.fe_imported_bad({ text, count: bad }) : text)
    if (this.dirty) return
    if (this.selectedId && !this.isNew && results.some((r) => r.id === this.selectedId)) this.open(this.selectedId) // replaced by the import
    else if (results.length === 1 && results[0]) this.open(results[0].id)
  }
}
