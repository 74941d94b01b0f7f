import { HandoffDocumentSchema, handoffsToWrite, planImport, type HandoffDocument, type ImportPlan, type LocalHandoffs } from '../../lib/handoff-import';
import type { BatonDb } from './db';
import { handoffKey } from './handoffs';

/** What importing a file would change, read from the store in one consistent snapshot. */
export async function previewImport(db: BatonDb, document: HandoffDocument, now = Date.now()): Promise<ImportPlan> {
  return db.transaction('r', db.templates, db.handoffs, db.revisions, async () => planImport(await localFor(db, document), document, now));
}

/**
 * Writes an import in one transaction: all of it or nothing. The plan is made again inside
 * the transaction, so a value typed in another tab after the preview is still never
 * overwritten by an older imported one.
 */
export async function applyImport(db: BatonDb, plan: ImportPlan, now = Date.now()): Promise<ImportPlan> {
  // The write boundary checks the file itself: a caller holding an unchecked plan writes nothing.
  const document = HandoffDocumentSchema.parse(plan.incoming);
  return db.transaction('rw', db.templates, db.handoffs, db.revisions, async () => {
    const applied = planImport(await localFor(db, document), document, now);
    await db.handoffs.bulkPut(handoffsToWrite(applied));
    await db.revisions.bulkAdd(applied.newRevisions);
    return applied;
  });
}

/** The local drafts and log entries of the records the file names (call inside a transaction). */
async function localFor(db: BatonDb, document: HandoffDocument): Promise<LocalHandoffs> {
  const revisionKeys = document.revisions.map((revision) => handoffKey(revision, revision.templateId));
  const [templates, handoffs, revisions] = await Promise.all([
    db.templates.toArray(),
    db.handoffs.bulkGet(document.handoffs.map((handoff) => handoffKey(handoff, handoff.templateId))),
    revisionKeys.length > 0 ? db.revisions.where('[host+objectType+recordId+templateId]').anyOf(revisionKeys).toArray() : [],
  ]);
  return { templates, handoffs: handoffs.filter((handoff) => handoff !== undefined), revisions };
}
