import Video from '@lucide/svelte/icons/video'
import { registerPage } from '../../lib/pages/registry.svelte'
import ObsPage from './ObsPage.svelte'

registerPage({ id: 'obs', label: 'OBS', icon: Video, order: 60, component: ObsPage })
