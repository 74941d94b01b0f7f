import { parseBrief, type ParsedBrief } from './brief';
import { parseReceipt, type ParsedReceipt } from './receipt';
import { sameRecord, type RecordRef } from './record';
import type { Template } from './template';

// Which of a record's notes count as handoff context. Anyone who can add a note can write text
// that looks like Baton's, naming any record and any date: a brief or receipt counts only for
// the record it names, and only when it is not dated in the future.

/**
 * How far ahead of this computer's clock a note may be dated and still count: the sender's
 * clock may run a little fast, and notes carry minutes only.
 */
export const CLOCK_ALLOWANCE_MS = 5 * 60_000;

export interface HandoffNotes {
  /** Oldest first: the last one is the newest genuine brief. */
  briefs: ParsedBrief[];
  /** Oldest first: the last one is the newest genuine answer. */
  receipts: ParsedReceipt[];
}

/** True for a time that is not in the future, allowing for the sender's clock. */
export function notFromFuture(at: number, now: number): boolean {
  return at <= now + CLOCK_ALLOWANCE_MS;
}

/**
 * The briefs and receipts among a record's note texts that count for it. A brief whose date
 * cannot be read is left out: it can neither be ordered nor checked. Ties keep page order.
 */
export function readHandoffNotes(texts: string[], templates: Template[], record: RecordRef, now: number): HandoffNotes {
  const briefs = texts
    .flatMap((text) => parseBrief(text, templates) ?? [])
    .filter((brief): brief is DatedBrief => sameRecord(brief.record, record) && brief.at !== undefined && notFromFuture(brief.at.getTime(), now));
  const receipts = texts
    .flatMap((text) => parseReceipt(text) ?? [])
    .filter((receipt) => sameRecord(receipt.record, record) && receipt.answer.at > 0 && notFromFuture(receipt.answer.at, now));
  briefs.sort((a, b) => a.at.getTime() - b.at.getTime());
  receipts.sort((a, b) => a.answer.at - b.answer.at);
  return { briefs, receipts };
}

type DatedBrief = ParsedBrief & { at: Date };
