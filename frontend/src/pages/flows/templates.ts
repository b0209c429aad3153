// The flow template gallery: ready flows from templates.json (checked
// against the real block registry by backend/core/templates_test.go). A
// template opens in the editor as a new, unsaved flow.

import raw from './templates.json'
import { emptyFlow, newFlowId, type FlowDoc, type FlowElement } from '../../lib/api'

export interface FlowTemplate {
  id: string
  name: string
  description: string
  flow: {
    name: string
    mode?: string
    triggers: FlowElement[]
    conditions?: FlowElement[]
    actions: FlowElement[]
  }
}

export const FLOW_TEMPLATES: readonly FlowTemplate[] = raw as FlowTemplate[]

/** A new flow (fresh id, not saved) filled from a template. */
export function flowFromTemplate(t: FlowTemplate, id: string = newFlowId()): FlowDoc {
  const f = structuredClone(t.flow)
  const doc = emptyFlow(id, f.name)
  doc.description = t.description
  if (f.mode) doc.mode = f.mode
  doc.triggers = f.triggers
  doc.conditions = f.conditions ?? []
  doc.actions = f.actions
  return doc
}
