import Users from '@lucide/svelte/icons/users'
import { registerPage } from '../../lib/pages/registry.svelte'
import ViewersPage from './ViewersPage.svelte'

registerPage({ id: 'viewers', label: 'Viewers', icon: Users, order: 44, component: ViewersPage })
