import { describe, expect, it } from 'vitest'
import { listenGate } from './listen.svelte'

const win = (listening: boolean) => ({
  go: { main: { App: { ListenStatus: async () => ({ listening, url: 'http://127.0.0.1:3000', port: 3000, holder: 'nc (pid 7)' }) } } },
})

describe('listenGate', () => {
  it('lets the dashboard start at once in a browser or when listening', async () => {
    await listenGate.wait({})
    await listenGate.wait(win(true))
    expect(listenGate.blocked).toBeNull()
  })

  it('holds the dashboard back until a port is bound', async () => {
    let done = false
    const waiting = listenGate.wait(win(false)).then(() => (done = true))
    await new Promise((r) => setTimeout(r, 10))
    expect(done).toBe(false)
    expect(listenGate.blocked?.holder).toBe('nc (pid 7)')
    listenGate.release()
    await waiting
    expect(done).toBe(true)
    expect(listenGate.blocked).toBeNull()
  })
})
