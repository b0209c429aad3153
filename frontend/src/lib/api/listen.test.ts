import { describe, expect, it } from 'vitest'
import { busyMessage, choosePort, listenStatus, retryListen, suggestPort, type ListenStatus } from './listen'
import { i18n } from '../i18n'

const busy: ListenStatus = { listening: false, url: 'http://127.0.0.1:3000', port: 3000, error: 'port 3000 is in use by python3 (pid 42)', holder: 'python3 (pid 42)' }

function fakeApp(over: Record<string, unknown> = {}) {
  const calls: unknown[][] = []
  const App = {
    ListenStatus: async () => (calls.push(['ListenStatus']), busy),
    SuggestPort: async () => (calls.push(['SuggestPort']), 3001),
    ChoosePort: async (p: number) => (calls.push(['ChoosePort', p]), { listening: true, url: `http://127.0.0.1:${p}`, port: p }),
    RetryListen: async () => (calls.push(['RetryListen']), busy),
    ...over,
  }
  return { win: { go: { main: { App } } }, calls }
}

describe('listen', () => {
  it('has nothing to check outside the desktop window', async () => {
    expect(await listenStatus({})).toBeNull()
    expect(await suggestPort(3000, {})).toBe(3001)
    await expect(choosePort(3001, {})).rejects.toThrow(/desktop window/)
    await expect(retryListen({})).rejects.toThrow(/desktop window/)
  })

  it('asks and binds through the bound methods', async () => {
    const { win, calls } = fakeApp()
    expect(await listenStatus(win)).toEqual(busy)
    expect(await suggestPort(3000, win)).toBe(3001)
    expect((await choosePort(3001, win)).url).toBe('http://127.0.0.1:3001')
    expect((await retryListen(win)).listening).toBe(false)
    expect(calls).toEqual([['ListenStatus'], ['SuggestPort'], ['ChoosePort', 3001], ['RetryListen']])
  })

  it('falls back to the next port when the app suggests none', async () => {
    const { win } = fakeApp({ SuggestPort: async () => 0 })
    expect(await suggestPort(65535, win)).toBe(65535)
    expect(await suggestPort(8080, fakeApp({ SuggestPort: async () => Promise.reject(new Error('x')) }).win)).toBe(8081)
  })

  it('names the holder when known, another program otherwise', () => {
    expect(busyMessage(busy)).toBe('Port 3000 is in use by python3 (pid 42)')
    expect(busyMessage({ ...busy, holder: '' })).toBe('Port 3000 is in use by another program')
    expect(busyMessage({ listening: false, url: '', port: 80, error: 'permission denied' })).toBe('LTTH could not listen on port 80: permission denied')
  })

  it('speaks the current language', () => {
    i18n.setPreference('de')
    try {
      expect(busyMessage(busy)).toBe('Port 3000 wird von python3 (pid 42) belegt')
      expect(busyMessage({ ...busy, holder: '' })).toBe('Port 3000 wird von einem anderen Programm belegt')
    } finally {
      i18n.setPreference('en')
    }
  })
})
