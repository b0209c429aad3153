// The dashboard's language. Messages come from the paraglide-compiled
// catalogues (messages/<locale>.json → src/paraglide); this module owns
// which locale they render in. The locale is $state, and paraglide's
// getLocale() reads it, so every `m.key()` in a template re-renders when
// the language changes — no reload.
//
// The preference is the app setting `language`: "" follows the system
// (navigator.language; the desktop WebView reports the OS locale), else a
// catalogue's code. Until the backend answered, the last preference seen in
// this browser (localStorage) or the system language is used.

import { baseLocale, locales, overwriteGetLocale, overwriteSetLocale, type Locale } from '../../paraglide/runtime.js'

export type { Locale }
export { locales }

const STORE_KEY = 'ltth.language'

/** The catalogue matching a BCP 47 tag ("de-AT" → "de"), or undefined. */
export function matchLocale(tag: string | undefined | null): Locale | undefined {
  if (!tag) return undefined
  const lower = tag.toLowerCase()
  const exact = locales.find((l) => l.toLowerCase() === lower)
  if (exact) return exact
  const base = lower.split(/[-_]/)[0]
  return locales.find((l) => l.toLowerCase() === base)
}

/** The system's language among the catalogues (English if none fits). */
export function systemLocale(): Locale {
  if (typeof navigator === 'undefined') return baseLocale
  const tags = navigator.languages?.length ? navigator.languages : [navigator.language]
  for (const t of tags) {
    const l = matchLocale(t)
    if (l) return l
  }
  return baseLocale
}

function storedPreference(): string {
  try {
    return typeof localStorage === 'undefined' ? '' : (localStorage.getItem(STORE_KEY) ?? '')
  } catch {
    return ''
  }
}

/** Resolves a preference ("" = system) to a locale. */
export function resolve(pref: string): Locale {
  return matchLocale(pref) ?? systemLocale()
}

class I18nState {
  /** The setting: "" follows the system, else a locale code. */
  preference = $state(storedPreference())
  /** The locale every message renders in. */
  locale = $state<Locale>(resolve(storedPreference()))

  /** Applies a preference at once (pages re-render) and remembers it here. */
  setPreference(pref: string): void {
    const p = matchLocale(pref) ?? ''
    this.preference = p
    this.locale = resolve(p)
    try {
      localStorage.setItem(STORE_KEY, p)
    } catch {
      // private mode: the backend setting still holds it
    }
    if (typeof document !== 'undefined') document.documentElement.lang = this.locale
  }
}

export const i18n = new I18nState()

overwriteGetLocale(() => i18n.locale)
overwriteSetLocale((l) => i18n.setPreference(l))
if (typeof document !== 'undefined') document.documentElement.lang = i18n.locale

/** The language's own name ("Deutsch", "English"). */
export function languageName(code: string): string {
  try {
    const n = new Intl.DisplayNames([code], { type: 'language' }).of(code)
    return n ? n.charAt(0).toLocaleUpperCase(code) + n.slice(1) : code
  } catch {
    return code
  }
}
