// The desktop smoke's self-test (app_selftest.go): only when the backend
// asks for it. Sends a test event through the bound TestEventsService,
// waits for it in the live feed, times bound calls (Connection.Status; the
// REST side is timed from outside, the window has no token and its origin
// is refused), opens every page, and reports to the backend.

import { selfTestHooks, type ApiClient, type SelfTestReport } from '../api'
import { live } from './live.svelte'
import { pageRegistry, router } from '../pages/registry.svelte'

const CALLS = 200

async function timeCalls(n: number, call: () => Promise<unknown>): Promise<number> {
  await call() // warm up
  const t0 = performance.now()
  for (let i = 0; i < n; i++) await call()
  return (performance.now() - t0) / n
}

async function waitInFeed(id: string, limitMs: number): Promise<boolean> {
  const until = performance.now() + limitMs
  while (performance.now() < until) {
    if (live.log.tail(500).some((e) => e.event.id === id)) return true
    await new Promise((r) => setTimeout(r, 25))
  }
  return false
}

export async function maybeSelfTest(api: ApiClient): Promise<void> {
  const hooks = await selfTestHooks()
  if (!hooks) return
  const r: SelfTestReport = {
    eventId: '',
    feedSeen: false,
    feedMs: 0,
    feedSource: api.conn.mode === 'wails' ? 'runtime' : 'ws',
    calls: CALLS,
    method: 'Connection.Status',
    boundMsAvg: 0,
    error: '',
    transport: api.services.transport,
    pages: [],
  }
  try {
    // Send once the feed is open and its journal backfill is over, so the
    // event can only reach the ring through the feed.
    const until = performance.now() + 30000
    while (live.link !== 'open' && performance.now() < until) await new Promise((res) => setTimeout(res, 50))
    await new Promise((res) => setTimeout(res, 1000))
    const t0 = performance.now()
    const ev = await api.services.testEvents.simulate({
      type: 'chat',
      id: '',
      ts: 0,
      uniqueId: 'selftest',
      nickname: 'Self test',
      comment: 'sent through a binding',
    })
    r.eventId = ev.id
    r.feedSeen = await waitInFeed(ev.id, 10000)
    r.feedMs = performance.now() - t0
    r.boundMsAvg = await timeCalls(CALLS, () => api.services.connection.status())
    r.pages = await visitEveryPage()
  } catch (err) {
    r.error = err instanceof Error ? err.message : String(err)
  }
  await hooks.report(r)
}

/**
 * Opens every page of the sidebar in turn, each long enough to load what it
 * shows, and comes back to the first: the desktop smoke then checks that
 * none of them reached the listener's API from the window (health's
 * windowHttp).
 */
async function visitEveryPage(): Promise<string[]> {
  const seen: string[] = []
  const first = router.current
  for (const p of pageRegistry.pages) {
    router.go(p.id)
    await new Promise((res) => setTimeout(res, 800))
    seen.push(p.id)
  }
  router.go(first || pageRegistry.pages[0]?.id || '')
  return seen
}
