// The dashboard's i18n: `m.<key>(params)` renders a catalogue message in the
// current language (typed keys and parameters, plural rules per language);
// `i18n` holds the language; the fmt* helpers format numbers and dates for it.

export { m } from '../../paraglide/messages.js'
export { i18n, languageName, locales, matchLocale, resolve, systemLocale, type Locale } from './locale.svelte'
export { fmtDateTime, fmtNumber, fmtRelative, fmtTime } from './format'
