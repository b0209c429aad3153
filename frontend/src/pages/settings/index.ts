import Settings from '@lucide/svelte/icons/settings'
import { registerPage } from '../../lib/pages/registry.svelte'
import { theme } from '../../lib/state/theme.svelte'
import SettingsPage from './SettingsPage.svelte'

registerPage({ id: 'settings', label: 'Settings', icon: Settings, order: 95, component: SettingsPage })

// The theme is app-wide: draw it from the first frame, not only once this page opens.
theme.start()
