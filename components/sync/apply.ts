import { applyPulledField } from '../../lib/sync/apply-change';
import { linkedRecords } from '../../lib/sync/linked-records';
import { teamEditor } from '../../lib/sync/revision-editor';
import type { HandoffKey, SyncedChange } from '../../lib/sync/schemas';
import { recordLabel, type RecordRef } from '../../lib/record';
import { TYPING_BURST_MS, type StoredHandoff } from '../../lib/stored';
import type { BatonDb } from '../storage/db';
import { handoffKey } from '../storage/handoffs';
import { applyTemplateChoice } from '../storage/template-choices';
import { outboxTables, sameHandoff } from './outbox';

/**
 * One pulled page into the local store, with the cursor, in one transaction: a worker stopped
 * halfway pulls the page again, and a change at or behind the cursor is never applied twice. Pulled changes are written straight to the tables, never
 * through the outbox. Returns the records whose checklist may have changed.
 */
export async function applyPulled(db: BatonDb, changes: SyncedChange[], cursor: number, me: string): Promise<RecordRef[]> {
  const touched = new Map<string, RecordRef>();
  await db.transaction('rw', [db.templates, db.handoffs, db.revisions, db.syncedBriefs, db.templateChoices, ...outboxTables(db)], async () => {
    // The live channel and a pull may bring the same page: what is behind the cursor is applied.
    const stored = await db.syncMeta.get('cursor');
    const from = stored?.key === 'cursor' ? stored.cursor : 0;
    for (const pulled of changes) {
      if (pulled.seq <= from) continue;
      const ref = await applyOne(db, pulled, me);
      if (ref) touched.set(recordLabel(ref), ref);
    }
    await db.syncMeta.put({ key: 'cursor', cursor: Math.max(from, cursor) });
  });
  return [...touched.values()];
}

async function applyOne(db: BatonDb, pulled: SyncedChange, me: string): Promise<RecordRef | undefined> {
  const { change } = pulled;
  switch (change.kind) {
    case 'field':
      await applyField(db, pulled, change, me);
      return change.handoff;
    case 'briefSent':
      await updateHandoff(db, change.handoff, pulled.serverAt, (stored) => ({ sentAt: Math.max(stored.sentAt ?? 0, pulled.serverAt) }));
      // The sender needs no "incoming" view of their own brief; teammates do.
      if (pulled.by === me) return change.handoff;
      await db.syncedBriefs.put({
        id: change.id,
        handoff: change.handoff,
        brief: change.brief,
        by: pulled.by,
        serverAt: pulled.serverAt,
        linked: [recordLabel(change.handoff), ...linkedRecords([change.brief]).map(recordLabel)],
      });
      return change.handoff;
    case 'receipt':
      await updateHandoff(db, change.handoff, pulled.serverAt, () => ({ answer: change.answer }));
      return change.handoff;
    case 'templateChoice':
      await applyTemplateChoice(db, change.ref, change.templateId, change.id, pulled.serverAt);
      return undefined;
    // Completeness is worked out here from the drafts; judged moves feed the team view on the server.
    case 'state':
    case 'move':
      return undefined;
  }
}

type FieldChange = Extract<SyncedChange['change'], { kind: 'field' }>;

async function applyField(db: BatonDb, pulled: SyncedChange, change: FieldChange, me: string): Promise<void> {
  const key = handoffKey(change.handoff, change.handoff.templateId);
  const seqKey: [...typeof key, string] = [...key, change.fieldId];
  const queued = await db.outbox.filter((entry) => entry.change.kind === 'field' && entry.change.fieldId === change.fieldId && sameHandoff(entry.change.handoff, change.handoff)).toArray();
  const decision = applyPulledField(pulled, {
    knownSeq: (await db.fieldSeqs.get(seqKey))?.seq ?? 0,
    pending: queued.some((entry) => entry.id !== change.id),
    ownQueued: queued.some((entry) => entry.id === change.id),
    mine: pulled.by === me,
  });
  if (decision.seq !== undefined) await db.fieldSeqs.put({ ...change.handoff, field: change.fieldId, seq: decision.seq });
  if (decision.setValue) {
    await updateHandoff(db, change.handoff, pulled.serverAt, (stored) => ({
      values: { ...stored.values, [change.fieldId]: change.value },
      typedAt: { ...stored.typedAt, [change.fieldId]: pulled.serverAt },
      recordTitle: change.recordTitle ?? stored.recordTitle,
      recordUrl: change.recordUrl ?? stored.recordUrl,
    }));
  }
  if (decision.logRevision) await logRevision(db, pulled, change, key);
}

/** A teammate's typing pause is one entry, amended like a local burst (same editor, close in time). */
async function logRevision(db: BatonDb, pulled: SyncedChange, change: FieldChange, key: ReturnType<typeof handoffKey>): Promise<void> {
  const editor = teamEditor(pulled.by);
  const last = await db.revisions.where('[host+objectType+recordId+templateId+field]').equals([...key, change.fieldId]).last();
  if (last?.id !== undefined && last.editor === editor && pulled.serverAt - last.at < TYPING_BURST_MS && !pulled.overwritten) {
    await db.revisions.update(last.id, { newValue: change.value, at: pulled.serverAt });
    return;
  }
  const { host, objectType, recordId, templateId } = change.handoff;
  await db.revisions.add({ host, objectType, recordId, templateId, field: change.fieldId, oldValue: pulled.oldValue ?? '', newValue: change.value, startedAt: pulled.serverAt, at: pulled.serverAt, editor });
}

/** Changes a handoff's row, creating it (empty) when this device has not seen the handoff yet. */
async function updateHandoff(db: BatonDb, handoff: HandoffKey, at: number, change: (stored: StoredHandoff) => Partial<StoredHandoff>): Promise<void> {
  const key = handoffKey(handoff, handoff.templateId);
  const template = await db.templates.get(handoff.templateId);
  const stored: StoredHandoff = (await db.handoffs.get(key)) ?? {
    ...handoff,
    templateVersion: template?.version ?? 1,
    values: {},
    typedAt: {},
    createdAt: at,
    updatedAt: at,
  };
  await db.handoffs.put({ ...stored, ...change(stored), updatedAt: Math.max(stored.updatedAt, at) });
}
