import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BatonDb } from '../../components/storage/db';
import { adoptCurrentVersion, recordHandoffs, recordStatus, saveFieldValue } from '../../components/storage/handoffs';
import { installTemplates, nextVersion, saveNewVersion } from '../../components/storage/templates';
import { templateChanges } from '../../lib/template-editor/template-changes';
import type { Template } from '../../lib/template';
import { completeSalesValues, dealRef, salesToOnboarding } from './helpers';

const T0 = Date.UTC(2026, 10, 25, 14, 0);
const deal = dealRef('2001');
const v1 = salesToOnboarding();
/** v2 adds a required field: a handoff complete on v1 is not on v2. */
const v2: Template = { ...v1, version: v1.version + 1, fields: [...v1.fields, { id: 'budget', label: 'Budget', kind: 'number', required: true }] };

let db: BatonDb;

beforeEach(async () => {
  db = new BatonDb(`test-${crypto.randomUUID()}`);
  await installTemplates(db, [v1]);
});

afterEach(async () => {
  await db.delete();
});

async function typeComplete(ref = deal): Promise<void> {
  for (const [fieldId, value] of Object.entries(completeSalesValues())) {
    await saveFieldValue(db, { ref, templateId: v1.id, fieldId, value, typedAt: T0 }, T0);
  }
}

describe('a handoff keeps the template version it started on', () => {
  it('stays complete on its version when a new one requires more, and says what changed', async () => {
    await typeComplete();
    await saveNewVersion(db, v2);
    const [handoff] = await recordHandoffs(db, deal);
    expect(handoff!.template.version).toBe(v1.version);
    expect(handoff!.newer?.version).toBe(v2.version);
    expect(templateChanges(handoff!.template, handoff!.newer!)).toEqual({ added: ['Budget'], removed: [], renamed: [], nowRequired: [] });
    expect((await recordStatus(db, deal)).checklists[0]!.missing).toEqual([]);
    // Typing more keeps it there.
    await saveFieldValue(db, { ref: deal, templateId: v1.id, fieldId: 'scope', value: 'More scope', typedAt: T0 + 1 }, T0 + 1);
    expect((await db.handoffs.toArray())[0]!.templateVersion).toBe(v1.version);
  });

  it('moves to the current version when the rep opts in, and is judged by it from then on', async () => {
    await typeComplete();
    await saveNewVersion(db, v2);
    await adoptCurrentVersion(db, deal, v1.id, T0 + 5);
    const [handoff] = await recordHandoffs(db, deal);
    expect(handoff!.template.version).toBe(v2.version);
    expect(handoff!.newer).toBeUndefined();
    expect((await recordStatus(db, deal)).checklists[0]!.missing.map((field) => field.label)).toEqual(['Budget']);
    await saveFieldValue(db, { ref: deal, templateId: v1.id, fieldId: 'budget', value: '1200', typedAt: T0 + 6 }, T0 + 6);
    expect((await recordStatus(db, deal)).checklists[0]!.missing).toEqual([]);
  });

  it('starts a new handoff on the current version', async () => {
    await saveNewVersion(db, v2);
    const [handoff] = await recordHandoffs(db, dealRef('2002'));
    expect(handoff!.template.version).toBe(v2.version);
    expect(handoff!.newer).toBeUndefined();
  });

  it('a field renamed in the new version keeps its answer and its history when the rep opts in', async () => {
    await typeComplete();
    await saveFieldValue(db, { ref: deal, templateId: v1.id, fieldId: 'scope', value: 'CRM setup, two trainings and SSO', typedAt: T0 + 60_000 }, T0 + 60_000);
    const renamed: Template = {
      ...v1,
      version: v1.version + 1,
      fields: v1.fields.map((field) => (field.id === 'scope' ? { ...field, id: 'scopeOfWork', label: 'Scope of work', renamedFrom: ['scope'] } : field)),
    };
    await saveNewVersion(db, renamed);
    const [before] = await recordHandoffs(db, deal);
    expect(templateChanges(before!.template, before!.newer!)).toMatchObject({ added: [], removed: [], renamed: [{ from: 'Scope and deliverables', to: 'Scope of work' }] });
    await adoptCurrentVersion(db, deal, v1.id, T0 + 120_000);
    const [handoff] = await recordHandoffs(db, deal);
    expect(handoff!.template.version).toBe(renamed.version);
    expect(handoff!.values.scopeOfWork).toBe('CRM setup, two trainings and SSO');
    expect(handoff!.values.scope).toBeUndefined();
    expect((await recordStatus(db, deal)).checklists[0]!.missing).toEqual([]);
    const history = await db.revisions.where('[host+objectType+recordId+templateId+field]').equals([deal.host, deal.objectType, deal.recordId, v1.id, 'scopeOfWork']).toArray();
    expect(history.map((entry) => entry.newValue)).toEqual(['CRM setup and two trainings', 'CRM setup, two trainings and SSO']);
  });

  it('numbers every save past every version held, and refuses a number saved meanwhile', async () => {
    expect(await nextVersion(db, v1.id)).toBe(v1.version + 1);
    await saveNewVersion(db, v2);
    await expect(saveNewVersion(db, v2)).rejects.toThrow(/saved meanwhile/);
    expect(await nextVersion(db, v1.id)).toBe(v2.version + 1);
  });
});

describe('upgrade to versioned templates', () => {
  it('keeps the templates held before the upgrade as versions, so their handoffs stay on them', async () => {
    const name = `test-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    old.version(1).stores({
      templates: 'id',
      handoffs: '[host+objectType+recordId+templateId], [host+objectType+recordId], updatedAt',
      revisions: '++id, [host+objectType+recordId+templateId+field], [host+objectType+recordId+templateId], at',
    });
    old.version(2).stores({ receipts: '[host+objectType+recordId+templateId], updatedAt' });
    await old.table('templates').put(v1);
    await old.table('handoffs').put({ ...deal, templateId: v1.id, templateVersion: v1.version, values: completeSalesValues(), typedAt: {}, createdAt: T0, updatedAt: T0 });
    old.close();

    const upgraded = new BatonDb(name);
    try {
      expect(await upgraded.templateVersions.toArray()).toEqual([v1]);
      await installTemplates(upgraded, [v2]);
      const [handoff] = await recordHandoffs(upgraded, deal);
      expect(handoff!.template.version).toBe(v1.version);
    } finally {
      await upgraded.delete();
    }
  });
});
