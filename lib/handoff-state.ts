import { completeness } from './completeness';
import type { StoredHandoff } from './stored';
import type { Template } from './template';

export const HANDOFF_STATES = ['draft', 'ready', 'sent', 'accepted', 'sentBack'] as const;
export type HandoffState = (typeof HANDOFF_STATES)[number];

export const STATE_LABELS: Record<HandoffState, string> = {
  draft: 'draft',
  ready: 'ready',
  sent: 'sent',
  accepted: 'accepted',
  sentBack: 'sent back',
};

/**
 * Where a handoff stands: draft (required fields missing), ready (complete, not sent), sent
 * (the brief went into the record), then the next owner's answer.
 */
export function handoffState(handoff: StoredHandoff, template: Template | undefined): HandoffState {
  if (handoff.answer) return handoff.answer.decision;
  if (handoff.sentAt !== undefined) return 'sent';
  return template && completeness(template, handoff.values).complete ? 'ready' : 'draft';
}
