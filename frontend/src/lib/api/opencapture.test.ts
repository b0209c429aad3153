import { describe, expect, it } from 'vitest'
import type { Connection } from './bootstrap'
import { ApiClient } from './client'
import { ConnectorApi } from './connection'

const conn: Connection = { mode: 'browser', baseUrl: 'http://x', token: 'tok', version: '', headless: false }

/** The connector API over the REST implementation of the connection service. */
const connectorOver = (fetcher: typeof fetch) => new ConnectorApi(new ApiClient(conn, fetcher).services.connection)

function api(urls: string[]) {
  const fetcher = (async (input: RequestInfo | URL) => {
    urls.push(String(input))
    return new Response(JSON.stringify({ name: 'my_stream.jsonl', size: 3, modified: 1 }), { status: 201, headers: { 'Content-Type': 'application/json' } })
  }) as typeof fetch
  return connectorOver(fetcher)
}

describe('openCapture', () => {
  it('uses the native dialog on desktop, without the browser picker or an upload here', async () => {
    const urls: string[] = []
    let browser = 0
    const win = { go: { main: { App: { OpenCapture: async () => 'from_dialog.jsonl' } } } }
    expect(await api(urls).openCapture(async () => (browser++, null), win)).toBe('from_dialog.jsonl')
    expect(browser).toBe(0)
    expect(urls).toEqual([])
  })

  it('in the browser uploads the picked file to POST /api/captures', async () => {
    const urls: string[] = []
    const file = new File(['{}'], 'my stream.jsonl')
    expect(await api(urls).openCapture(async () => file, {})).toBe('my_stream.jsonl')
    expect(urls).toEqual(['http://x/api/captures?name=my%20stream.jsonl'])
  })

  it("resolves '' when nothing was picked", async () => {
    const urls: string[] = []
    expect(await api(urls).openCapture(async () => null, {})).toBe('')
    expect(await api(urls).openCapture(async () => null, { go: { main: { App: { OpenCapture: async () => '' } } } })).toBe('')
    expect(urls).toEqual([])
  })
})
