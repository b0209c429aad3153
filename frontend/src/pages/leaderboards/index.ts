import Trophy from '@lucide/svelte/icons/trophy'
import { registerPage } from '../../lib/pages/registry.svelte'
import LeaderboardsPage from './LeaderboardsPage.svelte'

registerPage({ id: 'leaderboards', label: 'Leaderboards', icon: Trophy, order: 42, component: LeaderboardsPage })
