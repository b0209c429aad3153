import Cable from '@lucide/svelte/icons/cable'
import { registerPage } from '../../lib/pages/registry.svelte'
import ConnectionPage from './ConnectionPage.svelte'

registerPage({ id: 'connection', label: 'Connection', icon: Cable, order: 5, component: ConnectionPage })
