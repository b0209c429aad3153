import { describe, expect, it } from 'vitest'
import type { Connection } from './bootstrap'
import { expandOptionsUrl, fetchFieldOptions } from './fieldoptions'
import { fieldOptionsBinding } from './services/fieldoptions'

const conn: Connection = { mode: 'browser', baseUrl: 'http://x', token: '', version: '', headless: false }

describe('field options', () => {
  it('fills in sibling fields', () => {
    expect(expandOptionsUrl('/api/obs/options?kind=scenes', {})).toBe('/api/obs/options?kind=scenes')
    expect(expandOptionsUrl('/api/obs/options?kind=sources&scene={scene}', { scene: 'Cam 2' })).toBe('/api/obs/options?kind=sources&scene=Cam%202')
    expect(expandOptionsUrl('/api/obs/options?kind=sources&scene={scene}', {})).toBe('')
    expect(expandOptionsUrl('/a?s={scene}', { scene: '{giftName}' })).toBe('')
  })

  it('fetches and tolerates failures', async () => {
    const ok: typeof fetch = async () => new Response(JSON.stringify([{ value: 'A', label: 'A' }, { bad: 1 }]))
    expect(await fetchFieldOptions(conn, '/api/obs/options?kind=scenes', ok)).toEqual([{ value: 'A', label: 'A' }])
    const down: typeof fetch = async () => new Response('{"error":"x"}', { status: 404 })
    expect(await fetchFieldOptions(conn, '/x', down)).toEqual([])
    expect(await fetchFieldOptions(conn, 'http://evil/x', ok)).toEqual([])
  })

  it('asks the bound service with the URL, tolerating its errors', async () => {
    const seen: unknown[] = []
    const svc = fieldOptionsBinding({
      Get: (async (r: { url: string }) => {
        seen.push(r)
        if (r.url === '/x') throw new Error('{"error":"nope","code":"not_found"}')
        return [{ value: 'Main', label: 'Main' }]
      }) as never,
    })
    expect(await svc.get('/api/obs/options?kind=scenes')).toEqual([{ value: 'Main', label: 'Main' }])
    await expect(svc.get('/x')).rejects.toMatchObject({ code: 'not_found' })
    expect(seen).toEqual([{ url: '/api/obs/options?kind=scenes' }, { url: '/x' }])
  })
})
