import type { ChangeStamp, FieldChange } from '../../lib/sync/local-changes';
import type { OutboxEntry } from '../../lib/sync/local-sync';
import type { Change, HandoffKey } from '../../lib/sync/schemas';
import type { BatonDb } from '../storage/db';

// The outbox: changes written in the same transaction as the local edit they describe, so a
// change is on disk exactly when the edit is. Queued only while connected to a team server:
// work done alone stays alone (joining a team later does not upload months of drafts), and a
// device that never connects never grows a queue with nowhere to go.

/** The tables a transaction that may queue a change must include. */
export function outboxTables(db: BatonDb) {
  return [db.outbox, db.syncMeta, db.fieldSeqs] as const;
}

export function newStamp(now = Date.now()): ChangeStamp {
  return { id: crypto.randomUUID(), clientAt: now };
}

/** Inside a transaction over outboxTables: true when this device syncs with a team server. */
export async function syncing(db: BatonDb): Promise<boolean> {
  return (await db.syncMeta.get('link')) !== undefined;
}

/** Inside a transaction over outboxTables. Nothing is queued while not connected. */
export async function queueChanges(db: BatonDb, changes: Change[], now = Date.now()): Promise<void> {
  if (changes.length === 0 || !(await syncing(db))) return;
  await db.outbox.bulkAdd(changes.map((change) => ({ id: change.id, change, queuedAt: now })));
}

/** The server sequence of the field's value this device last saw: a field change's baseSeq. */
export async function knownSeq(db: BatonDb, handoff: HandoffKey, field: string): Promise<number> {
  const row = await db.fieldSeqs.get([handoff.host, handoff.objectType, handoff.recordId, handoff.templateId, field]);
  return row?.seq ?? 0;
}

/**
 * A keystroke into a field whose previous change has not started going out amends that change
 * (one entry per typing pause, not one per key). A change already in a push is never amended:
 * the server may hold it under its id, and an amended retry would be taken as a duplicate.
 */
export async function queueFieldChange(db: BatonDb, change: FieldChange, now = Date.now()): Promise<void> {
  if (!(await syncing(db))) return;
  const open = await db.outbox
    .filter((entry) => !entry.pushedAt && !entry.refused && sameField(entry.change, change))
    .last();
  if (open?.order !== undefined && open.change.kind === 'field') {
    await db.outbox.update(open.order, { change: { ...open.change, value: change.value, clientAt: change.clientAt } });
    return;
  }
  await db.outbox.add({ id: change.id, change, queuedAt: now });
}

function sameField(queued: Change, change: FieldChange): boolean {
  return queued.kind === 'field' && queued.fieldId === change.fieldId && sameHandoff(queued.handoff, change.handoff);
}

export function sameHandoff(a: HandoffKey, b: HandoffKey): boolean {
  return a.host === b.host && a.objectType === b.objectType && a.recordId === b.recordId && a.templateId === b.templateId;
}

/** Changes waiting to go out, and those the server refused (kept for the person to see). */
export async function outboxCounts(db: BatonDb): Promise<{ waiting: number; refused: number }> {
  const entries: OutboxEntry[] = await db.outbox.toArray();
  const refused = entries.filter((entry) => entry.refused).length;
  return { waiting: entries.length - refused, refused };
}
