import Palette from '@lucide/svelte/icons/palette'
import { registerPage } from '../../lib/pages/registry.svelte'
import OverlaysPage from './OverlaysPage.svelte'
import { m } from '../../lib/i18n'

registerPage({ id: 'overlays', label: () => m.nav_overlays(), icon: Palette, order: 45, component: OverlaysPage })
