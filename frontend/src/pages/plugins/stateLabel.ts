import { m } from '../../lib/i18n'

const labels: Record<string, () => string> = {
  running: m.pl_state_running,
  stopped: m.pl_state_stopped,
  error: m.pl_state_error,
  'backing-off': m.pl_state_backing_off,
  crashed: m.pl_state_crashed,
}

/** A plugin's or plugin process's state in the dashboard's language (an unknown one as sent). */
export function stateLabel(state: string): string {
  return labels[state]?.() ?? state
}
