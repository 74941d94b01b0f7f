import { describe, expect, it, vi } from 'vitest';
import { toExportDocument } from '../../lib/handoff-export';
import { MAX_IMPORT_BYTES, parseHandoffFile, planCounts, planImport, type HandoffDocument, type LocalHandoffs } from '../../lib/handoff-import';
import type { Revision, StoredHandoff } from '../../lib/stored';
import type { BatonDb } from '../../components/storage/db';
import { useTestDb } from './test-db';
import { applyImport, previewImport } from '../../components/storage/handoff-import';
import { handoffKey } from '../../components/storage/handoffs';
import { dealRef, salesToOnboarding } from './helpers';

// Well before the clock of any run: imported times later than now count as now.
const T0 = Date.UTC(2025, 10, 26, 9, 0);
const MINUTE = 60_000;
const sales = salesToOnboarding();

/** A draft whose every field was typed at `at`. */
function draft(recordId: string, values: Record<string, string>, at = T0, overrides: Partial<StoredHandoff> = {}): StoredHandoff {
  return {
    ...dealRef(recordId),
    templateId: sales.id,
    templateVersion: 1,
    values,
    typedAt: Object.fromEntries(Object.keys(values).map((field) => [field, at])),
    createdAt: at,
    updatedAt: at,
    ...overrides,
  };
}

function change(recordId: string, field: string, newValue: string, at: number, oldValue = ''): Revision {
  return { ...dealRef(recordId), templateId: sales.id, field, oldValue, newValue, startedAt: at, at };
}

function exported(handoffs: StoredHandoff[], revisions: Revision[] = []): HandoffDocument {
  return toExportDocument(handoffs, revisions, new Date(T0 + 60 * MINUTE));
}

function errorsOf(text: string): string[] {
  const result = parseHandoffFile(text);
  if (result.ok) throw new Error('expected the file to be rejected');
  return result.errors;
}

describe('reading an import file', () => {
  it('rejects a file that is not JSON', () => {
    expect(errorsOf('{ "format": "baton-handoffs", ')[0]).toMatch(/^not valid JSON: /);
  });

  it('rejects a file of another format, such as a template', () => {
    expect(errorsOf(JSON.stringify(sales))).toEqual([
      'format: expected "baton-handoffs", found nothing: this is not a Baton handoffs export',
    ]);
    expect(errorsOf('[]')).toEqual(['expected a Baton handoffs export: a JSON object with "format": "baton-handoffs"']);
  });

  it('rejects an export of a version this Baton cannot read', () => {
    expect(errorsOf(JSON.stringify({ ...exported([]), version: 2 }))).toEqual([
      'version: this Baton reads version 1 of the handoffs export; the file is version 2',
    ]);
  });

  it('names the path and the problem of a bad field', () => {
    const good = draft('1001', { clientGoals: 'Grow' });
    const bad = draft('1004', { clientGoals: 'x'.repeat(50_001) });
    const file = exported([good, good, good, bad].map((handoff, index) => ({ ...handoff, recordId: index === 3 ? '1004' : `100${index}` })));
    expect(errorsOf(JSON.stringify(file))).toEqual(['handoffs[3].values.clientGoals: Too big: expected string to have <=50000 characters']);
  });

  it('lists every problem with its path, a bad host and a missing time among them', () => {
    const file = exported([draft('1001', { clientGoals: 'Grow' })], [change('1001', 'clientGoals', 'Grow', T0)]) as unknown as Record<string, any>;
    file.handoffs[0].host = 'zoho';
    delete file.revisions[0].at;
    const errors = errorsOf(JSON.stringify(file));
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/^handoffs\[0\]\.host: /);
    expect(errors[1]).toMatch(/^revisions\[0\]\.at: /);
  });

  it('rejects two entries for the same record and template', () => {
    const one = draft('1001', { clientGoals: 'Grow' });
    expect(errorsOf(JSON.stringify(exported([one, draft('1002', {}), one])))).toEqual([
      'handoffs[2]: the same record and template as handoffs[0]',
    ]);
  });

  it('rejects a file over 10 MB before reading it as JSON', () => {
    const errors = errorsOf(' '.repeat(MAX_IMPORT_BYTES + 1));
    expect(errors).toEqual(['the file is 10.0 MB; a handoffs export is at most 10.0 MB']);
  });

  it('lists at most 20 problems, and says which entries it did not check', () => {
    const file = exported(Array.from({ length: 30 }, (_, index) => draft(`r${index}`, {}, T0, { templateVersion: 0.5 })));
    const errors = errorsOf(JSON.stringify(file));
    expect(errors).toHaveLength(21);
    expect(errors.at(-1)).toBe('handoffs[20] to handoffs[29] were not checked: checking stops after 20 problems');
  });
});

describe('planning an import', () => {
  const local = (handoffs: StoredHandoff[], revisions: Revision[] = []): LocalHandoffs => ({ handoffs, revisions, templates: [sales] });

  it('keeps a local value typed after the imported one', () => {
    const here = draft('1001', { clientGoals: 'Typed here, later' }, T0 + 5 * MINUTE);
    const plan = planImport(local([here]), exported([draft('1001', { clientGoals: 'From the file' }, T0)]));
    const [planned] = plan.handoffs;
    expect(planned).toMatchObject({ status: 'unchanged', updatedFields: [] });
    expect(planned!.keptFields).toEqual([{ fieldId: 'clientGoals', label: 'Client goals', local: 'Typed here, later', imported: 'From the file' }]);
    expect(planned!.handoff.values.clientGoals).toBe('Typed here, later');
  });

  it('applies an imported value typed after the local one, field by field', () => {
    const here = draft('1001', { clientGoals: 'Old goals', scope: 'Scope typed here, later' }, T0);
    here.typedAt.scope = T0 + 10 * MINUTE;
    const there = draft('1001', { clientGoals: 'Newer goals', scope: 'Older scope', timeline: 'Q2' }, T0 + 5 * MINUTE);
    const [planned] = planImport(local([here]), exported([there])).handoffs;
    expect(planned!.status).toBe('updated');
    expect(planned!.updatedFields.map((field) => field.label)).toEqual(['Client goals', 'Promised timeline']);
    expect(planned!.keptFields.map((field) => field.label)).toEqual(['Scope and deliverables']);
    expect(planned!.handoff.values).toEqual({ clientGoals: 'Newer goals', scope: 'Scope typed here, later', timeline: 'Q2' });
    expect(planned!.handoff.typedAt).toEqual({ clientGoals: T0 + 5 * MINUTE, scope: T0 + 10 * MINUTE, timeline: T0 + 5 * MINUTE });
    expect(planned!.handoff.updatedAt).toBe(T0 + 5 * MINUTE);
  });

  it('keeps the local value when both were typed at the same moment', () => {
    const [planned] = planImport(local([draft('1001', { clientGoals: 'Here' })]), exported([draft('1001', { clientGoals: 'There' })])).handoffs;
    expect(planned!.keptFields).toHaveLength(1);
    expect(planned!.status).toBe('unchanged');
  });

  it('counts a time from a clock ahead of this one as now, so the field can still be typed into here', () => {
    const now = T0 + 10 * MINUTE;
    const ahead = draft('1001', { clientGoals: 'From a fast clock' }, now + 24 * 60 * MINUTE);
    const [planned] = planImport(local([draft('1001', { clientGoals: 'Here' })]), exported([ahead]), now).handoffs;
    expect(planned!.updatedFields).toHaveLength(1);
    expect(planned!.handoff).toMatchObject({ typedAt: { clientGoals: now }, updatedAt: now });
  });

  it('adds a handoff this store does not have', () => {
    const there = draft('2001', { clientGoals: 'Grow', nextOwner: 'dana@example.com' });
    const plan = planImport(local([]), exported([there]));
    expect(plan.handoffs[0]).toMatchObject({ status: 'new', handoff: there, templateName: 'Sales → Onboarding', templateInstalled: true });
    expect(planCounts(plan)).toMatchObject({ newHandoffs: 1, updatedFields: 0, keptFields: 0 });
  });

  it('takes the newer sent time, answer and record title, and keeps the earlier creation', () => {
    const here = draft('1001', { clientGoals: 'Grow' }, T0, { recordTitle: 'Acme', sentAt: T0 });
    const answer = { decision: 'accepted' as const, by: 'dana@example.com', at: T0 + 30 * MINUTE };
    const there = draft('1001', { clientGoals: 'Grow' }, T0 + 40 * MINUTE, { recordTitle: 'Acme Inc.', sentAt: T0 + 20 * MINUTE, answer, createdAt: T0 + MINUTE });
    const plan = planImport(local([here]), exported([there]));
    expect(planCounts(plan)).toMatchObject({ updatedHandoffs: 1, updatedFields: 0, unchangedFields: 1 });
    const [planned] = plan.handoffs;
    expect(planned!.metadata).toEqual(['record title', 'sent time', 'answer']);
    expect(planned!.handoff).toMatchObject({ recordTitle: 'Acme Inc.', sentAt: T0 + 20 * MINUTE, answer, createdAt: T0, updatedAt: T0 + 40 * MINUTE });
  });

  it('never replaces a newer local answer with an older imported one', () => {
    const newer = { decision: 'sentBack' as const, at: T0 + 9 * MINUTE, reason: 'Scope unclear' };
    const here = draft('1001', { clientGoals: 'Grow' }, T0, { answer: newer });
    const there = draft('1001', { clientGoals: 'Grow' }, T0, { answer: { decision: 'accepted', at: T0 + MINUTE } });
    const [planned] = planImport(local([here]), exported([there])).handoffs;
    expect(planned).toMatchObject({ status: 'unchanged', handoff: { answer: newer } });
  });

  it('appends only log entries not already here, without their ids', () => {
    const known = change('1001', 'clientGoals', 'Grow', T0);
    const fresh = change('1001', 'scope', 'CRM', T0 + MINUTE);
    const plan = planImport(local([], [{ ...known, id: 3 }]), exported([], [{ ...known, id: 99 }, fresh, { ...fresh }]));
    expect(plan.newRevisions).toEqual([fresh]);
    expect(plan.duplicateRevisions).toBe(2);
  });

  it('flags a template that is not installed and shows its fields by id', () => {
    const legacy = draft('1001', { oldQuestion: 'Yes' }, T0, { templateId: 'legacy-checklist' });
    const plan = planImport(local([]), exported([legacy]));
    expect(plan.missingTemplates).toEqual(['legacy-checklist']);
    expect(plan.handoffs[0]).toMatchObject({ templateName: 'legacy-checklist', templateInstalled: false, updatedFields: [{ label: 'oldQuestion' }] });
  });
});

describe('applying an import', () => {
  let db: BatonDb;
  useTestDb([sales], (opened) => (db = opened));

  const stored = (recordId: string) => db.handoffs.get(handoffKey(dealRef(recordId), sales.id));

  it('writes new handoffs, newer fields and new log entries, keeping newer local values', async () => {
    const here = draft('1001', { clientGoals: 'Typed here, later', scope: 'Old scope' }, T0);
    here.typedAt.clientGoals = T0 + 10 * MINUTE;
    await db.handoffs.put(here);
    await db.revisions.add(change('1001', 'clientGoals', 'Typed here, later', T0 + 10 * MINUTE));
    const file = exported(
      [draft('1001', { clientGoals: 'Older goals', scope: 'Newer scope' }, T0 + 5 * MINUTE), draft('2001', { clientGoals: 'New record' })],
      [change('1001', 'clientGoals', 'Typed here, later', T0 + 10 * MINUTE), change('1001', 'scope', 'Newer scope', T0 + 5 * MINUTE, 'Old scope')],
    );

    const plan = await previewImport(db, file);
    expect(planCounts(plan)).toMatchObject({ newHandoffs: 1, updatedHandoffs: 1, updatedFields: 1, keptFields: 1, unchangedFields: 0, newRevisions: 1, duplicateRevisions: 1 });
    expect(await db.handoffs.count()).toBe(1); // a preview writes nothing

    await applyImport(db, plan);
    expect((await stored('1001'))?.values).toEqual({ clientGoals: 'Typed here, later', scope: 'Newer scope' });
    expect((await stored('2001'))?.values).toEqual({ clientGoals: 'New record' });
    expect((await db.revisions.toArray()).map((revision) => revision.newValue)).toEqual(['Typed here, later', 'Newer scope']);
  });

  it('writes everything in one transaction', async () => {
    const transaction = vi.spyOn(db, 'transaction');
    const plan = planImport({ handoffs: [], revisions: [], templates: [sales] }, exported([draft('2001', { clientGoals: 'New' })], [change('2001', 'clientGoals', 'New', T0)]));
    await applyImport(db, plan);
    expect(transaction).toHaveBeenCalledTimes(1);
    expect(transaction.mock.calls[0]![0]).toBe('rw');
  });

  it('writes nothing when any part of the import fails', async () => {
    db.revisions.hook('creating', () => {
      throw new Error('disk full');
    });
    const plan = await previewImport(db, exported([draft('2001', { clientGoals: 'New' })], [change('2001', 'clientGoals', 'New', T0)]));
    await expect(applyImport(db, plan)).rejects.toThrow('disk full');
    expect(await db.handoffs.count()).toBe(0);
  });

  it('writes nothing from a file that fails validation, even when handed over as a plan', async () => {
    const file = exported([draft('2001', { clientGoals: 'x'.repeat(50_001) })]);
    expect(parseHandoffFile(JSON.stringify(file)).ok).toBe(false);
    const plan = planImport({ handoffs: [], revisions: [], templates: [sales] }, file);
    await expect(applyImport(db, plan)).rejects.toThrow();
    expect(await db.handoffs.count()).toBe(0);
    expect(await db.revisions.count()).toBe(0);
  });

  it('does not overwrite a value typed after the preview was shown', async () => {
    await db.handoffs.put(draft('1001', { clientGoals: 'Before' }, T0));
    const plan = await previewImport(db, exported([draft('1001', { clientGoals: 'Imported' }, T0 + 5 * MINUTE)]));
    await db.handoffs.put(draft('1001', { clientGoals: 'Typed meanwhile' }, T0 + 9 * MINUTE));
    const applied = await applyImport(db, plan);
    expect((await stored('1001'))?.values.clientGoals).toBe('Typed meanwhile');
    expect(planCounts(applied)).toMatchObject({ updatedFields: 0, keptFields: 1 });
  });
});
