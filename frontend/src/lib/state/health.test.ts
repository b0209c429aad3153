import { describe, expect, it } from 'vitest'
import { degradedReason } from './health.svelte'

describe('degradedReason', () => {
  it('is empty while health is ok or unknown', () => {
    expect(degradedReason(null)).toBe('')
    expect(degradedReason({ status: 'ok' })).toBe('')
  })
  it('returns the reason of a degraded answer', () => {
    const reason = 'event journal cannot write to the database (database or disk is full); 12 events waiting in memory, 0 lost'
    expect(degradedReason({ status: 'degraded', reason })).toBe(reason)
    expect(degradedReason({ status: 'degraded' })).toBe('LTTH is not saving data')
  })
})
