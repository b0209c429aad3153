import { afterEach, describe, expect, it } from 'vitest'
import { fmtNumber, i18n, m, matchLocale, resolve } from './index'

afterEach(() => i18n.setPreference('en'))

describe('plural forms', () => {
  it('English: one and other', () => {
    expect(m.toast_shown_times({ count: 1 }, { locale: 'en' })).toBe('Shown once')
    expect(m.toast_shown_times({ count: 0 }, { locale: 'en' })).toBe('Shown 0 times')
    expect(m.toast_shown_times({ count: 2 }, { locale: 'en' })).toBe('Shown 2 times')
  })
  it('German: one and other', () => {
    expect(m.toast_shown_times({ count: 1 }, { locale: 'de' })).toBe('Einmal angezeigt')
    expect(m.toast_shown_times({ count: 0 }, { locale: 'de' })).toBe('0-mal angezeigt')
    expect(m.toast_shown_times({ count: 12 }, { locale: 'de' })).toBe('12-mal angezeigt')
  })
  it('follows the current language without a locale option', () => {
    i18n.setPreference('de')
    expect(m.toast_shown_times({ count: 3 })).toBe('3-mal angezeigt')
    i18n.setPreference('en')
    expect(m.toast_shown_times({ count: 3 })).toBe('Shown 3 times')
  })
})

describe('language state', () => {
  it('switches messages and number formats at run time', () => {
    i18n.setPreference('de')
    expect(i18n.locale).toBe('de')
    expect(m.nav_settings()).toBe('Einstellungen')
    expect(fmtNumber(1204.5)).toBe('1.204,5')
    i18n.setPreference('en')
    expect(m.nav_settings()).toBe('Settings')
    expect(fmtNumber(1204.5)).toBe('1,204.5')
  })
  it('matches system tags to catalogues', () => {
    expect(matchLocale('de-AT')).toBe('de')
    expect(matchLocale('en_GB')).toBe('en')
    expect(matchLocale('fr-FR')).toBeUndefined()
    expect(resolve('de')).toBe('de')
  })
  it('an unknown preference follows the system', () => {
    i18n.setPreference('xx')
    expect(i18n.preference).toBe('')
  })
})
