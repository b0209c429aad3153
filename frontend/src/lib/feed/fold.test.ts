import { describe, expect, it } from 'vitest'
import { EventLog } from './eventlog'
import { FeedView, LIKE_BURST_MS } from './view'
import type { LiveEvent } from '../api'

const like = (who: string, ts: number, n = 1): LiveEvent => ({ type: 'like', id: `${who}${ts}`, ts, uniqueId: who, nickname: who, likeCount: n })
const chat = (who: string, ts: number): LiveEvent => ({ type: 'chat', id: `c${who}${ts}`, ts, uniqueId: who, nickname: who, comment: 'hi' })

describe('like bursts', () => {
  it('fold one viewer\'s likes into one row with a count and the total', () => {
    const log = new EventLog(100)
    const view = new FeedView(log)
    log.push(like('ann', 1000, 5))
    log.push(like('bob', 1500, 1))
    log.push(like('ann', 2000, 7))
    log.push(chat('ann', 2500))
    log.push(like('ann', 3000, 3))
    expect(view.sync()).toEqual({ added: 3, removed: 0, changed: 2 })
    expect(view.length).toBe(3)
    const row = view.at(0)
    expect(row?.folded).toBe(3)
    expect(row?.event.likeCount).toBe(15)
    expect(row?.event.ts).toBe(3000)
    expect(view.at(1)?.event.uniqueId).toBe('bob')
    expect(view.at(1)?.folded).toBeUndefined()
  })

  it('start a new row after a pause longer than the burst window', () => {
    const log = new EventLog(100)
    const view = new FeedView(log)
    log.push(like('ann', 0))
    log.push(like('ann', LIKE_BURST_MS + 1))
    view.sync()
    expect(view.length).toBe(2)
  })

  it('keep likes of a hidden type out and rebuild folds on a filter change', () => {
    const log = new EventLog(100)
    const view = new FeedView(log)
    log.push(like('ann', 0))
    log.push(like('ann', 10))
    view.sync()
    view.setPredicate((e) => e.type === 'like')
    expect(view.length).toBe(1)
    expect(view.at(0)?.folded).toBe(2)
  })
})
