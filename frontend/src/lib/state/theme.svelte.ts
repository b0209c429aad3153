// The dashboard theme: dark, light or system (follows prefers-color-scheme
// live). Applied at once by setting <html data-theme>, which switches the
// CSS variables in app.css; remembered in localStorage so the next start
// draws the right colours before the settings arrive from the backend.

import { settingsApi, THEMES, resolveTheme, type Theme } from '../api'
import { session } from './session.svelte'

const KEY = 'ltth.theme'
const QUERY = '(prefers-color-scheme: dark)'

function stored(): Theme {
  try {
    const v = localStorage.getItem(KEY)
    return THEMES.includes(v as Theme) ? (v as Theme) : 'dark'
  } catch {
    return 'dark'
  }
}

class ThemeState {
  /** The setting. */
  setting = $state<Theme>('dark')
  /** What is drawn. */
  applied = $state<'dark' | 'light'>('dark')
  private media: MediaQueryList | null = null

  /** Applies a theme now and remembers it. */
  set(theme: Theme): void {
    this.setting = theme
    try {
      localStorage.setItem(KEY, theme)
    } catch {
      // storage can be disabled; the backend still has the setting
    }
    this.draw()
  }

  private draw(): void {
    if (typeof document === 'undefined') return
    this.applied = resolveTheme(this.setting, this.media?.matches ?? true)
    document.documentElement.dataset.theme = this.applied
  }

  /** Draws the remembered theme, follows the OS for `system`, then takes the backend's setting. */
  start(): void {
    if (typeof window === 'undefined') return
    this.media = window.matchMedia?.(QUERY) ?? null
    this.media?.addEventListener('change', () => this.draw())
    this.set(stored())
    $effect.root(() => {
      $effect(() => {
        const api = session.api
        if (!api) return
        settingsApi(api)
          .get()
          .then((v) => this.set(v.settings.theme))
          .catch(() => {
            // no token yet, or an older backend: keep the remembered theme
          })
      })
    })
  }
}

export const theme = new ThemeState()
