import Video from '@lucide/svelte/icons/video'
import { registerPage } from '../../lib/pages/registry.svelte'
import ObsPage from './ObsPage.svelte'
import { m } from '../../lib/i18n'

registerPage({ id: 'obs', label: () => m.nav_obs(), icon: Video, order: 60, component: ObsPage })
