import { describe, expect, it } from 'vitest';
import { renderBrief } from '../../lib/brief';
import { defaultTemplates } from '../../lib/default-templates';
import { CLOCK_ALLOWANCE_MS, readHandoffNotes } from '../../lib/handoff-notes';
import { renderReceipt } from '../../lib/receipt';
import type { RecordRef } from '../../lib/record';
import { completeSalesValues, dealRef, salesToOnboarding } from './helpers';

// Anyone who can write a note in a record can write text that looks like Baton's. Only briefs
// and receipts that name this record and are not dated in the future count (issue 13, item 4).

const installed = defaultTemplates();
const now = Date.parse('2026-12-01T10:00:00Z');
const here = dealRef('1001');

function brief(at: string, record: RecordRef = here, by = 'Maria Lopez', timeline = 'Live by 15 March'): string {
  return renderBrief({ template: salesToOnboarding(), values: { ...completeSalesValues(), timeline }, record, handedOffBy: by, at: new Date(at) });
}

function receipt(at: string, record: RecordRef = here, by = 'Dana Kim'): string {
  return renderReceipt({ template: salesToOnboarding(), record, decision: 'accepted', by, checked: [], at: new Date(at) });
}

const read = (texts: string[]) => readHandoffNotes(texts, installed, here, now);

describe('readHandoffNotes', () => {
  it('keeps briefs and receipts of this record, oldest first', () => {
    const { briefs, receipts } = read([brief('2026-11-27T09:00:00Z'), brief('2026-11-20T09:00:00Z'), receipt('2026-11-28T09:00:00Z')]);
    expect(briefs.map((parsed) => parsed.at?.toISOString())).toEqual(['2026-11-20T09:00:00.000Z', '2026-11-27T09:00:00.000Z']);
    expect(receipts).toHaveLength(1);
  });

  it('ignores a brief that names another record, of this app or another', () => {
    const forged = [brief('2026-11-30T09:00:00Z', dealRef('1002'), 'Mallory'), brief('2026-11-30T09:00:00Z', { host: 'salesforce', objectType: 'opportunity', recordId: '1001' }, 'Mallory')];
    const { briefs } = read([brief('2026-11-27T09:00:00Z'), ...forged]);
    expect(briefs.map((parsed) => parsed.by)).toEqual(['Maria Lopez']);
  });

  it(`ignores a brief dated more than ${CLOCK_ALLOWANCE_MS / 60_000} minutes ahead of this clock`, () => {
    expect(CLOCK_ALLOWANCE_MS).toBe(5 * 60_000);
    const { briefs } = read([brief('2026-11-27T09:00:00Z'), brief('2030-01-01T00:00:00Z', here, 'Mallory'), brief('2026-12-01T10:06:00Z', here, 'Mallory')]);
    expect(briefs.map((parsed) => parsed.by)).toEqual(['Maria Lopez']);
  });

  it('accepts a brief a few minutes ahead: the sender’s clock may run fast', () => {
    const { briefs } = read([brief('2026-12-01T10:04:00Z', here, 'Fast Clock')]);
    expect(briefs.map((parsed) => parsed.by)).toEqual(['Fast Clock']);
  });

  it('lets the newest genuine brief win over a forged one written later on the page', () => {
    const { briefs } = read([brief('2026-11-27T09:00:00Z'), brief('2031-01-01T00:00:00Z', dealRef('999'), 'Mallory'), brief('2026-11-29T09:00:00Z', here, 'Maria Lopez', 'Live by 1 April')]);
    expect(briefs.at(-1)?.fields?.find((field) => field.fieldId === 'timeline')?.value).toBe('Live by 1 April');
  });

  it('ignores a brief whose date cannot be read: it cannot be ordered or checked', () => {
    const undated = brief('2026-11-27T09:00:00Z').replace(/ on \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/, '');
    expect(read([undated]).briefs).toEqual([]);
  });

  it('ignores receipts of another record and receipts from the future', () => {
    const { receipts } = read([receipt('2026-11-28T09:00:00Z', dealRef('1002'), 'Mallory'), receipt('2030-01-01T00:00:00Z', here, 'Mallory'), receipt('2026-11-28T09:00:00Z')]);
    expect(receipts.map((parsed) => parsed.answer.by)).toEqual(['Dana Kim']);
  });
});
