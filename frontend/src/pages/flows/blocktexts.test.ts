import { afterEach, describe, expect, it } from 'vitest'
import { i18n } from '../../lib/i18n'
import type { FlowRegistry } from '../../lib/api'
import { blockText, localizeRegistry, norm } from './blocktexts'

const REG: FlowRegistry = {
  triggers: [
    {
      type: 'tiktok.gift',
      name: 'Gift',
      category: 'TikTok',
      description: 'A gift (one per finished streak), optionally above a coin value or of one gift id.',
      fields: [{ name: 'minCoins', label: 'Minimum coins', kind: 'number' }],
    },
    { type: 'someplugin.thing', name: 'A plugin block', category: 'Plugins', fields: [{ name: 'x', label: 'Some field', kind: 'text' }] },
  ],
  conditions: [
    {
      type: 'compare',
      name: 'Compare a field',
      category: 'Logic',
      fields: [{ name: 'op', label: 'Operator', kind: 'select', options: [{ value: '!=', label: 'does not equal' }] }],
    },
  ],
  actions: [],
  eventFields: [],
}

describe('block texts', () => {
  afterEach(() => i18n.setPreference('en'))

  it('normalises keys as the Go test does', () => {
    expect(norm('sound.play')).toBe('sound_play')
    expect(norm('!=')).toBe('x21x3d')
    expect(norm('OSC / VRChat')).toBe('OSC___VRChat')
    expect(norm('a-b_c')).toBe('a_bx5fc')
    expect(norm('ü')).toBe('xfc')
  })

  it('shows the catalogue text in German and the backend English otherwise', () => {
    i18n.setPreference('de')
    const reg = localizeRegistry(REG)
    const gift = reg.triggers[0]!
    expect(gift.name).toBe('Geschenk')
    expect(gift.description).toMatch(/^Ein Geschenk/)
    expect(gift.fields[0]!.label).toBe('Mindest-Coins')
    expect(reg.conditions[0]!.fields[0]!.options![0]!.label).toBe('ist ungleich')
    expect(reg.triggers[1]!.name).toBe('A plugin block')
    expect(reg.triggers[1]!.fields[0]!.label).toBe('Some field')
    i18n.setPreference('en')
    expect(localizeRegistry(REG).triggers[0]!.name).toBe('Gift')
  })

  it('keeps template placeholders and literal braces', () => {
    i18n.setPreference('de')
    expect(blockText('blk_obs_setText__text_h', 'e.g. Thanks {nickname}!')).toBe('z. B. Danke {nickname}!')
    expect(blockText('blk_variable_set_d', 'x')).toContain('{var.name}')
    expect(blockText('blk_webhook_send__headers_h', '{"X-Key": "value"}')).toBe('{"X-Key": "value"}')
  })
})
