import Layers from '@lucide/svelte/icons/layers'
import { registerPage } from '../../lib/pages/registry.svelte'
import { profiles } from '../../lib/state/profiles.svelte'
import ProfilesPage from './ProfilesPage.svelte'
import { m } from '../../lib/i18n'

registerPage({
  id: 'profiles',
  label: () => m.nav_profiles(),
  icon: Layers,
  order: 30,
  component: ProfilesPage,
  badge: () => (profiles.list.length ? profiles.list.length : undefined),
})
