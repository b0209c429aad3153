import Radio from '@lucide/svelte/icons/radio'
import { registerPage } from '../../lib/pages/registry.svelte'
import LivePage from './LivePage.svelte'

registerPage({ id: 'live', label: 'Live feed', icon: Radio, order: 10, component: LivePage })
