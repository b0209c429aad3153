// First-run guide state: which steps are done and whether it was dismissed
// (kept in this browser). Shown on the first visit; reachable later from
// the sidebar ("Get started").

export const GUIDE_KEY = 'ltth.guide'

export type GuideStep = 'handle' | 'gift' | 'obs' | 'alert'
export const GUIDE_STEPS: GuideStep[] = ['handle', 'gift', 'obs', 'alert']

interface Saved {
  dismissed?: boolean
  done?: GuideStep[]
}

function load(): Saved {
  try {
    const raw = typeof localStorage === 'undefined' ? null : localStorage.getItem(GUIDE_KEY)
    const v = raw ? (JSON.parse(raw) as unknown) : null
    return v && typeof v === 'object' ? (v as Saved) : {}
  } catch {
    return {}
  }
}

class Guide {
  /** False on the very first visit (nothing saved yet). */
  readonly seen: boolean
  dismissed = $state(false)
  done = $state<GuideStep[]>([])

  constructor() {
    const s = load()
    this.seen = typeof localStorage !== 'undefined' && (() => {
      try {
        return localStorage.getItem(GUIDE_KEY) !== null
      } catch {
        return true
      }
    })()
    this.dismissed = s.dismissed === true
    this.done = (s.done ?? []).filter((x) => GUIDE_STEPS.includes(x))
  }

  get progress(): string {
    return `${this.done.length}/${GUIDE_STEPS.length}`
  }

  mark(step: GuideStep): void {
    if (!this.done.includes(step)) this.done = [...this.done, step]
    this.save()
  }

  dismiss(on = true): void {
    this.dismissed = on
    this.save()
  }

  save(): void {
    try {
      localStorage.setItem(GUIDE_KEY, JSON.stringify({ dismissed: this.dismissed, done: this.done }))
    } catch {
      // storage disabled: the guide simply shows again next time
    }
  }
}

export const guide = new Guide()
