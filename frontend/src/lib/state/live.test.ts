import { describe, expect, it } from 'vitest'
import { live } from './live.svelte'

describe('live state after a profile switch', () => {
  it('a snapshot replaces the goals and leaderboards (no stale sidebar badge)', () => {
    live.ingest([{ type: 'goal', ts: 1, data: { id: 'old-profile-goal', kind: 'likes', current: 1, target: 5 } }], true)
    live.ingest([{ type: 'leaderboard', ts: 1, data: { board: 'gifters', period: 'stream', entries: [] } }], false)
    expect(Object.keys(live.goals)).toEqual(['old-profile-goal'])
    live.ingest([{ type: 'goal', ts: 2, data: { id: 'new-profile-goal', kind: 'likes', current: 0, target: 9 } }], true)
    expect(Object.keys(live.goals)).toEqual(['new-profile-goal'])
    expect(live.leaderboards).toEqual({})
  })
})
