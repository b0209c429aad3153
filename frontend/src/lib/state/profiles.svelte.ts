// The profile list (GET /api/profiles), shared by the header and the
// profiles page.

import type { ApiClient, ProfileInfo } from '../api'
import { session } from './session.svelte'

class ProfilesState {
  list = $state<ProfileInfo[]>([])
  loaded = $state(false)
  error = $state('')
  private api: ApiClient | null = null

  get active(): string {
    return this.list.find((p) => p.active)?.name ?? ''
  }

  start(api: ApiClient): void {
    this.api = api
    void this.refresh()
  }

  async refresh(): Promise<void> {
    // the session's current client: it carries a token pasted after start (reads need it)
    const api = session.api ?? this.api
    if (!api) return
    try {
      const list = await api.listProfiles()
      list.sort((a, b) => a.name.localeCompare(b.name))
      this.list = list
      this.error = ''
    } catch (err) {
      this.error = err instanceof Error ? err.message : String(err)
    } finally {
      this.loaded = true
    }
  }
}

export const profiles = new ProfilesState()
