// Numbers and dates in the dashboard's current language.

import { i18n } from './locale.svelte'

/** 1204 → "1,204" (en) / "1.204" (de). */
export function fmtNumber(n: number, opts?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(i18n.locale, opts).format(n)
}

/** A date and time, medium length by default. */
export function fmtDateTime(d: Date | number, opts: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' }): string {
  return new Intl.DateTimeFormat(i18n.locale, opts).format(d)
}

/** A clock time ("14:05:09"). */
export function fmtTime(d: Date | number, opts: Intl.DateTimeFormatOptions = { timeStyle: 'medium' }): string {
  return new Intl.DateTimeFormat(i18n.locale, opts).format(d)
}

/** "3 minutes ago" / "vor 3 Minuten". */
export function fmtRelative(value: number, unit: Intl.RelativeTimeFormatUnit): string {
  return new Intl.RelativeTimeFormat(i18n.locale, { numeric: 'auto' }).format(value, unit)
}
