import Plug from '@lucide/svelte/icons/plug'
import { registerPage } from '../../lib/pages/registry.svelte'
import ApiPage from './ApiPage.svelte'
import { m } from '../../lib/i18n'

registerPage({
  id: 'api',
  label: () => m.nav_api(),
  icon: Plug,
  order: 60,
  component: ApiPage,
})
