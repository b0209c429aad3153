// What the REST implementations need beyond JSON calls (RestCall): a raw
// upload, a file download and a text reply. The bindings never need these:
// the desktop moves files through native dialogs on the Go side.

/** A file the listener served for download. */
export interface DownloadedFile {
  blob: Blob
  filename: string
}

export interface RestRaw {
  /** POSTs body as the raw request body (an upload); resolves the JSON reply. */
  upload<T>(path: string, body: Blob): Promise<T>
  /** GETs a file: its bytes and the name the listener gave it ('' = none). */
  download(path: string): Promise<DownloadedFile>
  /** GETs a plain-text reply. */
  text(path: string): Promise<string>
}
