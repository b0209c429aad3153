import Puzzle from '@lucide/svelte/icons/puzzle'
import { registerPage } from '../../lib/pages/registry.svelte'
import { live } from '../../lib/state/live.svelte'
import PluginsPage from './PluginsPage.svelte'
import { m } from '../../lib/i18n'

registerPage({
  id: 'plugins',
  label: () => m.nav_plugins(),
  icon: Puzzle,
  order: 50,
  component: PluginsPage,
  badge: () => {
    const failed = (live.plugins ?? []).filter((p) => p.state === 'error').length
    return failed || undefined
  },
})
