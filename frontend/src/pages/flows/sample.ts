// Sample events for "Test with sample event": which event type fits a
// flow's first trigger, form values that make that trigger match, and the
// event built from the form (the test panel's own builder from lib/events).

import { EVENT_TYPES, isEventType, type EventType, type FlowDoc, type LiveEvent } from '../../lib/api'
import { COMMON_GIFTS } from '../../lib/events/gifts'
import { m } from '../../lib/i18n'
import { buildTestEvent, DEFAULT_VIEWER, TEST_EVENT_FORMS, type FieldValues, type TestEventForm, type TestViewer } from '../../lib/events/testEvents'

/** "auto" lets the engine pick a sample for the flow's first trigger. */
export type SampleType = EventType | 'auto'

export const SAMPLE_TYPES: readonly SampleType[] = ['auto', ...EVENT_TYPES]

export function sampleForm(t: SampleType): TestEventForm | undefined {
  return TEST_EVENT_FORMS.find((f) => f.type === t)
}

function cfgNumber(cfg: Record<string, unknown> | undefined, key: string): number {
  const v = cfg?.[key]
  return typeof v === 'number' && Number.isFinite(v) ? v : 0
}

/** The event type the first enabled trigger listens to, or "auto". */
export function sampleTypeFor(d: FlowDoc): SampleType {
  const t = d.triggers.find((x) => x.enabled !== false)
  if (!t) return 'auto'
  if (t.type === 'tiktok.command') return 'chat'
  if (t.type === 'tiktok.event') {
    const types = t.config?.types
    const first = Array.isArray(types) ? types[0] : undefined
    return isEventType(first) ? first : 'auto'
  }
  const m = /^tiktok\.(\w+)$/.exec(t.type)
  return m && isEventType(m[1]) ? m[1] : 'auto'
}

/** Form values for type t that make the flow's first trigger of that type match. */
export function sampleValues(t: SampleType, d: FlowDoc): FieldValues {
  const form = sampleForm(t)
  const values: FieldValues = { ...(form?.defaults ?? {}) }
  const trig = d.triggers.find((x) => x.enabled !== false && (x.type === `tiktok.${t}` || (t === 'chat' && x.type === 'tiktok.command')))
  const cfg = trig?.config
  switch (trig?.type) {
    case 'tiktok.gift':
    case 'tiktok.giftStreak': {
      const min = cfgNumber(cfg, 'minCoins')
      const want = COMMON_GIFTS.find((g) => g.id === cfgNumber(cfg, 'giftId'))
      const gift = want ?? COMMON_GIFTS.filter((g) => g.diamonds <= Math.max(1, min)).pop() ?? COMMON_GIFTS[0]!
      values.giftId = gift.id
      values.repeatCount = Math.max(1, Math.ceil(min / gift.diamonds))
      break
    }
    case 'tiktok.command': {
      const cmd = typeof cfg?.command === 'string' ? cfg.command.trim() : ''
      if (cmd) values.comment = `${cmd.startsWith('!') ? cmd : `!${cmd}`} test`
      break
    }
    case 'tiktok.chat': {
      const text = typeof cfg?.text === 'string' ? cfg.text : ''
      if (text && cfg?.match !== 'regex') values.comment = text
      break
    }
    case 'tiktok.like':
      values.likeCount = Math.max(Number(values.likeCount) || 1, cfgNumber(cfg, 'minLikes'))
      break
    case 'tiktok.subscribe':
      values.subMonth = Math.max(1, cfgNumber(cfg, 'minMonths'))
      break
    case 'tiktok.viewers':
      values.viewerCount = Math.max(Number(values.viewerCount) || 0, cfgNumber(cfg, 'minViewers'))
      break
  }
  return values
}

export function defaultSampleViewer(): TestViewer {
  return { ...DEFAULT_VIEWER, nickname: m.fe_sample_viewer(), uniqueId: 'sample_viewer' }
}

export type SampleRoles = Pick<TestViewer, 'isFollower' | 'isSubscriber' | 'isModerator'>

/** Viewer roles that satisfy the first trigger's "only from" roles (the first role it names). */
export function sampleRoles(d: FlowDoc): SampleRoles {
  const base: SampleRoles = { isFollower: true, isSubscriber: false, isModerator: false }
  const t = d.triggers.find((x) => x.enabled !== false)
  const roles = Array.isArray(t?.config?.roles) ? (t.config.roles as unknown[]) : []
  if (roles.length === 0 || roles.includes('everyone')) return base
  if (roles.includes('follower')) return base
  if (roles.includes('subscriber')) return { ...base, isSubscriber: true }
  if (roles.includes('moderator')) return { ...base, isModerator: true }
  return base
}

/** The sample event, or undefined for "auto". */
export function buildSample(t: SampleType, viewer: TestViewer, values: FieldValues): LiveEvent | undefined {
  if (t === 'auto') return undefined
  return buildTestEvent(t, viewer, values)
}

/** "name=value" lines → arguments ({arg1}, webhook fields…). */
export function parseArgs(text: string): Record<string, string> | undefined {
  const out: Record<string, string> = {}
  for (const line of text.split('\n')) {
    const i = line.indexOf('=')
    if (i <= 0) continue
    const k = line.slice(0, i).trim()
    if (k) out[k] = line.slice(i + 1).trim()
  }
  return Object.keys(out).length ? out : undefined
}
