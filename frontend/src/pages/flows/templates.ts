// The flow template gallery: ready flows from templates.json (checked
// against the real block registry by backend/core/templates_test.go). A
// template opens in the editor as a new, unsaved flow. Names and
// descriptions are shown from the catalogues by template id; the JSON's own
// (English) texts are the fallback for a template without catalogue keys.

import raw from './templates.json'
import { emptyFlow, newFlowId, type FlowDoc, type FlowElement } from '../../lib/api'
import { m } from '../../lib/i18n'

export interface FlowTemplate {
  id: string
  name: string
  description: string
  flow: {
    name: string
    mode?: string
    triggers: FlowElement[]
    conditions?: FlowElement[]
    actions: FlowElement[]
  }
}

export const FLOW_TEMPLATES: readonly FlowTemplate[] = raw as FlowTemplate[]

interface TemplateTexts {
  name: () => string
  about: () => string
  flow: () => string
}

const TEXTS: Record<string, TemplateTexts> = {
  'thank-big-gifters': { name: m.fe_tpl_thank_big_gifters, about: m.fe_tpl_thank_big_gifters_about, flow: m.fe_tpl_thank_big_gifters_flow },
  'discord-command': { name: m.fe_tpl_discord_command, about: m.fe_tpl_discord_command_about, flow: m.fe_tpl_discord_command_flow },
  'follower-goal': { name: m.fe_tpl_follower_goal, about: m.fe_tpl_follower_goal_about, flow: m.fe_tpl_follower_goal_flow },
  'like-milestones': { name: m.fe_tpl_like_milestones, about: m.fe_tpl_like_milestones_about, flow: m.fe_tpl_like_milestones_flow },
  'first-chatter-welcome': {
    name: m.fe_tpl_first_chatter_welcome,
    about: m.fe_tpl_first_chatter_welcome_about,
    flow: m.fe_tpl_first_chatter_welcome_flow,
  },
  'new-subscriber': { name: m.fe_tpl_new_subscriber, about: m.fe_tpl_new_subscriber_about, flow: m.fe_tpl_new_subscriber_flow },
  'share-thanks': { name: m.fe_tpl_share_thanks, about: m.fe_tpl_share_thanks_about, flow: m.fe_tpl_share_thanks_flow },
  'follow-reminder': { name: m.fe_tpl_follow_reminder, about: m.fe_tpl_follow_reminder_about, flow: m.fe_tpl_follow_reminder_flow },
  'gift-counter': {
    name: m.fe_tpl_gift_counter,
    about: () => m.fe_tpl_gift_counter_about({ example: '{var.coinsToday}' }),
    flow: m.fe_tpl_gift_counter_flow,
  },
}

/** The template's name in the dashboard's language. */
export function templateName(t: FlowTemplate): string {
  return TEXTS[t.id]?.name() ?? t.name
}

/** What the template does, in the dashboard's language. */
export function templateAbout(t: FlowTemplate): string {
  return TEXTS[t.id]?.about() ?? t.description
}

/** A new flow (fresh id, not saved) filled from a template. */
export function flowFromTemplate(t: FlowTemplate, id: string = newFlowId()): FlowDoc {
  const f = structuredClone(t.flow)
  const doc = emptyFlow(id, TEXTS[t.id]?.flow() ?? f.name)
  doc.description = templateAbout(t)
  if (f.mode) doc.mode = f.mode
  doc.triggers = f.triggers
  doc.conditions = f.conditions ?? []
  doc.actions = f.actions
  return doc
}
