// The connection's overall reason in the dashboard's language: the
// connector's own phrases and failure codes are worded from the catalogue,
// anything else stays as the server wrote it.

import { afterEach, describe, expect, it } from 'vitest'
import { i18n } from '../../lib/i18n'
import { connectionReasonText } from './present'

afterEach(() => i18n.setPreference('en'))

describe('connection reasons', () => {
  it('keeps the English phrases in English', () => {
    expect(connectionReasonText('disconnected by the user')).toBe('disconnected by the user')
    expect(connectionReasonText('live via euler')).toBe('live via euler')
  })

  it('words the connector phrases and codes in German', () => {
    i18n.setPreference('de')
    expect(connectionReasonText('disconnected by the user')).toBe('vom Nutzer getrennt')
    expect(connectionReasonText('connecting to @streamer')).toBe('verbinde mit @streamer')
    expect(connectionReasonText('live via euler')).toBe('live über euler')
    expect(connectionReasonText('no source could connect (euler: rate limited); trying again', 'rate_limited')).toMatch(/^keine Quelle konnte sich verbinden \(.+\); neuer Versuch folgt$/)
    expect(connectionReasonText('TikTok says: room closed', 'stream_ended')).not.toContain('TikTok says')
    expect(connectionReasonText('something only the server knows')).toBe('something only the server knows')
  })
})
