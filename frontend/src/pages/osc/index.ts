import Radio from '@lucide/svelte/icons/radio'
import { registerPage } from '../../lib/pages/registry.svelte'
import OscPage from './OscPage.svelte'

registerPage({ id: 'osc', label: 'OSC / VRChat', icon: Radio, order: 61, component: OscPage })
