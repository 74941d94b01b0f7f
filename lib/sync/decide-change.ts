import type { HandoffState } from '../handoff-state';
import { applyFieldWrite, type FieldValue, type FieldWriteOutcome } from './field-merge';
import { nextHandoffState } from './handoff-transitions';
import type { Change } from './schemas';

// What the server does with one pushed change, given what it already holds. The storage layer
// reads the context inside the push's transaction, asks here, and writes what this decides.

export interface ChangeContext {
  /** The sequence this change was stored under, if its id was pushed before (a retry). */
  storedSeq?: number;
  /** The handoff's state now (draft if nobody reported on it yet). */
  state: HandoffState;
  /** The field's value now, for field changes. */
  field?: FieldValue;
  /** The sequence this change gets if applied: later than everything the server holds. */
  seq: number;
  /** Email of the member pushing. */
  by: string;
}

export type ChangeDecision =
  | { status: 'duplicate'; seq: number }
  | { status: 'refused'; reason: string }
  | { status: 'applied'; seq: number; state?: HandoffState; field?: FieldWriteOutcome };

export function decideChange(change: Change, context: ChangeContext): ChangeDecision {
  if (context.storedSeq !== undefined) return { status: 'duplicate', seq: context.storedSeq };
  const { seq } = context;
  switch (change.kind) {
    case 'field':
      return { status: 'applied', seq, field: applyFieldWrite(context.field, { value: change.value, baseSeq: change.baseSeq, by: context.by }, seq) };
    case 'state':
    case 'briefSent':
    case 'receipt': {
      const event = change.kind === 'receipt' ? { kind: change.kind, decision: change.answer.decision } : change;
      const transition = nextHandoffState(context.state, event);
      return transition.ok ? { status: 'applied', seq, state: transition.state } : { status: 'refused', reason: transition.reason };
    }
    case 'templateChoice':
    case 'move':
      return { status: 'applied', seq };
  }
}
