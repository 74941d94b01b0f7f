import type { HandoffState } from '../handoff-state';
import { applyFieldWrite, type FieldValue, type FieldWriteOutcome } from './field-merge';
import { mayChange, titleFrom, type Actor, type HandoffFacts } from './handoff-rules';
import { nextHandoffState } from './handoff-transitions';
import type { Change } from './schemas';

// What the server does with one pushed change, given who pushes it and what it already holds.
// The storage layer reads the context inside the push's transaction, asks here, and writes what
// this decides.

export interface ChangeContext {
  /** The sequence this change was stored under, if its id was pushed before (a retry). */
  storedSeq?: number;
  /** The handoff's state now (draft if nobody reported on it yet). */
  state: HandoffState;
  /** The field's value now, for field changes. */
  field?: FieldValue;
  /** The sequence this change gets if applied: later than everything the server holds. */
  seq: number;
  /** The member pushing, as their token says. */
  actor: Actor;
  /** The handoff's sender and named next owner, for the rules of handoff-rules.ts. */
  facts: HandoffFacts;
  /** The highest sequence the server has handed the pushing device (see field-merge.ts). */
  seenUpTo?: number;
}

export type ChangeDecision =
  | { status: 'duplicate'; seq: number }
  | { status: 'refused'; reason: string }
  | {
      status: 'applied';
      seq: number;
      state?: HandoffState;
      field?: FieldWriteOutcome;
      /** The change's record title and link replace the server's (the sender's report only). */
      reportsTitle?: boolean;
      /** The pusher becomes the handoff's sender (handoff-rules.ts). */
      adopts?: boolean;
    };

export function decideChange(change: Change, context: ChangeContext): ChangeDecision {
  if (context.storedSeq !== undefined) return { status: 'duplicate', seq: context.storedSeq };
  const allowed = mayChange(change, context.actor, context.facts);
  if (!allowed.ok) return { status: 'refused', reason: allowed.reason };
  const { seq, actor } = context;
  const adopts = allowed.adopts ? { adopts: true } : {};
  switch (change.kind) {
    case 'field': {
      const write = { value: change.value, baseSeq: change.baseSeq, by: actor.email, ...(context.seenUpTo === undefined ? {} : { seenUpTo: context.seenUpTo }) };
      return { status: 'applied', seq, field: applyFieldWrite(context.field, write, seq), reportsTitle: titleFrom(actor, context.facts, allowed.adopts), ...adopts };
    }
    case 'state':
    case 'briefSent':
    case 'receipt': {
      const event = change.kind === 'receipt' ? { kind: change.kind, decision: change.answer.decision } : change;
      const transition = nextHandoffState(context.state, event);
      return transition.ok ? { status: 'applied', seq, state: transition.state, ...adopts } : { status: 'refused', reason: transition.reason };
    }
    case 'templateChoice':
    case 'move':
      return { status: 'applied', seq };
  }
}

/**
 * The change as the server keeps and hands out: who answered a receipt is the account that
 * pushed it, never a name typed into the change; a record title and link reach teammates only
 * as the sender's report (every device applies what a pulled change carries).
 */
export function attributed(change: Change, actor: Actor, decision: ChangeDecision): Change {
  if (change.kind === 'receipt') return { ...change, answer: { ...change.answer, by: actor.email } };
  if (change.kind === 'field' && decision.status === 'applied' && !decision.reportsTitle) {
    const { recordTitle: _title, recordUrl: _url, ...rest } = change;
    return rest;
  }
  return change;
}
