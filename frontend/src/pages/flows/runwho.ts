// Who triggered a flow run, for the run history.

import type { FlowTrace } from '../../lib/api'
import { m } from '../../lib/i18n'

/** "Ann (@ann)", "@ann", or how the run started when no viewer did it. */
export function runWho(r: Pick<FlowTrace, 'event' | 'dryRun' | 'parentRunId'>): string {
  const e = r.event
  const nick = e?.nickname?.trim() ?? ''
  const handle = e?.uniqueId ? `@${e.uniqueId}` : ''
  if (nick && handle && nick !== e?.uniqueId) return `${nick} (${handle})`
  if (nick || handle) return nick || handle
  if (r.parentRunId) return m.fe_who_flow()
  return r.dryRun ? m.fe_who_test() : 'LTTH'
}
