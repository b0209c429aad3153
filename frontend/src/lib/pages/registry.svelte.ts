// Dashboard pages register themselves here; the sidebar and the router read
// the registry, so a module adds a page without editing a central switch.
// Built-in pages live in src/pages/<id>/index.ts and are discovered by
// main.ts with import.meta.glob.

import type { Component } from 'svelte'

export interface PageDef {
  /** URL id: the page is shown at #/<id>. */
  id: string
  /** Sidebar text: a catalogue message (re-read when the language changes) or fixed text. */
  label: string | (() => string)
  icon: Component<{ size?: number | string }>
  /** Sidebar position, ascending. */
  order: number
  component: Component
  /** Optional short text shown next to the label (e.g. a count). */
  badge?: () => string | number | undefined
}

class PageRegistry {
  pages = $state.raw<PageDef[]>([])

  register(page: PageDef): void {
    const rest = this.pages.filter((p) => p.id !== page.id)
    this.pages = [...rest, page].sort((a, b) => a.order - b.order || a.id.localeCompare(b.id))
  }

  get(id: string): PageDef | undefined {
    return this.pages.find((p) => p.id === id)
  }
}

export const pageRegistry = new PageRegistry()

/** The page's sidebar text in the current language. */
export function pageLabel(page: PageDef): string {
  return typeof page.label === 'function' ? page.label() : page.label
}

export function registerPage(page: PageDef): void {
  pageRegistry.register(page)
}

/** Page id from a hash like `#/profiles` or `#/profiles?x=1`. */
export function pageIdFromHash(hash: string): string {
  const m = /^#\/([\w-]+)/.exec(hash)
  return m?.[1] ?? ''
}

class Router {
  current = $state('')

  constructor() {
    if (typeof window !== 'undefined') {
      this.current = pageIdFromHash(window.location.hash)
      window.addEventListener('hashchange', () => {
        this.current = pageIdFromHash(window.location.hash)
      })
    }
  }

  /** The page to show: the current one, or the first registered. */
  get page(): PageDef | undefined {
    return pageRegistry.get(this.current) ?? pageRegistry.pages[0]
  }

  go(id: string): void {
    if (typeof window !== 'undefined') window.location.hash = `#/${id}`
    this.current = id
  }
}

export const router = new Router()
