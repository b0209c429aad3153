import { describe, expect, it } from 'vitest'
import { chipOn, fieldApplies, fieldLabel, isDurationMs, msToSeconds, secondsToMs, selectChoices } from './fields'
import type { FlowFieldSpec } from '../../lib/api'

const dur: FlowFieldSpec = { name: 'durationMs', label: 'Duration (ms)', kind: 'number', default: 5000 }
const topN: FlowFieldSpec = { name: 'topN', label: 'Top gifter places', kind: 'number', default: 3 }

describe('flow editor fields', () => {
  it('durations are edited in seconds and stored in milliseconds', () => {
    expect(isDurationMs(dur)).toBe(true)
    expect(fieldLabel(dur)).toBe('Duration (seconds)')
    expect(fieldLabel({ name: 'timeoutMs', label: 'Timeout', kind: 'number' })).toBe('Timeout (seconds)')
    expect(msToSeconds(5000)).toBe(5)
    expect(msToSeconds(undefined)).toBeUndefined()
    expect(secondsToMs(2.5)).toBe(2500)
    expect(secondsToMs(undefined)).toBeUndefined()
    expect(isDurationMs(topN)).toBe(false)
  })

  it('"Everyone" shows as picked when no role chip is', () => {
    expect(chipOn([], 'everyone', true)).toBe(true)
    expect(chipOn([], 'moderator', true)).toBe(false)
    expect(chipOn(['moderator'], 'everyone', true)).toBe(false)
    expect(chipOn(['moderator'], 'moderator', true)).toBe(true)
  })

  it('top-gifter places only apply with the top-gifter role', () => {
    expect(fieldApplies(topN, { roles: [] })).toBe(false)
    expect(fieldApplies(topN, { roles: ['moderator'] })).toBe(false)
    expect(fieldApplies(topN, { roles: ['topGifter'] })).toBe(true)
    expect(fieldApplies(dur, {})).toBe(true)
  })
  it('a select offers its options, else the live list, and keeps a stored value', () => {
    const a = { value: 'pop', label: 'Pop' }
    const m = { value: 'main', label: 'main' }
    expect(selectChoices([a], [m], 'pop')).toEqual([a])
    expect(selectChoices([], [m], 'main')).toEqual([m])
    expect(selectChoices([], [m], 'side')).toEqual([m, { value: 'side', label: 'side' }])
    expect(selectChoices([], [], '')).toEqual([])
  })
  it('hides what a block setting makes meaningless', () => {
    const chat: FlowFieldSpec[] = [
      { name: 'match', label: 'Match', kind: 'select', default: 'any' },
      { name: 'text', label: 'Text', kind: 'text' },
      { name: 'ignoreCase', label: 'Ignore case', kind: 'bool', default: true },
    ]
    expect(fieldApplies(chat[1]!, {}, chat)).toBe(false)
    expect(fieldApplies(chat[2]!, {}, chat)).toBe(false)
    expect(fieldApplies(chat[1]!, { match: 'contains' }, chat)).toBe(true)
    const cmp: FlowFieldSpec[] = [
      { name: 'field', label: 'Field', kind: 'text' },
      { name: 'op', label: 'Op', kind: 'select', default: '==' },
      { name: 'value', label: 'Value', kind: 'json' },
    ]
    expect(fieldApplies(cmp[2]!, {}, cmp)).toBe(true)
    expect(fieldApplies(cmp[2]!, { op: 'exists' }, cmp)).toBe(false)
    const hook: FlowFieldSpec[] = [
      { name: 'method', label: 'Method', kind: 'select', default: 'POST' },
      { name: 'body', label: 'Body', kind: 'template' },
    ]
    expect(fieldApplies(hook[1]!, {}, hook)).toBe(true)
    expect(fieldApplies(hook[1]!, { method: 'GET' }, hook)).toBe(false)
    const osc: FlowFieldSpec[] = [
      { name: 'address', label: 'Address', kind: 'template' },
      { name: 'type', label: 'Type', kind: 'select', default: 'i' },
      { name: 'value', label: 'Value', kind: 'template' },
    ]
    expect(fieldApplies(osc[2]!, {}, osc)).toBe(true)
    expect(fieldApplies(osc[2]!, { type: 'T' }, osc)).toBe(false)
    // a block without the controlling field keeps its fields
    expect(fieldApplies({ name: 'text', label: 'Text', kind: 'template' }, {}, [])).toBe(true)
  })
})
