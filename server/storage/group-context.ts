import type { HandoffState } from '../../lib/handoff-state';
import type { ChangeDecision } from '../../lib/sync/decide-change';
import type { FieldValue } from '../../lib/sync/field-merge';
import type { Actor, HandoffFacts } from '../../lib/sync/handoff-rules';
import { handoffKeyText, type Change, type HandoffKey } from '../../lib/sync/schemas';

/** What the database says of a change's handoff, read before the change is decided. */
export interface ReadContext {
  state: HandoffState;
  field?: FieldValue;
  facts: HandoffFacts;
  /** The template's next-owner field, where it has one. */
  ownerField?: string;
}

/**
 * What the changes of one push group wrote so far, for the group's later changes: their
 * contexts were all read before the first was decided (one round trip, see sync-store.ts), so
 * a second change to the same handoff or field must see the first one's outcome from here.
 */
export class GroupContext {
  private readonly states = new Map<string, HandoffState>();
  private readonly fields = new Map<string, FieldValue>();
  private readonly senders = new Map<string, { email: string; lead: boolean }>();
  private readonly nextOwners = new Map<string, string>();

  /** The context as read from the database, with what this group applied before it laid over it. */
  over(change: Change, read: ReadContext): ReadContext {
    if (!('handoff' in change)) return read;
    const key = handoffKeyText(change.handoff);
    const state = this.states.get(key) ?? read.state;
    const field = change.kind === 'field' ? (this.fields.get(fieldKeyOf(change.handoff, change.fieldId)) ?? read.field) : read.field;
    const sender = this.senders.get(key) ?? (read.facts.sender === undefined ? undefined : { email: read.facts.sender, lead: read.facts.senderIsLead ?? false });
    const nextOwner = this.nextOwners.get(key) ?? read.facts.nextOwner;
    const facts = {
      ...(sender === undefined ? {} : { sender: sender.email, senderIsLead: sender.lead }),
      ...(nextOwner === undefined ? {} : { nextOwner }),
      sent: state !== 'draft' && state !== 'ready',
    };
    return { ...read, state, facts, ...(field ? { field } : {}) };
  }

  /** Notes an applied change's outcome: its handoff's state, field, sender and next owner. */
  applied(change: Change, decision: Extract<ChangeDecision, { status: 'applied' }>, read: ReadContext, actor: Actor): void {
    if (!('handoff' in change)) return;
    const key = handoffKeyText(change.handoff);
    // The first change written to a handoff makes its pusher the sender (the row's owner), and
    // so does a rep's taking up a lead's draft.
    if (read.facts.sender === undefined || decision.adopts) this.senders.set(key, { email: actor.email, lead: actor.role !== 'member' });
    if (decision.state) this.states.set(key, decision.state);
    if (change.kind === 'field' && decision.field) {
      this.fields.set(fieldKeyOf(change.handoff, change.fieldId), decision.field.next);
      if (change.fieldId === read.ownerField) this.nextOwners.set(key, change.value);
    }
  }
}

const fieldKeyOf = (key: HandoffKey, fieldId: string) => `${handoffKeyText(key)}\n${fieldId}`;
