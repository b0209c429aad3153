import Compass from '@lucide/svelte/icons/compass'
import { registerPage } from '../../lib/pages/registry.svelte'
import StartPage from './StartPage.svelte'
import { guide } from './guide.svelte'
import { m } from '../../lib/i18n'

registerPage({
  id: 'start',
  label: () => m.nav_start(),
  icon: Compass,
  order: 90,
  component: StartPage,
  badge: () => (guide.dismissed || guide.done.length === 4 ? undefined : guide.progress),
})

// The very first visit in this browser opens the guide, unless the address
// asks for a page (a "#token=…" link keeps its token).
if (typeof window !== 'undefined' && !guide.seen && !/^#\/[\w-]/.test(window.location.hash)) {
  guide.save()
  const query = window.location.hash.replace(/^#/, '')
  window.location.hash = query.includes('=') ? `#/start?${query}` : '#/start'
}
