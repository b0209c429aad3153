// Short-lived notifications ("Sent gift", errors from the API). A repeat of a
// toast already shown does not stack a copy: it counts up on the existing one
// and restarts its timer. At most MAX_TOASTS are shown; the oldest go first.

export type ToastKind = 'success' | 'error' | 'info'

export interface Toast {
  id: number
  kind: ToastKind
  text: string
  /** How many times this notice was raised while shown. */
  count: number
}

export const MAX_TOASTS = 3

export class Toasts {
  items = $state<Toast[]>([])
  private nextId = 1
  private timers = new Map<number, ReturnType<typeof setTimeout>>()

  show(kind: ToastKind, text: string, ms = kind === 'error' ? 6000 : 3000): number {
    const same = this.items.find((t) => t.kind === kind && t.text === text)
    const toast: Toast = same ? { ...same, count: same.count + 1 } : { id: this.nextId++, kind, text, count: 1 }
    const rest = this.items.filter((t) => t.id !== toast.id)
    const kept = [...rest, toast]
    for (const old of kept.slice(0, Math.max(0, kept.length - MAX_TOASTS))) this.clearTimer(old.id)
    this.items = kept.slice(-MAX_TOASTS)
    this.clearTimer(toast.id)
    this.timers.set(
      toast.id,
      setTimeout(() => this.dismiss(toast.id), ms),
    )
    return toast.id
  }

  success(text: string): number {
    return this.show('success', text)
  }

  error(text: string): number {
    return this.show('error', text)
  }

  info(text: string): number {
    return this.show('info', text)
  }

  dismiss(id: number): void {
    this.clearTimer(id)
    this.items = this.items.filter((t) => t.id !== id)
  }

  private clearTimer(id: number): void {
    const h = this.timers.get(id)
    if (h !== undefined) clearTimeout(h)
    this.timers.delete(id)
  }
}

export const toasts = new Toasts()
