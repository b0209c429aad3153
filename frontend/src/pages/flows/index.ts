import Workflow from '@lucide/svelte/icons/workflow'
import { registerPage } from '../../lib/pages/registry.svelte'
import FlowsPage from './FlowsPage.svelte'
import { m } from '../../lib/i18n'

registerPage({ id: 'flows', label: () => m.nav_flows(), icon: Workflow, order: 20, component: FlowsPage })
