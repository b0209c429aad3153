import { describe, expect, it } from 'vitest'
import { FLOW_TEMPLATES, flowFromTemplate } from './templates'

describe('flow templates', () => {
  it('include the ones the streamer asked for, and more', () => {
    const names = FLOW_TEMPLATES.map((t) => t.name)
    for (const n of ['Thank big gifters', '!discord reply', 'Follower goal celebration', 'Like milestones', 'First-time chatter welcome']) expect(names).toContain(n)
    expect(FLOW_TEMPLATES.length).toBeGreaterThanOrEqual(8)
  })

  it('open as a new flow with its own id, leaving the template untouched', () => {
    const t = FLOW_TEMPLATES.find((x) => x.id === 'discord-command')!
    const a = flowFromTemplate(t, 'fa')
    const b = flowFromTemplate(t, 'fb')
    expect(a.id).toBe('fa')
    expect(a.name).toBe('!discord')
    expect(a.triggers[0]).toEqual({ type: 'tiktok.command', config: { command: '!discord', aliases: ['!dc'] } })
    expect(a.conditions).toHaveLength(1)
    a.actions[0]!.config = {}
    expect(b.actions[0]!.config).not.toEqual({})
    expect(t.flow.actions[0]!.config).not.toEqual({})
  })
})
