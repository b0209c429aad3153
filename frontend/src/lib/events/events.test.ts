import { describe, expect, it } from 'vitest'
import { EVENT_TYPES, hasUser } from '../api'
import { buildTestEvent, DEFAULT_VIEWER, TEST_EVENT_FORMS, userIdFor } from './testEvents'
import { describeEvent } from './describe'
import { TYPE_META } from './meta'

describe('test event forms', () => {
  it('cover every event type of the contract', () => {
    expect(TEST_EVENT_FORMS.map((f) => f.type).sort()).toEqual([...EVENT_TYPES].sort())
    for (const t of EVENT_TYPES) expect(TYPE_META[t]).toBeDefined()
  })

  it('build contract-shaped events', () => {
    for (const form of TEST_EVENT_FORMS) {
      const e = buildTestEvent(form.type, DEFAULT_VIEWER, form.defaults, 1700000000000)
      expect(e.type).toBe(form.type)
      expect(e.id).toMatch(/^\d+$/)
      expect(e.ts).toBe(1700000000000)
      if (hasUser(form.type)) {
        expect(e.userId).toMatch(/^\d+$/)
        expect(e.uniqueId).toBe('test_viewer')
      } else {
        expect(e.nickname).toBeUndefined()
      }
      expect(describeEvent(e).text).toBeTypeOf('string')
    }
  })

  it('computes gift coins from the built-in list', () => {
    const e = buildTestEvent('gift', DEFAULT_VIEWER, { giftId: 5879, repeatCount: '3' })
    expect(e).toMatchObject({ giftId: 5879, giftName: 'Doughnut', diamondCount: 30, repeatCount: 3, coins: 90, streakable: true })
    const lion = buildTestEvent('gift', DEFAULT_VIEWER, { giftId: 6369, repeatCount: 1 })
    expect(lion).toMatchObject({ coins: 29999, streakable: false })
  })

  it('gives a stable decimal user id per handle', () => {
    expect(userIdFor('abc')).toBe(userIdFor('abc'))
    expect(userIdFor('abc')).not.toBe(userIdFor('abd'))
    expect(userIdFor('abc')).toMatch(/^\d{19}$/)
  })
})
