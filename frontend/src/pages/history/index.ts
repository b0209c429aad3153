import History from '@lucide/svelte/icons/history'
import { registerPage } from '../../lib/pages/registry.svelte'
import HistoryPage from './HistoryPage.svelte'

registerPage({ id: 'history', label: 'History', icon: History, order: 43, component: HistoryPage })
