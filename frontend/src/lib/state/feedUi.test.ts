import { describe, expect, it } from 'vitest'
import { feedUi } from './feedUi.svelte'
import { EVENT_TYPES, type LiveEvent } from '../api'

const ev = (type: LiveEvent['type']): LiveEvent => ({ type, id: type, ts: 1, nickname: 'n' })

describe('feed filter chips', () => {
  it('clicking a type shows that type (not hides it)', () => {
    feedUi.showAll()
    feedUi.toggle('gift')
    const p = feedUi.predicate()
    expect(p(ev('gift'))).toBe(true)
    expect(p(ev('chat'))).toBe(false)
    expect(feedUi.isPicked('gift')).toBe(true)
    expect(feedUi.isPicked('chat')).toBe(false)
    expect(feedUi.filtered).toBe(true)
  })

  it('more clicks add types; unpicking the last one shows all again', () => {
    feedUi.showAll()
    feedUi.toggle('gift')
    feedUi.toggle('chat')
    expect(feedUi.predicate()(ev('chat'))).toBe(true)
    expect(feedUi.predicate()(ev('like'))).toBe(false)
    feedUi.toggle('gift')
    feedUi.toggle('chat')
    expect(feedUi.filtered).toBe(false)
    expect(EVENT_TYPES.every((t) => feedUi.predicate()(ev(t)))).toBe(true)
  })

  it('nothing is picked by default: every chip is off and All is on', () => {
    feedUi.showAll()
    expect(EVENT_TYPES.some((t) => feedUi.isPicked(t))).toBe(false)
    expect(feedUi.picked).toEqual([])
  })
})
