// Overlay designer: the style parameters every overlay page understands
// (backend/overlay/style.go and /overlay/ltth-style.js apply the same
// rules), the catalogue of overlays, URL building, saved presets
// (/api/overlay-presets); "Add to OBS" is the OBS service's (obs.ts).

import type { ApiClient } from './client'
import type { GoalView } from './goals'
import type { PluginInfo } from './plugins'
import { pluginAssetUrl } from './plugins'
import type { OverlayPresetsService } from './services/overlaypresets'
import { m } from '../i18n'

/** Font choices (keys of the overlays' allow-list) with labels (in the dashboard's language). */
export const OVERLAY_FONTS: { key: string; readonly label: string }[] = [
  {
    key: 'default',
    get label() {
      return m.ovs_font_default()
    },
  },
  {
    key: 'system',
    get label() {
      return m.ovs_font_system()
    },
  },
  { key: 'arial', label: 'Arial / Helvetica' },
  { key: 'verdana', label: 'Verdana' },
  { key: 'trebuchet', label: 'Trebuchet MS' },
  { key: 'georgia', label: 'Georgia (serif)' },
  { key: 'times', label: 'Times New Roman' },
  { key: 'impact', label: 'Impact' },
  { key: 'comic', label: 'Comic Sans' },
  {
    key: 'mono',
    get label() {
      return m.ovs_font_mono()
    },
  },
]
export const OVERLAY_ANCHORS = ['top-left', 'top', 'top-right', 'left', 'center', 'right', 'bottom-left', 'bottom', 'bottom-right'] as const
export const OVERLAY_ANIMATIONS = ['pop', 'slide', 'slide-up', 'fade', 'bounce', 'zoom', 'drop'] as const
const ANCHOR_LABELS: Record<string, () => string> = {
  'top-left': m.ovs_anchor_top_left, top: m.ovs_anchor_top, 'top-right': m.ovs_anchor_top_right,
  left: m.ovs_anchor_left, center: m.ovs_anchor_center, right: m.ovs_anchor_right,
  'bottom-left': m.ovs_anchor_bottom_left, bottom: m.ovs_anchor_bottom, 'bottom-right': m.ovs_anchor_bottom_right,
}
const ANIMATION_LABELS: Record<string, () => string> = {
  pop: m.ovs_anim_pop, slide: m.ovs_anim_slide, 'slide-up': m.ovs_anim_slide_up, fade: m.ovs_anim_fade,
  bounce: m.ovs_anim_bounce, zoom: m.ovs_anim_zoom, drop: m.ovs_anim_drop,
}
/** An anchor ("top-left") in the dashboard's language. */
export function anchorLabel(a: string): string {
  return ANCHOR_LABELS[a]?.() ?? a
}
/** An alert animation ("slide-up") in the dashboard's language. */
export function animationLabel(a: string): string {
  return ANIMATION_LABELS[a]?.() ?? a
}
export const OVERLAY_LANGS: { key: string; label: string }[] = [
  { key: 'en', label: 'English' },
  { key: 'de', label: 'Deutsch' },
]

/** The style parameters (all optional; '' = the overlay's default). */
export interface OverlayStyle {
  w: number
  h: number
  anchor: string
  scale: number
  font: string
  size: number | null
  text: string
  accent: string
  bg: string
  anim: string
  lang: string
}

const NUMS: Record<string, [number, number, boolean]> = { w: [64, 7680, true], h: [64, 4320, true], scale: [0.25, 5, false], size: [8, 200, true] }
const HEX = /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/
const RGB = /^rgba?\(\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})\s*(?:,\s*(\d*\.?\d+)\s*)?\)$/
const PRESET_NAME = /^[A-Za-z0-9][A-Za-z0-9 _.-]{0,39}$/

/** Whether s is a colour the overlays accept (#rgb, #rrggbb, rgb(), rgba()). */
export function validColour(s: string): boolean {
  if (HEX.test(s)) return true
  const m = RGB.exec(s)
  if (!m || s.startsWith('rgba') !== (m[4] !== undefined)) return false
  if (Number(m[1]) > 255 || Number(m[2]) > 255 || Number(m[3]) > 255) return false
  return m[4] === undefined || (Number(m[4]) >= 0 && Number(m[4]) <= 1)
}

export function validPresetName(s: string): boolean {
  return PRESET_NAME.test(s)
}

/** Clamps a numeric style value into its range (NaN → null). */
export function clampStyle(key: 'w' | 'h' | 'scale' | 'size', v: number): number | null {
  const r = NUMS[key]!
  if (!Number.isFinite(v)) return null
  const n = Math.max(r[0], Math.min(r[1], v))
  return r[2] ? Math.round(n) : Math.round(n * 100) / 100
}

/**
 * The query parameters for a style: only what differs from the overlay's
 * defaults, only valid values (invalid colours are left out).
 */
export function styleParams(s: OverlayStyle, target: OverlayTarget): Record<string, string> {
  const out: Record<string, string> = {}
  const w = clampStyle('w', s.w)
  const h = clampStyle('h', s.h)
  if (w !== null && w !== target.width) out.w = String(w)
  if (h !== null && h !== target.height) out.h = String(h)
  if (s.anchor && s.anchor !== target.defaultAnchor && (OVERLAY_ANCHORS as readonly string[]).includes(s.anchor)) out.anchor = s.anchor
  const scale = clampStyle('scale', s.scale)
  if (scale !== null && scale !== 1) out.scale = String(scale)
  if (s.font && s.font !== 'default' && OVERLAY_FONTS.some((f) => f.key === s.font)) out.font = s.font
  const size = s.size === null ? null : clampStyle('size', s.size)
  if (size !== null) out.size = String(size)
  for (const k of ['text', 'accent', 'bg'] as const) if (s[k] && validColour(s[k].trim())) out[k] = s[k].trim()
  if (target.animations && s.anim && (OVERLAY_ANIMATIONS as readonly string[]).includes(s.anim)) out.anim = s.anim
  if (target.languages && s.lang && OVERLAY_LANGS.some((l) => l.key === s.lang)) out.lang = s.lang
  return out
}

/** Reads a style back from params (a preset's), over a default style. */
export function styleFromParams(p: Record<string, string>, base: OverlayStyle): OverlayStyle {
  const s = { ...base }
  const num = (k: 'w' | 'h' | 'scale' | 'size') => (p[k] !== undefined ? clampStyle(k, Number(p[k])) : null)
  s.w = num('w') ?? base.w
  s.h = num('h') ?? base.h
  s.scale = num('scale') ?? 1
  s.size = num('size')
  s.anchor = p.anchor ?? base.anchor
  s.font = p.font ?? 'default'
  s.text = p.text ?? ''
  s.accent = p.accent ?? ''
  s.bg = p.bg ?? ''
  s.anim = p.anim ?? ''
  s.lang = p.lang ?? ''
  return s
}

/** One overlay page the designer can style. */
export interface OverlayTarget {
  id: string
  /** The OBS source name "Add to OBS" uses (the same in every language, so a source is found again). */
  name: string
  /** The name shown in the dashboard, in its language. */
  label: string
  group: 'Alerts' | 'Goals' | 'Leaderboards' | 'Plugins'
  /** Page path (with its own query, e.g. ?id=), relative to the listener. */
  path: string
  width: number
  height: number
  defaultAnchor: string
  /** Whether the page has alert animations / translated texts. */
  animations: boolean
  languages: boolean
  note?: string
}

export function defaultStyle(t: OverlayTarget): OverlayStyle {
  return { w: t.width, h: t.height, anchor: t.defaultAnchor, scale: 1, font: 'default', size: null, text: '', accent: '', bg: '', anim: '', lang: '' }
}

/** Every overlay: alerts, the leaderboards, each goal, each plugin overlay. */
export function overlayCatalog(goals: GoalView[], plugins: PluginInfo[]): OverlayTarget[] {
  const out: OverlayTarget[] = [
    { id: 'alerts', name: 'LTTH Alerts', label: m.ovc_alerts(), group: 'Alerts', path: '/overlay.html', width: 1920, height: 1080, defaultAnchor: 'top', animations: true, languages: true },
  ]
  const boards = [['gifters', 'Top gifters', m.ovc_top_gifters()], ['likers', 'Top likers', m.ovc_top_likers()], ['chatters', 'Top chatters', m.ovc_top_chatters()]] as const
  for (const [board, obsName, label] of boards) {
    out.push({
      id: `leaderboard-${board}`, name: board === 'gifters' ? 'LTTH Leaderboard' : `LTTH Leaderboard ${obsName}`, label, group: 'Leaderboards',
      path: `/overlay/leaderboard.html?board=${board}&period=stream`, width: 400, height: 600, defaultAnchor: 'top-left', animations: false, languages: false,
    })
  }
  for (const g of goals) {
    out.push({
      id: `goal-${g.id}`, name: `LTTH Goal ${g.name}`, label: m.ovc_goal({ name: g.name }), group: 'Goals', path: g.overlayUrl || `/overlay/goal.html?id=${encodeURIComponent(g.id)}`,
      width: 600, height: 120, defaultAnchor: 'top-left', animations: false, languages: false,
    })
  }
  for (const p of plugins) {
    for (const o of p.overlays) {
      out.push({
        id: `plugin-${p.id}-${o.path}`, name: `LTTH ${p.name} ${o.name}`, label: `${p.name} ${o.name}`, group: 'Plugins', path: pluginAssetUrl('', p.id, o.path),
        width: o.width || 1920, height: o.height || 1080, defaultAnchor: 'top-left', animations: false, languages: false,
        note: p.enabled ? undefined : m.ovc_plugin_disabled({ name: p.name }),
      })
    }
  }
  return out
}

/** The overlay URL: page + style params (+ ?preset=name). */
export function overlayUrlFor(base: string, t: OverlayTarget, params: Record<string, string>, preset = ''): string {
  const url = new URL(t.path, `${base || 'http://127.0.0.1:3000'}/`)
  if (preset) url.searchParams.set('preset', preset)
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v)
  return url.toString()
}

/** A saved preset (backend overlay.Preset). */
export interface OverlayPreset {
  name: string
  overlay: string
  params: Record<string, string>
  css: string
  updatedAt?: string
}

/** One browser source for "Add to OBS". */
export interface BrowserSource {
  name: string
  url: string
  width: number
  height: number
  /** Where OBS places the source on its canvas (top-left … bottom-right); empty = leave it. */
  anchor?: string
}

export class OverlaysApi {
  constructor(private readonly presetsSvc: OverlayPresetsService) {}

  /** Saved presets go through the overlay presets service (bindings in the desktop window, else REST). */
  async presets(): Promise<OverlayPreset[]> {
    const list = await this.presetsSvc.list()
    return Array.isArray(list) ? list : []
  }

  savePreset(p: OverlayPreset): Promise<OverlayPreset> {
    return this.presetsSvc.put(p)
  }

  deletePreset(name: string): Promise<void> {
    return this.presetsSvc.remove(name)
  }
}

export function overlaysApi(api: ApiClient): OverlaysApi {
  return new OverlaysApi(api.services.overlayPresets)
}
