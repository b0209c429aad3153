import BellRing from '@lucide/svelte/icons/bell-ring'
import { registerPage } from '../../lib/pages/registry.svelte'
import AlertsPage from './AlertsPage.svelte'
import { m } from '../../lib/i18n'

registerPage({ id: 'alerts', label: () => m.nav_alerts(), icon: BellRing, order: 40, component: AlertsPage })
