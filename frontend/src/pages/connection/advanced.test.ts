import { describe, expect, it } from 'vitest'
import { parseConnectorSettings, parseConnectorStatus } from '../../lib/api'
import { advancedTrouble, isAdvancedField } from './advanced'

const failed = (code: string) =>
  parseConnectorStatus({ state: 'error', uniqueId: 'x', code, reason: 'r', sources: [{ name: 'direct', state: 'failed', code, reason: 'r' }] })

describe('advanced section', () => {
  it('the handle is not advanced, keys and sources are', () => {
    expect(isAdvancedField('target')).toBe(false)
    expect(isAdvancedField(undefined)).toBe(false)
    expect(isAdvancedField('apiKey')).toBe(true)
    expect(isAdvancedField('sources')).toBe(true)
  })

  it('opens for a problem an advanced setting fixes, not for a wrong handle', () => {
    expect(advancedTrouble(failed('invalid_api_key'), null)).toMatch(/API key/)
    expect(advancedTrouble(failed('age_restricted'), null)).not.toBe('')
    expect(advancedTrouble(failed('user_not_found'), null)).toBe('')
    expect(advancedTrouble(parseConnectorStatus({ state: 'connected', sources: [] }), null)).toBe('')
  })

  it('opens for a browser path waiting for confirmation', () => {
    expect(advancedTrouble(null, parseConnectorSettings({ browserPath: '/usr/bin/x', browserPathState: 'pending' }))).toMatch(/browser path/)
    expect(advancedTrouble(null, parseConnectorSettings({ browserPath: '/usr/bin/x', browserPathState: 'confirmed' }))).toBe('')
    expect(advancedTrouble(null, parseConnectorSettings({ browserPath: '' }))).toBe('')
  })
})
