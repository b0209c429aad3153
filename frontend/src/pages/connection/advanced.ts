// The Connection page's "Advanced" section (sources, keys, sign server,
// browser path, captures): closed for a beginner, opened by itself when one
// of those settings is what is wrong.

import type { ConnectorSettings, ConnectorStatus } from '../../lib/api'
import { m } from '../../lib/i18n'
import { describeProblem, type FixTarget } from './present'

/** Fix targets that live in the Advanced section (the handle does not). */
const ADVANCED: ReadonlySet<FixTarget> = new Set<FixTarget>(['sessionId', 'apiKey', 'signServerUrl', 'tikfinityUrl', 'browserPath', 'sources'])

export function isAdvancedField(f: FixTarget | undefined): boolean {
  return f !== undefined && ADVANCED.has(f)
}

/** Why the Advanced section should be open by itself, or '' when it need not be. */
export function advancedTrouble(status: ConnectorStatus | null, settings: ConnectorSettings | null): string {
  const p = status ? describeProblem(status) : null
  if (p && isAdvancedField(p.fix)) return p.title
  if (settings && settings.browserPath !== '' && settings.browserPathState !== 'confirmed') return m.cx_browser_unconfirmed()
  return ''
}
