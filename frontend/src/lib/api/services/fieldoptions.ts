// Field options service (backend/core/service/fieldoptions.go): the live
// choice lists of flow fields. In a browser the field's optionsUrl is
// fetched as it is; the desktop asks the bound FieldOptionsService, which
// answers the same route in process.

import type { FlowFieldOption } from '../flows'
import { bound, type Call, type RestCall } from './base'

export interface FieldOptionsService {
  /** The choices at url (a GET /api/ route answering [{value, label}]). */
  get(url: string): Promise<FlowFieldOption[] | null>
}

export interface FieldOptionsBound {
  Get: Call
}

export function fieldOptionsBinding(b: FieldOptionsBound): FieldOptionsService {
  return { get: (url) => bound<FlowFieldOption[] | null>(() => (b.Get as (r: { url: string }) => Promise<unknown>)({ url })) }
}

export function fieldOptionsRest(call: RestCall): FieldOptionsService {
  return { get: (url) => call<FlowFieldOption[] | null>('GET', url) }
}
