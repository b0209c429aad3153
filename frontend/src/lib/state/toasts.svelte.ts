// Short-lived notifications ("Sent gift", errors from the API).

export type ToastKind = 'success' | 'error' | 'info'

export interface Toast {
  id: number
  kind: ToastKind
  text: string
}

class Toasts {
  items = $state<Toast[]>([])
  private nextId = 1

  show(kind: ToastKind, text: string, ms = kind === 'error' ? 6000 : 3000): number {
    const id = this.nextId++
    this.items = [...this.items.slice(-4), { id, kind, text }]
    setTimeout(() => this.dismiss(id), ms)
    return id
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
    this.items = this.items.filter((t) => t.id !== id)
  }
}

export const toasts = new Toasts()
