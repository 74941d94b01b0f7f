// Per-field last-writer-wins, where "last" is the server's sequence: the order in which the
// database accepted the writes. Client clocks never take part, so a laptop whose clock is hours
// off neither wins nor loses because of it. Nothing is lost: the value a write replaces stays in
// the revision log, and when the writer had not seen it, it is flagged as overwritten.

export interface FieldValue {
  value: string;
  /** Server sequence of the write that set this value. */
  seq: number;
  /** Email of the member who wrote it. */
  by: string;
}

export interface FieldWrite {
  value: string;
  /** The sequence of the value the writer last saw for this field (0: it saw none), as its client says. */
  baseSeq: number;
  by: string;
  /**
   * The highest sequence the server has handed this writer's device: what it can have seen,
   * whatever its client says. Without it (a local merge), the client's baseSeq is taken as is.
   */
  seenUpTo?: number;
}

export interface FieldWriteOutcome {
  next: FieldValue;
  /** The value replaced, for the revision log ("" when the field was empty). */
  oldValue: string;
  /** Set when the write replaced a value its writer had not seen: a conflict, resolved by order. */
  overwritten?: FieldValue;
}

export function applyFieldWrite(current: FieldValue | undefined, write: FieldWrite, seq: number): FieldWriteOutcome {
  if (current && seq <= current.seq) throw new Error(`sequence ${seq} is not after ${current.seq}`);
  const next = { value: write.value, seq, by: write.by };
  // A client cannot claim to have seen more than it was sent (a forged baseSeq would hide the
  // conflict); a writer's own value counts as seen, since its pushes come back only with a pull.
  const seen = Math.min(write.baseSeq, write.seenUpTo ?? write.baseSeq);
  const unseen = current !== undefined && current.by !== write.by && current.seq > seen && current.value !== write.value;
  return { next, oldValue: current?.value ?? '', ...(unseen ? { overwritten: current } : {}) };
}
