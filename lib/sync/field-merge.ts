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
  /** The sequence of the value the writer last saw for this field (0: it saw none). */
  baseSeq: number;
  by: string;
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
  const unseen = current !== undefined && current.seq > write.baseSeq && current.value !== write.value;
  return { next, oldValue: current?.value ?? '', ...(unseen ? { overwritten: current } : {}) };
}
