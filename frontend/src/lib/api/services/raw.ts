// What the REST implementations need beyond JSON calls: the file moves of
// the REST transport (services/base.ts). The bindings never need these: the
// desktop moves files through native dialogs on the Go side.

export type { DownloadedFile, RestFiles as RestRaw } from './base'
