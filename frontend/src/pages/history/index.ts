import History from '@lucide/svelte/icons/history'
import { registerPage } from '../../lib/pages/registry.svelte'
import HistoryPage from './HistoryPage.svelte'
import { m } from '../../lib/i18n'

registerPage({ id: 'history', label: () => m.nav_history(), icon: History, order: 43, component: HistoryPage })
