import { describe, expect, it } from 'vitest'
import { counted, noun, wordFor } from './plural'
import { LEADERBOARD_UNITS } from '../api/leaderboards'

describe('plural forms', () => {
  it('use the singular for one and the plural otherwise', () => {
    expect(counted(1, noun('message'))).toBe('1 message')
    expect(counted(0, noun('message'))).toBe('0 messages')
    expect(counted(2, noun('frame'))).toBe('2 frames')
    expect(wordFor(1, noun('reply', 'replies'))).toBe('reply')
  })

  it('leaderboard units are counted nouns (not "1 messages")', () => {
    expect(wordFor(1, LEADERBOARD_UNITS.chatters)).toBe('message')
    expect(wordFor(1, LEADERBOARD_UNITS.likers)).toBe('like')
    expect(wordFor(1, LEADERBOARD_UNITS.gifters)).toBe('coin')
    expect(wordFor(3, LEADERBOARD_UNITS.chatters)).toBe('messages')
  })
})
