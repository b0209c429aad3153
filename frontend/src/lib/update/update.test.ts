import { describe, expect, it } from 'vitest'
import { ApiClient, formatBytes, updateBannerText, updateApi, type UpdateStatus } from '../api'
import { i18n } from '../i18n'

const base: UpdateStatus = { state: 'available', current: '1.0.0', latest: '1.2.0', progress: 0, downloaded: 0, total: 0, enabled: true }

describe('update banner', () => {
  it('speaks the current language', () => {
    i18n.setPreference('de')
    try {
      expect(updateBannerText(base)).toBe('Update verfügbar: LTTH 1.2.0 (du hast 1.0.0)')
      expect(updateBannerText({ ...base, state: 'pending' })).toBe('LTTH 1.2.0 wird beim nächsten Start von LTTH installiert')
    } finally {
      i18n.setPreference('en')
    }
  })
  it('shows what the user can do', () => {
    expect(updateBannerText(base)).toBe('Update available: LTTH 1.2.0 (you have 1.0.0)')
    expect(updateBannerText({ ...base, state: 'downloading', progress: 0.425 })).toContain('43 %')
    expect(updateBannerText({ ...base, state: 'pending' })).toContain('installs when LTTH starts next')
  })
  it('stays quiet when nothing is new or the check failed', () => {
    expect(updateBannerText(null)).toBe('')
    expect(updateBannerText({ ...base, state: 'upToDate' })).toBe('')
    expect(updateBannerText({ ...base, state: 'error', error: 'update check failed: offline' })).toBe('')
    expect(updateBannerText({ ...base, state: 'error', error: 'download failed: checksum mismatch' })).toContain('checksum mismatch')
  })
  it('formats sizes', () => {
    expect(formatBytes(2048)).toBe('2 KB')
    expect(formatBytes(12.34 * 1024 * 1024)).toBe('12.3 MB')
  })
})

describe('UpdateApi', () => {
  it('sends the token and the settings body', async () => {
    const calls: { url: string; init?: RequestInit }[] = []
    const fetcher = (async (url: string, init?: RequestInit) => {
      calls.push({ url, init })
      return new Response(JSON.stringify({ enabled: false, feedUrl: 'https://x.test/f' }), { status: 200, headers: { 'Content-Type': 'application/json' } })
    }) as typeof fetch
    const api = updateApi(new ApiClient({ mode: 'browser', baseUrl: 'http://127.0.0.1:3000', token: 't0k', overlayUrl: '' } as never, fetcher))
    const s = await api.saveSettings({ enabled: false, feedUrl: 'https://x.test/f' })
    expect(s.enabled).toBe(false)
    const [call] = calls
    expect(call?.url).toBe('http://127.0.0.1:3000/api/update')
    expect(call?.init?.method).toBe('PUT')
    expect(new Headers(call?.init?.headers).get('Authorization')).toBe('Bearer t0k')
  })
})
