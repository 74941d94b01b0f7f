import type { SyncedChange } from './schemas';

// How one pulled field change meets this device's copy. The server's order decides the value
// (per-field last-writer-wins by sequence); this device never re-queues what it pulls.

export interface LocalFieldView {
  /** The server sequence of the value this device last saw or wrote for the field (0: none). */
  knownSeq: number;
  /** This device has typed into the field and its change is still in the outbox. */
  pending: boolean;
  /** The pulled change is one of this device's own, still in the outbox (the ack is on its way). */
  ownQueued: boolean;
  /** Written by this member (here, or on another of their devices). */
  mine: boolean;
}

export interface FieldApplication {
  /** Take the pulled value as the field's draft. */
  setValue: boolean;
  /** Log it as a revision: a teammate's write, including one that a later write replaced. */
  logRevision: boolean;
  /** Remember this sequence as the field's last seen (the next push's baseSeq). */
  seq: number | undefined;
}

/**
 * An own change coming back is only an acknowledgement. A newer server value replaces the
 * draft unless this device has typed since (its pending change goes out next and the server
 * orders it after). A teammate's write is logged even when a later write replaced it, so both
 * sides of a conflict keep the value that lost in their revision log.
 */
export function applyPulledField(pulled: SyncedChange, local: LocalFieldView): FieldApplication {
  const newer = pulled.seq > local.knownSeq;
  if (local.ownQueued) return { setValue: false, logRevision: false, seq: newer ? pulled.seq : undefined };
  return {
    setValue: newer && !local.pending,
    logRevision: !local.mine || newer,
    seq: newer ? pulled.seq : undefined,
  };
}
