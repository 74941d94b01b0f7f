import { sameRecord, type RecordRef } from '../../lib/record';
import { templateChoiceChange } from '../../lib/sync/local-changes';
import { newStamp, outboxTables, queueChanges } from '../sync/outbox';
import type { BatonDb } from './db';

// The template a record is handed off with. Picked in the panel (a template tab); kept per
// record so every panel opened on it later, here or a teammate's (team sync), starts on it.

const choiceKey = (ref: RecordRef): [string, string, string] => [ref.host, ref.objectType, ref.recordId];

/** The rep picks the template this record is handed off with: kept, and queued for the team in the same transaction. */
export async function chooseTemplate(db: BatonDb, ref: RecordRef, templateId: string, now = Date.now()): Promise<void> {
  await db.transaction('rw', [db.templateChoices, ...outboxTables(db)], async () => {
    if ((await db.templateChoices.get(choiceKey(ref)))?.templateId === templateId) return;
    await db.templateChoices.put({ host: ref.host, objectType: ref.objectType, recordId: ref.recordId, templateId, at: now });
    await queueChanges(db, [templateChoiceChange(ref, templateId, newStamp(now))], now);
  });
}

/** The template picked for this record, here or by a teammate; undefined when nobody picked one. */
export async function chosenTemplate(db: BatonDb, ref: RecordRef): Promise<string | undefined> {
  return (await db.templateChoices.get(choiceKey(ref)))?.templateId;
}

/**
 * A teammate's pick, pulled (inside the pull's transaction, over the outbox tables). The server's
 * order decides, so a pick of this device's still waiting to go out stays: it is ordered after.
 */
export async function applyTemplateChoice(db: BatonDb, ref: RecordRef, templateId: string, changeId: string, at: number): Promise<void> {
  const waiting = await db.outbox
    .filter((entry) => entry.id !== changeId && !entry.refused && entry.change.kind === 'templateChoice' && sameRecord(entry.change.ref, ref))
    .count();
  if (waiting === 0) await db.templateChoices.put({ host: ref.host, objectType: ref.objectType, recordId: ref.recordId, templateId, at });
}
