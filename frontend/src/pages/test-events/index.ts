import FlaskConical from '@lucide/svelte/icons/flask-conical'
import { registerPage } from '../../lib/pages/registry.svelte'
import TestEventsPage from './TestEventsPage.svelte'

registerPage({ id: 'test-events', label: 'Test events', icon: FlaskConical, order: 20, component: TestEventsPage })
