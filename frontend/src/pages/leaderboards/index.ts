import Trophy from '@lucide/svelte/icons/trophy'
import { registerPage } from '../../lib/pages/registry.svelte'
import LeaderboardsPage from './LeaderboardsPage.svelte'
import { m } from '../../lib/i18n'

registerPage({ id: 'leaderboards', label: () => m.nav_leaderboards(), icon: Trophy, order: 42, component: LeaderboardsPage })
