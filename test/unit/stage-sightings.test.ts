import { describe, expect, it } from 'vitest';
import type { BatonDb } from '../../components/storage/db';
import { useTestDb } from './test-db';
import { handoffKey, recordStageSightings, recordStatus, saveFieldValue } from '../../components/storage/handoffs';
import { unverifiedMove } from '../../lib/unverified';
import { completeSalesValues, dealRef, salesToOnboarding } from './helpers';

const T0 = Date.UTC(2026, 10, 30, 9, 0);
const sales = salesToOnboarding();
const deal = dealRef('1001');
const key = handoffKey(deal, sales.id);

let db: BatonDb;
useTestDb([sales], (opened) => (db = opened));

async function fillCompletely(at = T0) {
  for (const [fieldId, value] of Object.entries(completeSalesValues())) {
    await saveFieldValue(db, { ref: deal, templateId: sales.id, fieldId, value, typedAt: at }, at);
  }
}

const unverifiedEntries = async () => (await db.revisions.toArray()).filter((revision) => revision.unverifiedMove);

describe('recordStageSightings', () => {
  it('logs when Baton first saw a record in "Closed won" with nothing typed, on a new handoff row', async () => {
    const seen = { ref: deal, stage: 'Closed won', recordTitle: 'Acme Corp', recordUrl: 'https://app.hubspot.com/contacts/1/record/0-3/1001' };
    await recordStageSightings(db, [seen], T0);
    expect(await db.handoffs.get(key)).toMatchObject({ values: {}, recordTitle: 'Acme Corp', unverified: { stage: 'Closed won', seenAt: T0 } });
    const [entry, ...others] = await unverifiedEntries();
    expect(others).toEqual([]);
    expect(entry).toMatchObject({ at: T0, templateId: sales.id, unverifiedMove: { stage: 'Closed won' } });
    expect(entry!.unverifiedMove!.missing).toContain('Next owner');
  });

  it('logs the first sighting only, however often the record is seen there', async () => {
    await recordStageSightings(db, [{ ref: deal, stage: 'Closed won' }], T0);
    await recordStageSightings(db, [{ ref: deal, stage: 'Closed won' }], T0 + 5000);
    expect(await unverifiedEntries()).toHaveLength(1);
    expect((await db.handoffs.get(key))?.unverified?.seenAt).toBe(T0);
  });

  it("logs a long list's sightings in one call: each record once, even when the batch names it twice", async () => {
    const listed = Array.from({ length: 60 }, (_, n) => ({ ref: dealRef(String(3000 + n)), stage: 'Closed won' }));
    await recordStageSightings(db, [...listed, listed[0]!, { ref: deal, stage: 'Closed won' }], T0);
    const entries = await unverifiedEntries();
    expect(entries).toHaveLength(61);
    expect(new Set(entries.map((entry) => entry.recordId)).size).toBe(61);
    expect(await db.handoffs.get(handoffKey(dealRef('3059'), sales.id))).toMatchObject({ unverified: { stage: 'Closed won', seenAt: T0 } });
  });

  it('keeps what was typed when it marks a started handoff', async () => {
    await saveFieldValue(db, { ref: deal, templateId: sales.id, fieldId: 'scope', value: 'Two trainings', typedAt: T0 }, T0);
    await recordStageSightings(db, [{ ref: deal, stage: 'Closed won' }], T0 + 1);
    expect(await db.handoffs.get(key)).toMatchObject({ values: { scope: 'Two trainings' }, unverified: { stage: 'Closed won' } });
  });

  it('logs nothing for a stage no template gates', async () => {
    expect(await recordStageSightings(db, [{ ref: deal, stage: 'Contract sent' }], T0)).toEqual([]);
    expect(await db.handoffs.get(key)).toBeUndefined();
    expect(await unverifiedEntries()).toEqual([]);
  });

  it('remembers a complete checklist seen in its gated stage: emptying a field later does not make it unverified', async () => {
    await fillCompletely();
    expect(await recordStageSightings(db, [{ ref: deal, stage: 'Closed won' }], T0 + 1)).toEqual([deal]);
    await saveFieldValue(db, { ref: deal, templateId: sales.id, fieldId: 'scope', value: '', typedAt: T0 + 2 }, T0 + 2);
    const status = await recordStatus(db, deal);
    expect(status.checklists[0]).toMatchObject({ verifiedStage: 'Closed won' });
    expect(unverifiedMove(status.checklists, 'Closed won')).toBeUndefined();
    await recordStageSightings(db, [{ ref: deal, stage: 'Closed won' }], T0 + 3);
    expect(await unverifiedEntries()).toEqual([]);
  });
});

describe('saveFieldValue and the safety net', () => {
  it('keeps the first-seen mark, the handed-off stage and the sent time when a field is typed', async () => {
    await recordStageSightings(db, [{ ref: deal, stage: 'Closed won' }], T0);
    await db.handoffs.update(key, { sentAt: T0 + 1, verifiedStage: 'Closed won' });
    await saveFieldValue(db, { ref: deal, templateId: sales.id, fieldId: 'scope', value: 'More', typedAt: T0 + 2 }, T0 + 2);
    expect(await db.handoffs.get(key)).toMatchObject({ sentAt: T0 + 1, verifiedStage: 'Closed won', unverified: { stage: 'Closed won', seenAt: T0 } });
  });
});
