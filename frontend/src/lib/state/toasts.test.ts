import { describe, expect, it } from 'vitest'
import { MAX_TOASTS, Toasts } from './toasts.svelte'

describe('toasts', () => {
  it('collapse a repeated notice into one toast with a count', () => {
    const t = new Toasts()
    const a = t.success('Sent gift')
    const b = t.success('Sent gift')
    t.success('Sent gift')
    expect(b).toBe(a)
    expect(t.items).toHaveLength(1)
    expect(t.items[0]?.count).toBe(3)
  })

  it('cap the stack, dropping the oldest', () => {
    const t = new Toasts()
    for (let i = 0; i < 8; i++) t.info(`notice ${i}`)
    expect(t.items).toHaveLength(MAX_TOASTS)
    expect(t.items.map((x) => x.text)).toEqual(['notice 5', 'notice 6', 'notice 7'])
  })

  it('keep different kinds of the same text apart', () => {
    const t = new Toasts()
    t.success('x')
    t.error('x')
    expect(t.items).toHaveLength(2)
  })
})
