import type { HandoffState } from '../../lib/handoff-state';
import type { ChangeContext, ChangeDecision } from '../../lib/sync/decide-change';
import type { FieldValue } from '../../lib/sync/field-merge';
import { handoffKeyText, type Change, type HandoffKey } from '../../lib/sync/schemas';

type ReadContext = Omit<ChangeContext, 'by' | 'storedSeq'>;

/**
 * What the changes of one push group wrote so far, for the group's later changes: their
 * contexts were all read before the first was decided (one round trip, see sync-store.ts), so
 * a second change to the same handoff or field must see the first one's outcome from here.
 */
export class GroupContext {
  private readonly states = new Map<string, HandoffState>();
  private readonly fields = new Map<string, FieldValue>();

  /** The context as read from the database, with what this group applied before it laid over it. */
  over(change: Change, read: ReadContext): ReadContext {
    if (!('handoff' in change)) return read;
    const state = this.states.get(handoffKeyText(change.handoff)) ?? read.state;
    const field = change.kind === 'field' ? (this.fields.get(fieldKeyOf(change.handoff, change.fieldId)) ?? read.field) : read.field;
    return { ...read, state, ...(field ? { field } : {}) };
  }

  /** Notes an applied change's outcome. */
  applied(change: Change, decision: Extract<ChangeDecision, { status: 'applied' }>): void {
    if (!('handoff' in change)) return;
    if (decision.state) this.states.set(handoffKeyText(change.handoff), decision.state);
    if (change.kind === 'field' && decision.field) this.fields.set(fieldKeyOf(change.handoff, change.fieldId), decision.field.next);
  }
}

const fieldKeyOf = (key: HandoffKey, fieldId: string) => `${handoffKeyText(key)}\n${fieldId}`;
