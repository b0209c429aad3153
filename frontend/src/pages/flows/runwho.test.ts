import { describe, expect, it } from 'vitest'
import { runWho } from './runwho'

describe('run history: who triggered a run', () => {
  it('names the viewer', () => {
    expect(runWho({ event: { type: 'gift', id: '1', ts: 1, nickname: 'Ann', uniqueId: 'ann_22' } })).toBe('Ann (@ann_22)')
    expect(runWho({ event: { type: 'gift', id: '1', ts: 1, uniqueId: 'ann_22' } })).toBe('@ann_22')
  })
  it('says how a run without a viewer started', () => {
    expect(runWho({ event: null, parentRunId: 'r1' })).toBe('another flow')
    expect(runWho({ event: null, dryRun: true })).toBe('a test')
    expect(runWho({ event: null })).toBe('LTTH')
  })
})
