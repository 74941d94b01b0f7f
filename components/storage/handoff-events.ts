import type { MoveJudged } from '../../lib/message-schemas';
import type { RecordRef } from '../../lib/record';
import type { Receipt } from '../../lib/stored';
import { briefChanges, handoffOf, moveChange, receiptChange } from '../../lib/sync/local-changes';
import type { HandoffKey } from '../../lib/sync/schemas';
import { newStamp, outboxTables, queueChanges } from '../sync/outbox';
import type { BatonDb } from './db';
import { handoffKey } from './handoffs';

// The handoff's events a panel writes: the brief went out, the next owner answered. Each is
// queued for the team server in the same transaction (only while connected; see outbox.ts).

/** The brief was inserted into the record or copied: the handoff counts as sent. */
export async function markBriefSent(db: BatonDb, ref: RecordRef, templateId: string, brief: string, now = Date.now()): Promise<void> {
  await db.transaction('rw', [db.handoffs, ...outboxTables(db)], async () => {
    await db.handoffs.update(handoffKey(ref, templateId), { sentAt: now });
    await queueChanges(db, briefChanges(handoffOf(ref, templateId), brief, [newStamp(now), newStamp(now)]), now);
  });
}

/**
 * The receiver's receipt for the record open here. An answer also goes to the handoff it
 * answers, which is the record the brief names (another record when the brief linked here).
 */
export async function saveReceipt(db: BatonDb, ref: RecordRef, templateId: string, change: Partial<Receipt>, answers: HandoffKey, now = Date.now()): Promise<void> {
  const key = handoffKey(ref, templateId);
  await db.transaction('rw', [db.receipts, ...outboxTables(db)], async () => {
    const stored = await db.receipts.get(key);
    const next: Receipt = { ...ref, templateId, checked: [], ...stored, ...change, updatedAt: now };
    await db.receipts.put(next);
    if (change.answer) await queueChanges(db, [receiptChange(answers, change.answer, next.checked, newStamp(now))], now);
  });
}

/** A gated move judged on a record page: only the team server keeps it (nothing local changes). */
export async function recordJudgedMove(db: BatonDb, move: MoveJudged, now = Date.now()): Promise<void> {
  await db.transaction('rw', outboxTables(db), () => queueChanges(db, [moveChange(move.ref, move.stage, move.outcome, newStamp(now))], now));
}
