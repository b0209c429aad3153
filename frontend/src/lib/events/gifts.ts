// A small built-in gift list for the test panel (ids and diamond costs from
// ../shared/data/tiktok-gifts.json; gifts are matched by id, never by name).
// `streakable` = catalogue type 1 (combo gifts).

export interface GiftInfo {
  id: number
  name: string
  diamonds: number
  streakable: boolean
}

export const COMMON_GIFTS: readonly GiftInfo[] = [
  { id: 5655, name: 'Rose', diamonds: 1, streakable: true },
  { id: 5269, name: 'TikTok', diamonds: 1, streakable: true },
  { id: 5487, name: 'Finger Heart', diamonds: 5, streakable: true },
  { id: 5879, name: 'Doughnut', diamonds: 30, streakable: true },
  { id: 5660, name: 'Hand Hearts', diamonds: 100, streakable: false },
  { id: 11046, name: 'Galaxy', diamonds: 1000, streakable: false },
  { id: 6369, name: 'Lion', diamonds: 29999, streakable: false },
  { id: 7312, name: 'Universe', diamonds: 34999, streakable: false },
]

export function giftById(id: number): GiftInfo | undefined {
  return COMMON_GIFTS.find((g) => g.id === id)
}
