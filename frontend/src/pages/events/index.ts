import Search from '@lucide/svelte/icons/search'
import { registerPage } from '../../lib/pages/registry.svelte'
import EventsPage from './EventsPage.svelte'

registerPage({ id: 'events', label: 'Event search', icon: Search, order: 45, component: EventsPage })
