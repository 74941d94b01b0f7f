import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { RevisionLog } from '../../../components/handoffs/RevisionLog';
import { batonDb } from '../../../components/storage/db';
import { applyPulled } from '../../../components/sync/apply';
import { handoffRow } from '../../../lib/handoff-export';
import type { StoredHandoff } from '../../../lib/stored';
import type { SyncedChange } from '../../../lib/sync/schemas';
import { dealRef, salesToOnboarding } from '../helpers';

// The handoffs page's revision log: an entry a teammate wrote (it came with a pull) says who
// wrote it; the connected member's own entries, typed here or on another of their devices, do not.

const template = salesToOnboarding();
const deal = dealRef('1001');
const handoff = { ...deal, templateId: template.id };
const ME = 'rep@x.test';

function pulled(seq: number, by: string, value: string): SyncedChange {
  return { seq, by, serverAt: 1_000 * seq, change: { kind: 'field', id: `change-${seq}-xx`, clientAt: 0, handoff, fieldId: 'scope', value, baseSeq: 0 } };
}

afterEach(async () => {
  cleanup();
  await batonDb().delete();
  await batonDb().open();
});

describe('the revision log of a synced handoff', () => {
  it('names the teammate who wrote an entry, never the connected member', async () => {
    const db = batonDb();
    await db.templates.put(template);
    await db.syncMeta.put({ key: 'link', server: 'http://127.0.0.1:8787', email: ME });
    await applyPulled(db, [pulled(1, 'lead@x.test', 'Lead’s scope'), pulled(2, ME, 'My scope from my laptop')], 2, ME);
    await db.revisions.add({ ...deal, templateId: template.id, field: 'scope', oldValue: 'x', newValue: 'Typed here', startedAt: 9_000, at: 9_000, editor: 'panel-1' });
    const stored = (await db.handoffs.toArray())[0] as StoredHandoff;

    render(<RevisionLog row={handoffRow(stored, template)} />);

    const log = await screen.findByTestId('revision-log');
    const rows = [...log.querySelectorAll('tbody tr')].map((row) => row.textContent ?? '');
    expect(rows).toHaveLength(3);
    expect(rows.find((text) => text.includes('Lead’s scope'))).toContain('by lead@x.test');
    for (const own of ['My scope from my laptop', 'Typed here']) expect(rows.find((text) => text.includes(own))).not.toContain(' by ');
  });
});
