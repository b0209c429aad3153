import Users from '@lucide/svelte/icons/users'
import { registerPage } from '../../lib/pages/registry.svelte'
import ViewersPage from './ViewersPage.svelte'
import { m } from '../../lib/i18n'

registerPage({ id: 'viewers', label: () => m.nav_viewers(), icon: Users, order: 44, component: ViewersPage })
