import { afterEach, describe, expect, it } from 'vitest'
import { i18n } from '../../lib/i18n'
import type { FlowRegistry } from '../../lib/api'
import { fieldLabel } from './fields'
import { runWho } from './runwho'
import { FLOW_TEMPLATES, flowFromTemplate, templateAbout, templateName } from './templates'
import { fmtMs, humanError, modeLabel, statusText, traceHeadline, triggerSummary, valueKindLabel } from './texts'

const REG: FlowRegistry = {
  triggers: [
    {
      type: 'tiktok.gift',
      name: 'Gift',
      category: 'TikTok',
      fields: [
        { name: 'minCoins', label: 'Minimum coins', kind: 'number', default: 0 },
        { name: 'streakEnd', label: 'Only finished streaks', kind: 'bool', default: false },
      ],
    },
    { type: 'tiktok.chat', name: 'Chat message', category: 'TikTok', fields: [] },
  ],
  conditions: [],
  actions: [],
  eventFields: [],
}

afterEach(() => i18n.setPreference('en'))

describe('flow editor texts follow the language', () => {
  it('summarizes triggers in English and German', () => {
    const d = {
      id: 'f',
      name: 'f',
      enabled: true,
      triggers: [{ type: 'tiktok.gift', config: { minCoins: 1000, streakEnd: true } }, { type: 'tiktok.chat' }],
      actions: [],
    }
    expect(triggerSummary(d, REG)).toBe('Gift · Minimum coins 1,000 · Only finished streaks yes or Chat message')
    expect(triggerSummary({ ...d, triggers: [] }, REG)).toBe('no trigger')
    i18n.setPreference('de')
    expect(triggerSummary(d, REG)).toBe('Gift · Minimum coins 1.000 · Only finished streaks ja oder Chat message')
    expect(triggerSummary({ ...d, triggers: [] }, REG)).toBe('kein Auslöser')
  })

  it('names the step of a validation error', () => {
    const line = 'invalid flow: triggers[0] (tiktok.gift): unknown config field "x"'
    expect(humanError(line, REG)).toBe('Trigger 1 (Gift): unknown config field "x"')
    i18n.setPreference('de')
    expect(humanError(line, REG)).toBe('Auslöser 1 (Gift): unknown config field "x"')
    expect(humanError('actions[2]: boom', REG)).toBe('Aktion 3: boom')
    expect(humanError('something else', REG)).toBe('something else')
  })

  it('statuses, modes, value kinds, durations and who ran it', () => {
    expect(statusText('rejected')).toBe('Did not pass')
    expect(traceHeadline({ dryRun: true, status: 'completed' })).toBe('Test passed')
    expect(fmtMs(1500)).toBe('1.5 s')
    expect(runWho({ event: null, parentRunId: 'r' })).toBe('another flow')
    i18n.setPreference('de')
    expect(statusText('rejected')).toBe('Nicht erfüllt')
    expect(statusText('whatever')).toBe('whatever')
    expect(traceHeadline({ status: 'rejected', reason: 'cooldown' })).toBe('Nicht erfüllt: cooldown')
    expect(modeLabel('queued')).toBe('Warteschlange — einer nach dem anderen')
    expect(valueKindLabel('list')).toBe('Liste')
    expect(fmtMs(1500)).toBe('1,5 s')
    expect(fmtMs(0.04)).toBe('0,04 ms')
    expect(fieldLabel({ name: 'durationMs', label: 'Duration (ms)', kind: 'number' })).toBe('Duration (Sekunden)')
    expect(runWho({ event: null, dryRun: true })).toBe('ein Test')
  })

  it('every template has its name and description in both languages', () => {
    for (const t of FLOW_TEMPLATES) {
      expect(templateName(t)).toBe(t.name)
      expect(templateAbout(t)).toBe(t.description)
    }
    i18n.setPreference('de')
    for (const t of FLOW_TEMPLATES) {
      expect(templateAbout(t)).not.toBe(t.description)
    }
    const gc = FLOW_TEMPLATES.find((t) => t.id === 'gift-counter')!
    expect(templateAbout(gc)).toContain('{var.coinsToday}')
    expect(flowFromTemplate(gc, 'x').name).toBe('Coins zählen')
  })
})
