// Unit tests of the overlay designer's helpers: colour rules (the same as
// the overlays'), the params a style produces, the URL and the catalogue.

import { describe, expect, it } from 'vitest'
import { i18n } from '../i18n'
import { OVERLAY_FONTS, anchorLabel, animationLabel, clampStyle, defaultStyle, overlayCatalog, overlayUrlFor, styleFromParams, styleParams, validColour, validPresetName } from './overlays'
import type { PluginInfo } from './plugins'

const alerts = overlayCatalog([], [])[0]!

describe('overlay designer helpers', () => {
  it('accepts only the overlay colour forms', () => {
    for (const c of ['#fff', '#00FF00', 'rgb(1, 2, 3)', 'rgba(1,2,3,0.5)']) expect(validColour(c)).toBe(true)
    for (const c of ['red', '#ff', 'rgb(256,0,0)', 'rgba(0,0,0)', 'rgb(0,0,0,1)', '#fff;x', 'url(http://x)']) expect(validColour(c)).toBe(false)
  })

  it('clamps numbers and keeps only what differs from the defaults', () => {
    expect(clampStyle('scale', 9)).toBe(5)
    expect(clampStyle('size', 2)).toBe(8)
    expect(clampStyle('w', Number.NaN)).toBeNull()
    const s = { ...defaultStyle(alerts), scale: 1.5, accent: '#00ff00', text: 'red', anim: 'fade', lang: 'de', anchor: 'bottom-right' }
    expect(styleParams(s, alerts)).toEqual({ scale: '1.5', accent: '#00ff00', anim: 'fade', lang: 'de', anchor: 'bottom-right' })
    expect(styleParams(defaultStyle(alerts), alerts)).toEqual({})
  })

  it('round-trips a preset and builds URLs', () => {
    const s = styleFromParams({ scale: '2', font: 'georgia', size: '30', w: '1280', h: '720' }, defaultStyle(alerts))
    expect(s).toMatchObject({ scale: 2, font: 'georgia', size: 30, w: 1280, h: 720 })
    expect(overlayUrlFor('http://127.0.0.1:3000', alerts, { scale: '2' })).toBe('http://127.0.0.1:3000/overlay.html?scale=2')
    expect(overlayUrlFor('http://127.0.0.1:3000', alerts, {}, 'Main stream')).toBe('http://127.0.0.1:3000/overlay.html?preset=Main+stream')
    expect(validPresetName('Main stream')).toBe(true)
    expect(validPresetName('../x')).toBe(false)
  })

  it('lists alerts, leaderboards, goals and plugin overlays', () => {
    const plugin = { id: 'emoji-rain', name: 'Emoji rain', enabled: false, overlays: [{ path: 'overlay.html', name: 'Rain', width: 1920, height: 1080 }] } as unknown as PluginInfo
    const list = overlayCatalog([{ id: 'g1', name: 'Roses', overlayUrl: '/overlay/goal.html?id=g1' } as never], [plugin])
    expect(list.map((t) => t.name)).toContain('LTTH Goal Roses')
    const rain = list.find((t) => t.group === 'Plugins')!
    expect(rain.path).toBe('/plugins/emoji-rain/overlay.html')
    expect(rain.note).toMatch(/disabled/)
    const goal = list.find((t) => t.group === 'Goals')!
    expect(overlayUrlFor('http://h:1', goal, { accent: '#fff' })).toBe('http://h:1/overlay/goal.html?id=g1&accent=%23fff')
  })

  it('shows names, notes, fonts and anchors in German but keeps the OBS source names', () => {
    const plugin = { id: 'emoji-rain', name: 'Emoji rain', enabled: false, overlays: [{ path: 'overlay.html', name: 'Rain', width: 1920, height: 1080 }] } as unknown as PluginInfo
    i18n.setPreference('de')
    try {
      const list = overlayCatalog([{ id: 'g1', name: 'Roses', overlayUrl: '/overlay/goal.html?id=g1' } as never], [plugin])
      const goal = list.find((t) => t.group === 'Goals')!
      expect([goal.name, goal.label]).toEqual(['LTTH Goal Roses', 'Ziel Roses'])
      const likers = list.find((t) => t.id === 'leaderboard-likers')!
      expect([likers.name, likers.label]).toEqual(['LTTH Leaderboard Top likers', 'Top-Liker'])
      expect(list.find((t) => t.group === 'Plugins')!.note).toMatch(/deaktiviert/)
      expect(OVERLAY_FONTS.find((f) => f.key === 'default')!.label).toMatch(/Standard/)
      expect(anchorLabel('bottom-right')).toBe('unten rechts')
      expect(animationLabel('slide-up')).toBe('Nach oben gleiten')
    } finally {
      i18n.setPreference('en')
    }
    expect(OVERLAY_FONTS.find((f) => f.key === 'default')!.label).toMatch(/default/)
    expect(anchorLabel('bottom-right')).toBe('bottom right')
  })
})
