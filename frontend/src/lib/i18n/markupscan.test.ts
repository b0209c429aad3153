// The markup scan of the catalogue check (scripts/check-i18n.mjs): words in
// a component's markup that bypass m.<key>() fail `npm run check`; names,
// units, symbols and code samples do not.

import { describe, expect, it } from 'vitest'
import { scanMarkup, strayWords } from '../../../scripts/check-i18n.mjs'

describe('markup scan', () => {
  it('fails on an English sentence in a text node', () => {
    const out = scanMarkup('<p class="muted">Save the preset before you leave.</p>', 'x.svelte')
    expect(out).toHaveLength(1)
    expect(out[0]).toMatch(/^x\.svelte:1: "Save the preset/)
  })

  it('fails on literal aria-label, title and placeholder texts and on strings an expression shows', () => {
    const src = [
      '<script>let a = $state(false)</script>',
      '<button aria-label="Close dialog">×</button>',
      '<input placeholder="e.g. Main stream" />',
      '<span title="Copy the URL">{a ? "running" : m.x()}</span>',
    ].join('\n')
    const out = scanMarkup(src, 'y.svelte')
    expect(out.map((p) => p.split(':')[1])).toEqual(['2', '3', '4', '4'])
  })

  it('passes catalogue messages, names, units, symbols and code samples', () => {
    const src = [
      '<script>import { m } from "x"; let n = 3; let v = "a"</script>',
      '<h1>{m.title()}</h1>',
      '<span>OBS · TikTok LIVE · 1920×1080 px · {n} ms</span>',
      '<input placeholder="https://…" aria-label={m.url()} />',
      '<small>/overlay.html?screen={v}</small>',
      '<code>await fetch(url, options)</code>',
      '<span class="x" data-testid="some-id" title={m.t({ name: "value" })}>→</span>',
      '<style>p { color: red; }</style>',
    ].join('\n')
    expect(scanMarkup(src)).toEqual([])
  })

  it('tells words from code tokens', () => {
    expect(strayWords('@uniqueId .ltth-alert openapi.json #fff')).toEqual([])
    expect(strayWords('Top gifters')).toEqual(['Top', 'gifters'])
  })
})
