// Copy text in both the browser and the Wails webview (where the async
// clipboard API may be missing or refused: the desktop app's binding is
// tried first there).

import { bridgeCopyText, bridgeSaveDownload } from '../api'

export async function copyText(text: string): Promise<boolean> {
  if (await bridgeCopyText(text)) return true
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text)
      return true
    }
  } catch {
    // fall back below
  }
  const ta = document.createElement('textarea')
  ta.value = text
  ta.setAttribute('readonly', '')
  ta.style.position = 'fixed'
  ta.style.opacity = '0'
  document.body.appendChild(ta)
  ta.select()
  let ok = false
  try {
    ok = document.execCommand('copy')
  } catch {
    ok = false
  }
  ta.remove()
  return ok
}

/**
 * Saves an export: in the desktop window through a native Save dialog (the
 * Go side fetches apiPath itself, so large backups never cross the bridge),
 * in a browser as a download of the blob fetch() returns. Resolves false
 * when the user cancelled the dialog.
 */
export async function saveExport(
  apiPath: string,
  filename: string,
  fetchBlob: () => Promise<{ blob: Blob; filename: string }>,
): Promise<boolean> {
  const saved = await bridgeSaveDownload(apiPath, filename)
  if (saved !== null) return saved !== ''
  const file = await fetchBlob()
  saveBlob(file.blob, file.filename)
  return true
}

/** Saves a blob as a file through a temporary link. */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = filename
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10000)
}

/** Thrown when the user cancels a Save dialog: not an error to report. */
export class Cancelled extends Error {
  constructor() {
    super('cancelled')
    this.name = 'Cancelled'
  }
}
