import Radio from '@lucide/svelte/icons/radio'
import { registerPage } from '../../lib/pages/registry.svelte'
import LivePage from './LivePage.svelte'
import { m } from '../../lib/i18n'

registerPage({ id: 'live', label: () => m.nav_live(), icon: Radio, order: 10, component: LivePage })
