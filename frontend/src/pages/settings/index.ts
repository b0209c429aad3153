import Settings from '@lucide/svelte/icons/settings'
import { registerPage } from '../../lib/pages/registry.svelte'
import { theme } from '../../lib/state/theme.svelte'
import SettingsPage from './SettingsPage.svelte'
import { m } from '../../lib/i18n'

registerPage({ id: 'settings', label: () => m.nav_settings(), icon: Settings, order: 95, component: SettingsPage })

// The theme is app-wide: draw it from the first frame, not only once this page opens.
theme.start()
