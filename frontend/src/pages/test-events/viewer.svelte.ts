// The viewer test events are sent as (kept while the dashboard is open).

import { DEFAULT_VIEWER, randomViewer, type TestViewer } from '../../lib/events/testEvents'

class TestViewerState {
  v = $state<TestViewer>({ ...DEFAULT_VIEWER })

  randomize(): void {
    this.v = randomViewer()
  }

  reset(): void {
    this.v = { ...DEFAULT_VIEWER }
  }
}

export const testViewer = new TestViewerState()
