import Target from '@lucide/svelte/icons/target'
import { registerPage } from '../../lib/pages/registry.svelte'
import { isDeletedGoal } from '../../lib/api'
import { live } from '../../lib/state/live.svelte'
import GoalsPage from './GoalsPage.svelte'
import { m } from '../../lib/i18n'

registerPage({
  id: 'goals',
  label: () => m.nav_goals(),
  icon: Target,
  order: 41,
  component: GoalsPage,
  badge: () => {
    const n = Object.values(live.goals).filter((g) => g?.id && !isDeletedGoal(g)).length
    return n || undefined
  },
})
