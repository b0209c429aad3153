import Palette from '@lucide/svelte/icons/palette'
import { registerPage } from '../../lib/pages/registry.svelte'
import OverlaysPage from './OverlaysPage.svelte'

registerPage({ id: 'overlays', label: 'Overlay designer', icon: Palette, order: 45, component: OverlaysPage })
