// Live choice lists of flow fields (action.FieldSpec.optionsUrl): e.g. OBS
// scenes from /api/obs/options?kind=scenes. "{field}" in the URL is replaced
// by that field's current value in the same block.

import type { Connection } from './bootstrap'
import { request, type Fetcher } from './http'
import type { FlowFieldOption } from './flows'
import { desktopServices } from './services'

/** The URL with {name} replaced by values[name] (URL-encoded); '' when a
 *  referenced field is empty (the list would be meaningless). */
export function expandOptionsUrl(url: string, values: Record<string, unknown>): string {
  let missing = false
  const out = url.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = values[name]
    const s = typeof v === 'string' || typeof v === 'number' ? String(v) : ''
    if (!s || s.includes('{')) missing = true
    return encodeURIComponent(s)
  })
  return missing ? '' : out
}

/**
 * Fetches a field's options (through the bound FieldOptionsService in the
 * desktop window); an unreachable module gives an empty list.
 */
export async function fetchFieldOptions(conn: Connection, url: string, fetcher: Fetcher = (...a) => fetch(...a)): Promise<FlowFieldOption[]> {
  if (!url.startsWith('/')) return []
  try {
    const svc = desktopServices(conn)
    const list = svc ? await svc.fieldOptions.get(url) : await request<FlowFieldOption[] | null>(conn, 'GET', url, {}, fetcher)
    return Array.isArray(list) ? list.filter((o) => o && typeof o.value === 'string') : []
  } catch {
    return []
  }
}
