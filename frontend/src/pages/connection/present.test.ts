import { describe, expect, it } from 'vitest'
import { parseConnectorStatus } from '../../lib/api'
import {
  countdown,
  describeProblem,
  enabledNames,
  foldTimeline,
  formatDuration,
  gapDuration,
  moveItem,
  newestFirst,
  baseName,
  primarySourceProblem,
  sameItems,
  sourceItems,
  sourceView,
  toggleItem,
} from './present'

// What the real connector reports here, with no internet (see store tests in the e2e).
const OFFLINE = parseConnectorStatus({
  state: 'reconnecting',
  source: 'tikfinity',
  uniqueId: 'nobody_e2e',
  reason: 'no source could connect; trying again (next try in 2.3s)',
  code: 'unavailable',
  sources: [
    { name: 'direct', state: 'failed', code: 'network', reason: 'Cannot reach TikTok. Check your internet connection.' },
    { name: 'euler', state: 'failed', code: 'network', reason: 'Cannot reach the Euler relay. Check your internet connection.' },
    { name: 'browser', state: 'failed', code: 'network', reason: 'Cannot reach the LIVE page in the browser.' },
    { name: 'tikfinity', state: 'failed', code: 'unavailable', reason: 'TikFinity is not running.' },
  ],
})

describe('describeProblem', () => {
  it('explains a generic failover reason with the most telling source', () => {
    const p = describeProblem(OFFLINE)
    expect(p?.code).toBe('network')
    expect(p?.source).toBe('direct')
    expect(p?.reason).toMatch(/Cannot reach TikTok/)
    expect(p?.title).toMatch(/reach/)
  })

  it('prefers a specific code over network trouble', () => {
    const st = parseConnectorStatus({
      ...OFFLINE,
      sources: [
        { name: 'direct', state: 'failed', code: 'age_restricted', reason: "@x's LIVE is age-restricted (18+)" },
        { name: 'euler', state: 'failed', code: 'network', reason: 'net' },
      ],
    })
    const p = describeProblem(st)
    expect(p?.code).toBe('age_restricted')
    expect(p?.fix).toBe('sessionId')
    expect(p?.hint).toMatch(/session id/)
  })

  it('keeps the overall code when it is specific, with the cooldown end', () => {
    const st = parseConnectorStatus({
      state: 'reconnecting',
      source: 'euler',
      code: 'rate_limited',
      reason: "The Euler relay's rate limit is reached. Trying again in 42s; an API key raises the limit.",
      sources: [{ name: 'euler', state: 'cooldown', code: 'rate_limited', reason: 'limit', until: 5000 }],
    })
    const p = describeProblem(st)
    expect(p?.code).toBe('rate_limited')
    expect(p?.reason).toMatch(/rate limit/)
    expect(p?.until).toBe(5000)
    expect(p?.fix).toBe('apiKey')
  })

  it('shows TikTok’s own reason for a refused handshake', () => {
    const st = parseConnectorStatus({
      state: 'error',
      source: 'direct',
      code: 'handshake_refused',
      reason: 'TikTok refused the live connection (403 device blocked).',
    })
    expect(describeProblem(st)?.reason).toMatch(/device blocked/)
  })

  it('has nothing to explain when live, connecting or disconnected by the user', () => {
    expect(describeProblem(parseConnectorStatus({ state: 'connected', source: 'direct' }))).toBeNull()
    expect(describeProblem(parseConnectorStatus({ state: 'connecting', reason: 'connecting to @x' }))).toBeNull()
    expect(describeProblem(parseConnectorStatus({ state: 'disconnected', reason: 'disconnected by the user' }))).toBeNull()
    expect(describeProblem(parseConnectorStatus({ state: 'disconnected', code: 'stream_ended', reason: 'The LIVE has ended.' }))?.code).toBe(
      'stream_ended',
    )
  })

  it('falls back to the reason when the code is unknown', () => {
    const p = describeProblem(parseConnectorStatus({ state: 'error', code: 'brand_new', reason: 'Something new.' }))
    expect(p?.title).toBe('Connection failed')
    expect(p?.reason).toBe('Something new.')
  })

  it('ignores sources that did not fail', () => {
    expect(primarySourceProblem([{ name: 'direct', state: 'live' }, { name: 'euler', state: 'standby', reason: 'standing by' }])).toBeUndefined()
  })
})

describe('source list', () => {
  it('lists enabled sources in order, then the rest', () => {
    const items = sourceItems(['tikfinity', 'direct', 'bogus', 'direct'])
    expect(items.map((s) => `${s.name}:${s.enabled}`)).toEqual(['tikfinity:true', 'direct:true', 'euler:false', 'browser:false'])
    expect(enabledNames(items)).toEqual(['tikfinity', 'direct'])
  })

  it('moves, toggles and compares', () => {
    const items = sourceItems(['direct', 'euler', 'browser', 'tikfinity'])
    const moved = moveItem(items, 1, -1)
    expect(enabledNames(moved)).toEqual(['euler', 'direct', 'browser', 'tikfinity'])
    expect(moveItem(items, 0, -1)).toEqual(items)
    expect(moveItem(items, 3, 1)).toEqual(items)
    const off = toggleItem(moved, 'browser')
    expect(enabledNames(off)).toEqual(['euler', 'direct', 'tikfinity'])
    expect(sameItems(items, sourceItems(['direct', 'euler', 'browser', 'tikfinity']))).toBe(true)
    expect(sameItems(items, moved)).toBe(false)
  })

  it('shows disabled sources as off and unknown ones as idle', () => {
    expect(sourceView({ name: 'euler', enabled: false }, [{ name: 'euler', state: 'failed' }]).state).toBe('off')
    expect(sourceView({ name: 'euler', enabled: true }, []).state).toBe('idle')
    expect(sourceView({ name: 'euler', enabled: true }, [{ name: 'euler', state: 'live' }]).state).toBe('live')
  })
})

describe('timeline and gaps', () => {
  const timeline = [
    { ts: 1, state: 'connecting', reason: 'connecting to @x' },
    { ts: 2, state: 'connecting', source: 'direct', reason: 'connecting via direct' },
    { ts: 3, state: 'reconnecting', source: 'euler', code: 'network', reason: 'no source could connect; trying again (next try in 2s)' },
    { ts: 4, state: 'reconnecting', source: 'direct', reason: 'connecting via direct' },
    { ts: 5, state: 'reconnecting', source: 'euler', code: 'network', reason: 'no source could connect; trying again (next try in 4.1s)' },
    { ts: 6, state: 'connected', source: 'direct', reason: 'live via direct' },
  ]

  it('newest first, attempts folded away by default', () => {
    const rows = foldTimeline(timeline)
    expect(rows.map((r) => `${r.ts}:${r.state}:${r.count}`)).toEqual(['6:connected:1', '5:reconnecting:2', '1:connecting:1'])
    expect(rows[1]?.firstTs).toBe(3)
    expect(foldTimeline(timeline, true)).toHaveLength(6)
  })

  it('sorts gaps newest first and counts open ones until now', () => {
    const gaps = [
      { from: 1000, to: 4000, durationMs: 3000 },
      { from: 10000, durationMs: 0 },
    ]
    expect(newestFirst(gaps).map((g) => g.from)).toEqual([10000, 1000])
    expect(gapDuration(gaps[1]!, 25000)).toBe(15000)
    expect(gapDuration(gaps[0]!, 25000)).toBe(3000)
  })
})

describe('formatting', () => {
  it('formats durations', () => {
    expect(formatDuration(850)).toBe('850 ms')
    expect(formatDuration(12_400)).toBe('12 s')
    expect(formatDuration(185_000)).toBe('3 min 05 s')
    expect(formatDuration(7_440_000)).toBe('2 h 04 min')
    expect(formatDuration(-5)).toBe('0 ms')
  })

  it('counts down', () => {
    expect(countdown(10_000, 0)).toBe('10 s')
    expect(countdown(10_000, 9_900)).toBe('a moment')
  })

  it('takes the file name of Windows and Unix paths', () => {
    expect(baseName('/data/captures/20260101-120000.000.jsonl')).toBe('20260101-120000.000.jsonl')
    expect(baseName('C:\\Users\\me\\ltth\\captures\\a.jsonl')).toBe('a.jsonl')
    expect(baseName('plain')).toBe('plain')
  })
})
