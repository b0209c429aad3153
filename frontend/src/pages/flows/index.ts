import Workflow from '@lucide/svelte/icons/workflow'
import { registerPage } from '../../lib/pages/registry.svelte'
import FlowsPage from './FlowsPage.svelte'

registerPage({ id: 'flows', label: 'Flows', icon: Workflow, order: 20, component: FlowsPage })
