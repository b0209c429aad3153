import Radio from '@lucide/svelte/icons/radio'
import { registerPage } from '../../lib/pages/registry.svelte'
import OscPage from './OscPage.svelte'
import { m } from '../../lib/i18n'

registerPage({ id: 'osc', label: () => m.nav_osc(), icon: Radio, order: 61, component: OscPage })
