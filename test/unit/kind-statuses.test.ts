import { describe, expect, it } from 'vitest';
import type { BatonDb } from '../../components/storage/db';
import { useTestDb } from './test-db';
import { kindStatuses, recordStatuses, saveFieldValue } from '../../components/storage/handoffs';
import { packStatuses, unpackStatuses } from '../../lib/status-batch';
import { dealRef, salesToOnboarding } from './helpers';

const T0 = Date.UTC(2026, 11, 2, 9, 0);
const sales = salesToOnboarding();
const DEALS = { host: 'hubspot', objectType: 'deal' } as const;

let db: BatonDb;
useTestDb([sales], (opened) => (db = opened));

const type = (recordId: string, fieldId: string, value: string) =>
  saveFieldValue(db, { ref: dealRef(recordId), templateId: sales.id, fieldId, value, typedAt: T0 }, T0);

describe('kindStatuses (what a board learns of its kind as it opens)', () => {
  it('holds every stored record of the kind as a read of it would, and the checklists of a record with nothing stored', async () => {
    await type('1001', sales.fields[0]!.id, 'Renewal at +10%');
    await type('1002', sales.fields[1]!.id, 'Ann Lee');
    // Another app's deal: another kind.
    await saveFieldValue(db, { ref: { host: 'pipedrive', objectType: 'deal', recordId: '7' }, templateId: sales.id, fieldId: sales.fields[0]!.id, value: 'x', typedAt: T0 }, T0);

    const known = await kindStatuses(db, DEALS, 100);
    expect(known!.stored.map((status) => status.ref.recordId).sort()).toEqual(['1001', '1002']);
    const [read1001, readUntouched] = await recordStatuses(db, [dealRef('1001'), dealRef('9999')]);
    expect(known!.stored.find((status) => status.ref.recordId === '1001')!.checklists).toEqual(read1001!.checklists);
    expect(known!.untouched).toEqual(readUntouched!.checklists);
    expect(readUntouched!.started).toBe(false);
    expect(known!.asOf).toBeLessThanOrEqual(read1001!.asOf);
  });

  it('says nothing of a kind holding more records than a board may be told of', async () => {
    for (const recordId of ['1', '2', '3']) await type(recordId, sales.fields[0]!.id, 'Goals');
    await expect(kindStatuses(db, DEALS, 2)).resolves.toBeUndefined();
    await expect(kindStatuses(db, DEALS, 3)).resolves.toBeDefined();
  });

  it('packs an empty kind with its own kind, not a default one', () => {
    const packed = packStatuses([], { host: 'salesforce', objectType: 'opportunity' });
    expect(packed).toMatchObject({ host: 'salesforce', objectType: 'opportunity', records: [] });
    expect(unpackStatuses(packed)).toEqual([]);
  });
});
