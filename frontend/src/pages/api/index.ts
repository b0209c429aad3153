import Plug from '@lucide/svelte/icons/plug'
import { registerPage } from '../../lib/pages/registry.svelte'
import ApiPage from './ApiPage.svelte'

registerPage({
  id: 'api',
  label: 'API',
  icon: Plug,
  order: 60,
  component: ApiPage,
})
