import FlaskConical from '@lucide/svelte/icons/flask-conical'
import { registerPage } from '../../lib/pages/registry.svelte'
import TestEventsPage from './TestEventsPage.svelte'
import { m } from '../../lib/i18n'

registerPage({ id: 'test-events', label: () => m.nav_test_events(), icon: FlaskConical, order: 20, component: TestEventsPage })
