import { afterEach, describe, expect, it } from 'vitest'
import { i18n } from '../../lib/i18n'
import { checkShape, parseFlowText, parseImportText } from './shape'

afterEach(() => i18n.setPreference('en'))

describe('flow JSON checks', () => {
  it('say what is wrong with a document', () => {
    expect(checkShape([])).toEqual(['A flow must be a JSON object { … }'])
    expect(checkShape({ triggers: [{}], actions: 'x', mode: 'often' })).toEqual([
      '"mode" must be one of single, restart, queued, parallel',
      'triggers[0] needs a "type"',
      '"actions" must be a list',
    ])
    expect(checkShape({ id: 'b', triggers: [], actions: [] }, 'a')).toEqual(['"id" must stay "a"'])
    expect(checkShape({ name: 3, triggers: [{ type: 't', config: [] }] })).toEqual([
      '"name" must be text',
      'triggers[0].config must be an object',
      '"actions" is missing: a list of {"type": …, "config": {…}}',
    ])
    expect(checkShape({ triggers: [], actions: [] })).toEqual([])
  })

  it('parse the JSON tab into a draft that keeps its id', () => {
    const ok = parseFlowText('{"name":"X","triggers":[{"type":"manual"}],"actions":[{"type":"alert.show","config":{"text":"hi"}}]}', 'f1')
    expect('doc' in ok && ok.doc).toMatchObject({ id: 'f1', name: 'X', enabled: true, conditions: [], mode: 'single' })
    const bad = parseFlowText('{"name": ', 'f1')
    expect('errors' in bad && bad.errors[0]).toMatch(/^Not valid JSON: /)
  })

  it('check import text: one flow or a list', () => {
    expect(parseImportText('[]')).toEqual({ error: 'The list is empty' })
    expect(parseImportText('[{"triggers":[],"actions":[]},{"triggers":[]}]')).toEqual({ error: 'Flow 2: "actions" is missing: a list of {"type": …, "config": {…}}' })
    const one = parseImportText('{"id":"a","triggers":[],"actions":[]}')
    expect('flows' in one && one.flows).toHaveLength(1)
  })

  it('speak German', () => {
    i18n.setPreference('de')
    expect(parseImportText('[]')).toEqual({ error: 'Die Liste ist leer' })
    expect(checkShape({ enabled: 'yes', triggers: [], actions: [] })).toEqual(['"enabled" muss true oder false sein'])
    expect(parseImportText('[{"triggers":[],"actions":[]},{"triggers":[]}]')).toEqual({ error: 'Flow 2: "actions" fehlt: eine Liste aus {"type": …, "config": {…}}' })
    const bad = parseFlowText('nope', 'f1')
    expect('errors' in bad && bad.errors[0]).toMatch(/^Kein gültiges JSON: /)
  })
})
