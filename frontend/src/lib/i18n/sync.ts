// Applies the backend's language setting once the dashboard is connected
// (the app settings file is the source of truth; localStorage only bridges
// the first paint).

import { ApiClient, settingsApi, type Connection } from '../api'
import { i18n } from './locale.svelte'

export async function loadLanguage(conn: Connection): Promise<void> {
  try {
    const view = await settingsApi(new ApiClient(conn)).get()
    i18n.setPreference(view.settings.language)
  } catch {
    // older listener or no token yet: keep the system / remembered language
  }
}
