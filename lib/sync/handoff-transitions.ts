import type { HandoffState } from '../handoff-state';

// The server's state machine for one handoff. Clients report completeness (draft/ready), that a
// brief was sent, and the next owner's answer; the server refuses what cannot follow what.

export type HandoffEvent =
  | { kind: 'state'; to: 'draft' | 'ready' }
  | { kind: 'briefSent' }
  | { kind: 'receipt'; decision: 'accepted' | 'sentBack' };

export type Transition = { ok: true; state: HandoffState } | { ok: false; reason: string };

/** A handoff nobody has reported on yet starts as a draft. */
export const INITIAL_STATE: HandoffState = 'draft';

export function nextHandoffState(current: HandoffState, event: HandoffEvent): Transition {
  if (current === 'accepted') return refuse('the handoff was accepted; it is closed');
  switch (event.kind) {
    case 'state':
      // Completeness only moves a handoff that has not been sent; after that its state is the
      // next owner's to change (or the sender's, by sending again).
      if (current === 'draft' || current === 'ready') return { ok: true, state: event.to };
      return refuse(`a ${label(current)} handoff cannot go back to ${event.to}; send the brief again instead`);
    case 'briefSent':
      if (current === 'draft') return refuse('an incomplete handoff cannot be sent');
      return { ok: true, state: 'sent' };
    case 'receipt':
      if (current !== 'sent') return refuse(`only a sent handoff can be answered; this one is ${label(current)}`);
      return { ok: true, state: event.decision };
  }
}

function refuse(reason: string): Transition {
  return { ok: false, reason };
}

function label(state: HandoffState): string {
  return state === 'sentBack' ? 'sent back' : state;
}
