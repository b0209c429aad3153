// Unit tests of the local-API layer: request shapes (method, path, token,
// body) against a recording fetch, reply normalization and port parsing.

import { describe, expect, it } from 'vitest'
import type { Connection } from './bootstrap'
import { ApiError } from './http'
import { ApiClient } from './client'
import { extApi, normalizeTikFinity, normalizeToken, openApiUrl, parsePort, tikfinityUrl } from './extapi'

const conn: Connection = { mode: 'browser', baseUrl: 'http://127.0.0.1:3000', token: 'tok', version: '', headless: false }

interface Call {
  method: string
  url: string
  auth: string | null
  body: unknown
}

function recorder(routes: Record<string, { status?: number; body?: unknown }>) {
  const calls: Call[] = []
  const fetcher: typeof fetch = async (input, init) => {
    const url = String(input)
    const method = init?.method ?? 'GET'
    const headers = (init?.headers ?? {}) as Record<string, string>
    calls.push({ method, url, auth: headers['Authorization'] ?? null, body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined })
    const r = routes[`${method} ${url.replace(conn.baseUrl, '')}`] ?? { status: 404, body: { error: 'no route' } }
    const status = r.status ?? 200
    return new Response(status === 204 || r.body === undefined ? null : JSON.stringify(r.body), { status, headers: { 'Content-Type': 'application/json' } })
  }
  return { calls, fetcher }
}

describe('tikfinity compat', () => {
  it('reads and writes the settings with the token', async () => {
    const { calls, fetcher } = recorder({
      'GET /api/compat/tikfinity': { body: { enabled: false, port: 21213, listening: false, addrs: [], clients: 0 } },
      'PUT /api/compat/tikfinity': { body: { enabled: true, port: 21300, listening: true, addrs: ['127.0.0.1:21300', '[::1]:21300'], clients: 2, sent: 5 } },
    })
    const api = extApi(new ApiClient(conn, fetcher))
    expect(await api.tikfinity()).toMatchObject({ enabled: false, port: 21213, listening: false })
    const st = await api.setTikfinity(true, 21300)
    expect(st).toEqual({ enabled: true, port: 21300, listening: true, addrs: ['127.0.0.1:21300', '[::1]:21300'], clients: 2, sent: 5, dropped: 0, error: '' })
    expect(calls[1]).toEqual({ method: 'PUT', url: 'http://127.0.0.1:3000/api/compat/tikfinity', auth: 'Bearer tok', body: { enabled: true, port: 21300 } })
  })

  it('passes a refused port on as an error', async () => {
    const { fetcher } = recorder({ 'PUT /api/compat/tikfinity': { status: 409, body: { error: 'cannot listen on port 21213' } } })
    await expect(extApi(new ApiClient(conn, fetcher)).setTikfinity(true, 21213)).rejects.toMatchObject({ status: 409, message: 'cannot listen on port 21213' })
  })

  it('normalizes odd replies', () => {
    expect(normalizeTikFinity(null)).toMatchObject({ enabled: false, port: 21213, addrs: [], clients: 0 })
    expect(normalizeTikFinity({ port: 'x', addrs: [1, 'a'], enabled: 'yes' })).toMatchObject({ port: 21213, addrs: ['a'], enabled: false })
  })

  it('parses ports', () => {
    expect(parsePort(' 21213 ')).toEqual({ port: 21213 })
    expect(parsePort('0')).toHaveProperty('error')
    expect(parsePort('65536')).toHaveProperty('error')
    expect(parsePort('12a')).toHaveProperty('error')
    expect(parsePort('')).toHaveProperty('error')
    expect(tikfinityUrl(21213)).toBe('ws://localhost:21213/')
    expect(openApiUrl(conn)).toBe('http://127.0.0.1:3000/api/openapi.json')
  })
})

describe('api tokens', () => {
  it('lists, creates (secret once) and revokes', async () => {
    const { calls, fetcher } = recorder({
      'GET /api/tokens': { body: [{ id: 'a1', name: 'game', scope: 'read', created: 1 }, { nope: true }, { id: 'b2', scope: 'control' }] },
      'POST /api/tokens': { status: 201, body: { id: 'c3', name: 'bot', scope: 'control', created: 2, token: 'ltth_secret' } },
      'DELETE /api/tokens/c%2F3': { status: 204 },
    })
    const api = extApi(new ApiClient(conn, fetcher))
    const list = await api.tokens()
    expect(list).toEqual([
      { id: 'a1', name: 'game', scope: 'read', created: 1, lastUsed: 0 },
      { id: 'b2', name: 'b2', scope: 'control', created: 0, lastUsed: 0 },
    ])
    const made = await api.createToken('  bot ', 'control')
    expect(made).toMatchObject({ id: 'c3', scope: 'control', token: 'ltth_secret' })
    expect(calls[1]).toMatchObject({ method: 'POST', auth: 'Bearer tok', body: { name: 'bot', scope: 'control' } })
    await api.revokeToken('c/3')
    expect(calls[2]).toMatchObject({ method: 'DELETE', url: 'http://127.0.0.1:3000/api/tokens/c%2F3', auth: 'Bearer tok' })
  })

  it('refuses a create reply without the secret', async () => {
    const { fetcher } = recorder({ 'POST /api/tokens': { status: 201, body: { id: 'c3', name: 'bot', scope: 'read' } } })
    await expect(extApi(new ApiClient(conn, fetcher)).createToken('bot', 'read')).rejects.toThrow(/Unexpected reply/)
  })

  it('reports a token that may not manage tokens', async () => {
    const { fetcher } = recorder({ 'GET /api/tokens': { status: 403, body: { error: 'forbidden: only the desktop token' } } })
    const err = await extApi(new ApiClient(conn, fetcher)).tokens().catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ApiError)
    expect((err as ApiError).unauthorized).toBe(true)
  })

  it('normalizes tokens', () => {
    expect(normalizeToken({ id: '' })).toBeNull()
    expect(normalizeToken({ id: 'x', scope: 'admin' })).toMatchObject({ scope: 'read' })
  })
})
