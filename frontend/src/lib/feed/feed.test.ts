import { describe, expect, it } from 'vitest'
import { EventLog } from './eventlog'
import { FeedView } from './view'
import type { LiveEvent } from '../api'

const ev = (type: LiveEvent['type'], i: number): LiveEvent => ({ type, id: String(i), ts: i, nickname: `n${i}` })

describe('EventLog', () => {
  it('keeps only the newest capacity events', () => {
    const log = new EventLog(3)
    for (let i = 0; i < 5; i++) log.push(ev('chat', i))
    expect(log.size).toBe(3)
    expect(log.firstSeq).toBe(2)
    expect(log.get(1)).toBeUndefined()
    expect(log.get(4)?.event.id).toBe('4')
    expect(log.tail(2).map((e) => e.event.id)).toEqual(['3', '4'])
  })

  it('clear empties it and sequence numbers keep increasing', () => {
    const log = new EventLog(3)
    log.push(ev('chat', 1))
    const before = log.nextSeq
    log.clear()
    expect(log.size).toBe(0)
    expect(log.get(before - 1)).toBeUndefined()
    expect(log.push(ev('chat', 2)).seq).toBe(before)
    expect(log.size).toBe(1)
  })
})

describe('FeedView', () => {
  it('filters incrementally and reports evictions', () => {
    const log = new EventLog(4)
    const view = new FeedView(log, (e) => e.type === 'gift')
    log.push(ev('gift', 0))
    log.push(ev('chat', 1))
    log.push(ev('gift', 2))
    expect(view.sync()).toEqual({ added: 2, removed: 0, changed: 0 })
    expect(view.length).toBe(2)
    expect(view.at(1)?.event.id).toBe('2')
    // evict seq 0 and 1
    log.push(ev('chat', 3))
    log.push(ev('gift', 4))
    log.push(ev('chat', 5))
    expect(view.sync()).toEqual({ added: 1, removed: 1, changed: 0 })
    expect(view.length).toBe(2)
    expect(view.at(0)?.event.id).toBe('2')
  })

  it('drops everything after a clear', () => {
    const log = new EventLog(10)
    const view = new FeedView(log)
    for (let i = 0; i < 5; i++) log.push(ev('chat', i))
    view.sync()
    log.clear()
    expect(view.sync()).toEqual({ added: 0, removed: 5, changed: 0 })
    log.push(ev('chat', 9))
    expect(view.sync()).toEqual({ added: 1, removed: 0, changed: 0 })
    expect(view.at(0)?.event.id).toBe('9')
  })

  it('rebuilds on a new predicate and survives overflow between syncs', () => {
    const log = new EventLog(10)
    const view = new FeedView(log)
    for (let i = 0; i < 35; i++) log.push(ev(i % 2 ? 'chat' : 'like', i))
    view.sync()
    expect(view.length).toBe(10)
    expect(view.at(0)?.event.id).toBe('25')
    view.setPredicate((e) => e.type === 'chat')
    expect(view.length).toBe(5)
  })

  it('handles 20,000 events with a long-running stream cheaply', () => {
    const log = new EventLog(20000)
    const view = new FeedView(log)
    const t0 = performance.now()
    for (let batch = 0; batch < 100; batch++) {
      for (let i = 0; i < 1000; i++) log.push(ev('chat', batch * 1000 + i))
      view.sync()
    }
    expect(view.length).toBe(20000)
    expect(view.at(0)?.event.id).toBe('80000')
    expect(performance.now() - t0).toBeLessThan(2000)
  })
})
