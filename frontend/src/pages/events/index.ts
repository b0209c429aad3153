import Search from '@lucide/svelte/icons/search'
import { registerPage } from '../../lib/pages/registry.svelte'
import EventsPage from './EventsPage.svelte'
import { m } from '../../lib/i18n'

registerPage({ id: 'events', label: () => m.nav_events(), icon: Search, order: 45, component: EventsPage })
