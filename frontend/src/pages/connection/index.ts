import Cable from '@lucide/svelte/icons/cable'
import { registerPage } from '../../lib/pages/registry.svelte'
import ConnectionPage from './ConnectionPage.svelte'
import { m } from '../../lib/i18n'

registerPage({ id: 'connection', label: () => m.nav_connection(), icon: Cable, order: 5, component: ConnectionPage })
