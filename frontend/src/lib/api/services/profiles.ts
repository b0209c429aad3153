// Profiles service (backend/core/service: capabilities.go, profiles.go):
// the profile files, their trust and recovery (the review of an import's
// quarantined items, daily backups and restore) and the journal's recent
// events. The desktop binds ProfilesService, the browser dashboard reaches
// the same methods over REST. Files never cross the bridge: the desktop
// picks an import and saves an export in native dialogs on the Go side;
// a browser uploads the file and downloads the export.

import type { LiveEvent, ProfileInfo } from '../types'
import { bound, ServiceError, type Call, type RestCall } from './base'
import type { DownloadedFile, RestRaw } from './raw'

/** A profile file the desktop's Open dialog picked: `choice` names it to import, `file` is its name. */
export interface ImportPick {
  choice: string
  file: string
}

/** What to import: a file a browser picked, or the desktop's pick. */
export type ImportSource = Blob | ImportPick

/** Where an export went: saved by the desktop (`saved` is the path, '' when cancelled), or a file for the browser to save. */
export type ExportOutcome = { saved: string } | { download: DownloadedFile }

export interface ProfilesService {
  list(): Promise<ProfileInfo[]>
  switch(name: string): Promise<void>
  create(name: string): Promise<void>
  rename(name: string, newName: string): Promise<void>
  duplicate(name: string, newName: string): Promise<void>
  delete(name: string): Promise<void>
  /** Desktop: picks a profile file in a native Open dialog (null when cancelled). Null in a browser, which uses a file input. */
  readonly chooseImport: (() => Promise<ImportPick | null>) | null
  import(name: string, file: ImportSource): Promise<void>
  export(name: string, includeSecrets: boolean): Promise<ExportOutcome>
  /** The newest journaled events (raw, newest first). */
  recentEvents(limit: number): Promise<LiveEvent[] | null>
  /** Raw review items (parsed by profiletrust.ts). */
  review(name: string): Promise<unknown>
  /** Applies the decisions; answers the raw items still pending. */
  applyReview(name: string, accept: number[], reject: number[]): Promise<unknown>
  backups(name: string): Promise<unknown>
  /** {ok, restored, keptAs}. */
  restore(name: string, backup: string): Promise<unknown>
}

/** The Go adapter's methods as the Wails bridge exposes them. */
export interface ProfilesBound {
  List: Call
  Switch: Call
  Create: Call
  Rename: Call
  Duplicate: Call
  Delete: Call
  ChooseImport: Call
  Import: Call
  Export: Call
  RecentEvents: Call
  Review: Call
  ApplyReview: Call
  Backups: Call
  Restore: Call
}

function isPick(f: ImportSource): f is ImportPick {
  return typeof (f as ImportPick).choice === 'string'
}

const wrongSource = () => new ServiceError('pick the profile file to import again', 400, 'invalid')

export function profilesBinding(b: ProfilesBound): ProfilesService {
  const req = (f: Call) => (r: object) => bound<unknown>(() => (f as (r: object) => Promise<unknown>)(r))
  const ok = (f: Call) => async (r: object) => {
    await req(f)(r)
  }
  return {
    list: async () => (await bound<ProfileInfo[] | null>(() => b.List())) ?? [],
    switch: (name) => ok(b.Switch)({ name }),
    create: (name) => ok(b.Create)({ name }),
    rename: (name, newName) => ok(b.Rename)({ name, newName }),
    duplicate: (name, newName) => ok(b.Duplicate)({ name, newName }),
    delete: (name) => ok(b.Delete)({ name }),
    chooseImport: async () => {
      const p = await bound<Partial<ImportPick> | null>(() => b.ChooseImport())
      return p?.choice ? { choice: p.choice, file: p.file ?? '' } : null
    },
    import: async (name, file) => {
      if (!isPick(file)) throw wrongSource()
      await req(b.Import)({ name, choice: file.choice })
    },
    export: async (name, includeSecrets) => {
      const r = (await req(b.Export)({ name, includeSecrets })) as { path?: unknown } | null
      return { saved: typeof r?.path === 'string' ? r.path : '' }
    },
    recentEvents: (limit) => req(b.RecentEvents)({ limit }) as Promise<LiveEvent[] | null>,
    review: (name) => req(b.Review)({ name }),
    applyReview: (name, accept, reject) => req(b.ApplyReview)({ name, accept, reject }),
    backups: (name) => req(b.Backups)({ name }),
    restore: (name, backup) => req(b.Restore)({ name, backup }),
  }
}

const enc = encodeURIComponent

export function profilesRest(call: RestCall, raw: RestRaw): ProfilesService {
  const at = (name: string) => `/api/profiles/${enc(name)}`
  const ok = async (p: Promise<unknown>) => {
    await p
  }
  return {
    list: async () => {
      const list = await call<ProfileInfo[] | null>('GET', '/api/profiles')
      return Array.isArray(list) ? list : []
    },
    switch: (name) => ok(call('POST', `${at(name)}/activate`)),
    create: (name) => ok(call('POST', '/api/profiles', { name })),
    rename: (name, newName) => ok(call('POST', `${at(name)}/rename`, { newName })),
    duplicate: (name, newName) => ok(call('POST', `${at(name)}/duplicate`, { newName })),
    delete: (name) => ok(call('DELETE', at(name))),
    chooseImport: null,
    import: async (name, file) => {
      if (isPick(file)) throw wrongSource()
      await raw.upload(`/api/profiles/import?name=${enc(name)}`, file)
    },
    export: async (name, includeSecrets) => {
      const file = await raw.download(`${at(name)}/export${includeSecrets ? '?includeSecrets=1' : ''}`)
      return { download: { blob: file.blob, filename: file.filename || `${name}.db` } }
    },
    recentEvents: (limit) => call('GET', `/api/events/recent?limit=${limit}`),
    review: (name) => call('GET', `${at(name)}/review`),
    applyReview: (name, accept, reject) => call('POST', `${at(name)}/review`, { accept, reject }),
    backups: (name) => call('GET', `${at(name)}/backups`),
    restore: (name, backup) => call('POST', `${at(name)}/restore`, { backup }),
  }
}
