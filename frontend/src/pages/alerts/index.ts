import BellRing from '@lucide/svelte/icons/bell-ring'
import { registerPage } from '../../lib/pages/registry.svelte'
import AlertsPage from './AlertsPage.svelte'

registerPage({ id: 'alerts', label: 'Alerts', icon: BellRing, order: 40, component: AlertsPage })
