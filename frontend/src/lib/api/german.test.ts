// Texts the API helpers hand to the pages (validation errors, review
// warnings, default alert texts) follow the dashboard's language; the
// default alert texts are the backend's (backend/alert), word for word.

import { afterEach, describe, expect, it } from 'vitest'
import { i18n } from '../i18n'
import { ALERT_TYPES, defaultAlertConfig, validateAlertConfig } from './alerts'
import { parsePort } from './extapi'
import { validateObsSettings } from './obs'
import { validateOscSend, validateOscSettings } from './osc'
import { reviewWarning, type ReviewItem } from './profiletrust'
import goConfig from '../../../../backend/alert/config.go?raw'
import goTexts from '../../../../backend/alert/texts.go?raw'


afterEach(() => i18n.setPreference('en'))

describe('German helper texts', () => {
  it('gives the default alert texts of the backend in both languages', () => {
    const [en, de] = [goConfig, goTexts]
    for (const t of ALERT_TYPES) expect(en, t).toContain(JSON.stringify(defaultAlertConfig(t).text))
    i18n.setPreference('de')
    for (const t of ALERT_TYPES) expect(de, t).toContain(JSON.stringify(defaultAlertConfig(t).text))
    expect(defaultAlertConfig('gift').text).toBe('{nickname} hat {repeatCount}x {giftName} geschickt')
  })

  it('says what is wrong in German', () => {
    i18n.setPreference('de')
    const bad = { ...defaultAlertConfig('gift'), durationMs: 1, minCoins: -1, soundUrl: 'nope' }
    const errs = validateAlertConfig(bad)
    expect(errs.durationMs).toMatch(/^Zwischen \d+(\.\d+)? und \d+ Sekunden$/)
    expect(errs.minCoins).toBe('Darf nicht negativ sein')
    expect(errs.soundUrl).toContain('Platzhalter wie {avatarUrl}')
    expect(parsePort('x')).toEqual({ error: 'Der Port ist eine ganze Zahl (TikFinity nutzt 21213).' })
    expect(validateObsSettings({ port: 0 })).toBe('Der Port muss zwischen 1 und 65535 liegen')
    expect(validateOscSend('no-slash', { type: 's', value: '' })).toMatch(/^Die Adresse muss mit \//)
    expect(validateOscSettings({ targetHost: '', targetPort: 9000, listenPort: 9001 } as never)).toBe('Der Ziel-Host fehlt')
  })

  it('words the profile review in German', () => {
    const flow: ReviewItem = { kind: 'flow', key: 'f1', name: 'Jedes Geschenk', webhooks: ['https://x.example/h'], headers: ['Authorization'], value: '', reason: '' } as never
    const path: ReviewItem = { kind: 'setting', key: 'tiktok.browserPath', value: '/tmp/b', webhooks: [], headers: [], name: '', reason: '' } as never
    i18n.setPreference('de')
    expect(reviewWarning(flow)).toBe('Der Flow „Jedes Geschenk“ sendet Web-Anfragen an https://x.example/h mit dem/den Header(n) Authorization. Annehmen schaltet ihn wieder ein.')
    expect(reviewWarning(path)).toMatch(/^Dieses Profil möchte \/tmp\/b als deinen Browser starten/)
    i18n.setPreference('en')
    expect(reviewWarning(path)).toMatch(/^This profile wants to run \/tmp\/b as your browser/)
  })
})
