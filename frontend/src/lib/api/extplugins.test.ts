// Unit tests of the external-plugin list: request shape and normalization.

import { describe, expect, it } from 'vitest'
import type { Connection } from './bootstrap'
import { ApiClient } from './client'
import { externalPluginsBinding } from './services/extplugins'
import { commandLine, ExtPluginsApi, normalizeExtList } from './extplugins'

const conn: Connection = { mode: 'browser', baseUrl: 'http://127.0.0.1:3000', token: 'tok', version: '', headless: false }

describe('external plugins', () => {
  it('asks GET /api/plugins/ext with the token and normalizes the answer', async () => {
    const seen: string[] = []
    const fetcher: typeof fetch = async (input, init) => {
      seen.push(`${init?.method ?? 'GET'} ${String(input)} ${(init?.headers as Record<string, string>)['Authorization']}`)
      const body = {
        plugins: [
          { id: 'go-gift-logger', dir: '/d/go', command: './go-gift-logger', args: [], permissions: ['events:read'],
            process: { state: 'backing-off', pid: 0, restarts: 2, lastExit: 'signal: killed', connected: false, dropped: 3, subscribed: null } },
          { nope: true },
        ],
        problems: [{ dir: 'broken', error: 'plugin.json: unexpected EOF' }],
      }
      return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } })
    }
    const l = await new ExtPluginsApi(new ApiClient(conn, fetcher).services.externalPlugins).list()
    expect(seen).toEqual(['GET http://127.0.0.1:3000/api/plugins/ext Bearer tok'])
    expect(l.plugins).toHaveLength(1)
    expect(l.plugins[0]?.process).toMatchObject({ state: 'backing-off', restarts: 2, dropped: 3, subscribed: [], blocks: [] })
    expect(l.problems).toEqual([{ dir: 'broken', error: 'plugin.json: unexpected EOF' }])
  })

  it('calls the bound method, and carries its error code', async () => {
    let calls = 0
    const ok = new ExtPluginsApi(
      externalPluginsBinding({
        List: (async () => {
          calls++
          return { plugins: [{ id: 'py', command: 'python3', args: ['main.py'], process: { state: 'running', pid: 7 } }], problems: null }
        }) as never,
      }),
    )
    const l = await ok.list()
    expect(calls).toBe(1)
    expect(l.plugins[0]).toMatchObject({ id: 'py', process: { state: 'running', pid: 7 } })
    expect(l.problems).toEqual([])
    const failing = new ExtPluginsApi(
      externalPluginsBinding({
        List: (async () => {
          throw new Error('{"error":"no profile is open","code":"unavailable"}')
        }) as never,
      }),
    )
    await expect(failing.list()).rejects.toMatchObject({ code: 'unavailable', status: 503 })
  })

  it('falls back on unknown states and junk', () => {
    expect(normalizeExtList(null)).toEqual({ plugins: [], problems: [] })
    expect(normalizeExtList({ plugins: [{ id: 'x', process: { state: 'weird' } }] }).plugins[0]?.process.state).toBe('stopped')
  })

  it('shows the command line with quoting where needed', () => {
    expect(commandLine({ command: 'node', args: ['main.js', 'a b'] })).toBe('node main.js "a b"')
  })
})
