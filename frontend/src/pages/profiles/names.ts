// Client-side checks for profile names (the backend validates too; this only
// gives an early, friendly message).

import { fmtDateTime, fmtNumber } from '../../lib/i18n'

export function profileNameProblem(name: string, existing: readonly string[], current = ''): string {
  const n = name.trim()
  if (!n) return 'Enter a name'
  if (n.length > 64) return 'At most 64 characters'
  if (/[/\\:*?"<>|\x00-\x1f]/.test(n) || n === '.' || n === '..') return 'Letters, digits, spaces, - and _ work best'
  if (n !== current && existing.some((e) => e.toLowerCase() === n.toLowerCase())) return 'A profile with this name exists'
  return ''
}

/** A profile name suggested from an imported file name. */
export function nameFromFile(fileName: string): string {
  return fileName.replace(/\.(db|sqlite3?|ltth[\w-]*)$/i, '').replace(/[/\\:*?"<>|]/g, '_').slice(0, 64) || 'imported'
}

/** "1.2 MB" */
export function formatBytes(n: number): string {
  if (!Number.isFinite(n) || n < 0) return '—'
  if (n < 1024) return `${n} B`
  const units = ['KB', 'MB', 'GB']
  let v = n / 1024
  let i = 0
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024
    i++
  }
  return `${fmtNumber(v, { maximumFractionDigits: v < 10 ? 1 : 0, minimumFractionDigits: v < 10 ? 1 : 0 })} ${units[i]}`
}


export function formatDate(iso: string): string {
  const d = new Date(iso)
  return Number.isNaN(d.getTime()) ? '—' : fmtDateTime(d)
}
