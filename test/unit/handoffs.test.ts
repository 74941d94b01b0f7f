import { describe, expect, it } from 'vitest';
import type { SaveField } from '../../lib/message-schemas';
import type { RecordRef } from '../../lib/record';
import { TYPING_BURST_MS } from '../../lib/stored';
import type { Template } from '../../lib/template';
import type { BatonDb } from '../../components/storage/db';
import { useTestDb } from './test-db';
import { handoffKey, recordHandoffs, recordStatus, recordStatuses, saveFieldValue } from '../../components/storage/handoffs';
import { importTemplate, installTemplates, templatesFor } from '../../components/storage/templates';
import { dealRef, salesToOnboarding, template } from './helpers';

const T0 = Date.UTC(2026, 10, 25, 14, 0);
const sales = salesToOnboarding();
const deal = dealRef('1001');

let db: BatonDb;
useTestDb([sales], (opened) => (db = opened));

/** One keystroke into the Sales → Onboarding panel, typed and saved at `at`. */
function typed(fieldId: string, value: string, at: number, ref: RecordRef = deal): SaveField {
  return { ref, templateId: 'sales-to-onboarding', fieldId, value, typedAt: at };
}

async function save(input: SaveField, now = input.typedAt): Promise<void> {
  await saveFieldValue(db, input, now);
}

async function valuesOf(ref: RecordRef, templateId = 'sales-to-onboarding') {
  return (await db.handoffs.get(handoffKey(ref, templateId)))?.values;
}

async function revisions() {
  const all = await db.revisions.orderBy('id').toArray();
  return all.map(({ field, oldValue, newValue, startedAt, at }) => ({ field, oldValue, newValue, startedAt, at }));
}

function version(base: Template, number: number, name = base.name): Template {
  return { ...base, version: number, name };
}

describe('installTemplates', () => {
  it('adds the shipped templates on first run', async () => {
    expect(await db.templates.toArray()).toEqual([sales]);
  });

  it('upgrades a template to a newer shipped version', async () => {
    await installTemplates(db, [version(sales, 2, 'Sales → Onboarding v2')]);
    expect(await db.templates.get(sales.id)).toMatchObject({ version: 2, name: 'Sales → Onboarding v2' });
  });

  it("keeps the user's edits of the same version, and never downgrades", async () => {
    await db.templates.put(version(sales, 1, 'Our handoff'));
    await installTemplates(db, [sales]);
    expect(await db.templates.get(sales.id)).toMatchObject({ version: 1, name: 'Our handoff' });

    await installTemplates(db, [version(sales, 3)]);
    await installTemplates(db, [sales]);
    expect((await db.templates.get(sales.id))?.version).toBe(3);
  });
});

describe('templatesFor and recordHandoffs', () => {
  const notes = template({
    id: 'account-notes',
    name: 'Account notes',
    appliesTo: [{ host: 'hubspot', objectType: 'deal' }],
    fields: [{ id: 'notes', label: 'Notes', kind: 'longText' }],
  });
  const audit = template({
    id: 'audit',
    name: 'Audit',
    appliesTo: [{ host: 'hubspot', objectType: 'deal', gateStages: 'contract sent' }],
    fields: [{ id: 'checked', label: 'Checked', kind: 'checkbox', required: true }],
  });
  const tickets = template({
    id: 'tickets',
    name: 'Ticket triage',
    appliesTo: [{ host: 'hubspot', objectType: 'ticket', gateStages: 'closed' }],
    fields: [{ id: 'cause', label: 'Cause', kind: 'text' }],
  });

  it('returns the templates for this kind of record, gating ones first, then by name', async () => {
    await installTemplates(db, [notes, audit, tickets]);
    const found = await templatesFor(db, deal);
    expect(found.map((each) => each.name)).toEqual(['Audit', 'Sales → Onboarding', 'Account notes']);
    expect((await templatesFor(db, { host: 'hubspot', objectType: 'ticket', recordId: '7' })).map((each) => each.id)).toEqual([
      'tickets',
    ]);
    expect(await templatesFor(db, { host: 'hubspot', objectType: 'company', recordId: '1001' })).toEqual([]);
  });

  it('pairs each template with what was typed for this record, empty when nothing was', async () => {
    await installTemplates(db, [notes]);
    await save(typed('nextOwner', 'Dana', T0));
    expect(await recordHandoffs(db, deal)).toEqual([
      { template: sales, values: { nextOwner: 'Dana' } },
      { template: notes, values: {} },
    ]);
  });

  it('gives the guard one status per template', async () => {
    await save(typed('clientGoals', 'Faster onboarding', T0));
    const status = await recordStatus(db, deal);
    expect(status.ref).toEqual(deal);
    expect(status.checklists).toEqual([
      expect.objectContaining({ templateId: 'sales-to-onboarding', gateStages: '(?:closed won)', required: 6, filled: 1 }),
    ]);
    expect(status.checklists[0]?.missing.map((field) => field.label)).not.toContain('Client goals');
  });
});

describe('saveFieldValue', () => {
  it('stores the value with the record title and when it was typed', async () => {
    await saveFieldValue(db, { ...typed('nextOwner', 'Dana', T0), recordTitle: 'Acme — 50 seats' }, T0 + 5);
    expect(await db.handoffs.get(handoffKey(deal, 'sales-to-onboarding'))).toEqual({
      ...deal,
      templateId: 'sales-to-onboarding',
      templateVersion: 1,
      values: { nextOwner: 'Dana' },
      typedAt: { nextOwner: T0 },
      recordTitle: 'Acme — 50 seats',
      createdAt: T0 + 5,
      updatedAt: T0 + 5,
    });
  });

  it('keeps the other fields when one changes', async () => {
    await save(typed('clientGoals', 'Faster onboarding', T0));
    await save(typed('nextOwner', 'Dana', T0 + 1));
    expect(await valuesOf(deal)).toEqual({ clientGoals: 'Faster onboarding', nextOwner: 'Dana' });
  });

  it('never mixes up records: same id in HubSpot and Pipedrive, other deals, other object types', async () => {
    const both = template({
      id: 'shared',
      name: 'Shared',
      appliesTo: [
        { host: 'hubspot', objectType: 'deal' },
        { host: 'pipedrive', objectType: 'deal' },
      ],
      fields: [{ id: 'owner', label: 'Owner', kind: 'text' }],
    });
    await installTemplates(db, [both]);
    const inShared = (ref: RecordRef, value: string, at: number): SaveField => ({
      ref,
      templateId: 'shared',
      fieldId: 'owner',
      value,
      typedAt: at,
    });
    await save(inShared(deal, 'HubSpot owner', T0));
    await save(inShared(dealRef('1001', 'pipedrive'), 'Pipedrive owner', T0 + 1));
    await save(inShared(dealRef('1002'), 'Other deal owner', T0 + 2));
    await save(inShared({ host: 'hubspot', objectType: 'ticket', recordId: '1001' }, 'Ticket owner', T0 + 3));

    expect(await valuesOf(deal, 'shared')).toEqual({ owner: 'HubSpot owner' });
    expect(await valuesOf(dealRef('1001', 'pipedrive'), 'shared')).toEqual({ owner: 'Pipedrive owner' });
    expect(await valuesOf(dealRef('1002'), 'shared')).toEqual({ owner: 'Other deal owner' });
    const pipedriveHandoffs = await recordHandoffs(db, dealRef('1001', 'pipedrive'));
    expect(pipedriveHandoffs.map((handoff) => [handoff.template.id, handoff.values])).toEqual([
      ['sales-to-onboarding', {}],
      ['shared', { owner: 'Pipedrive owner' }],
    ]);
  });

  it('keeps two templates on the same record apart', async () => {
    const legal = template({ id: 'legal', name: 'Legal', fields: [{ id: 'nextOwner', label: 'Counsel', kind: 'text' }] });
    await installTemplates(db, [legal]);
    await save(typed('nextOwner', 'Dana', T0));
    await save({ ...typed('nextOwner', 'Lee', T0 + 1), templateId: 'legal' });
    expect(await valuesOf(deal)).toEqual({ nextOwner: 'Dana' });
    expect(await valuesOf(deal, 'legal')).toEqual({ nextOwner: 'Lee' });
  });

  describe('revisions', () => {
    it('logs a change with the field, old value, new value and time', async () => {
      await save(typed('nextOwner', 'Dana', T0));
      expect(await revisions()).toEqual([{ field: 'nextOwner', oldValue: '', newValue: 'Dana', startedAt: T0, at: T0 }]);
    });

    it('makes one revision of a typing burst', async () => {
      await save(typed('nextOwner', 'D', T0));
      await save(typed('nextOwner', 'Da', T0 + 400));
      await save(typed('nextOwner', 'Dana', T0 + TYPING_BURST_MS - 1));
      expect(await revisions()).toEqual([
        { field: 'nextOwner', oldValue: '', newValue: 'Dana', startedAt: T0, at: T0 + TYPING_BURST_MS - 1 },
      ]);
    });

    it('starts a new revision for a later edit', async () => {
      await save(typed('nextOwner', 'Dana', T0));
      await save(typed('nextOwner', 'Lee', T0 + TYPING_BURST_MS));
      expect(await revisions()).toEqual([
        { field: 'nextOwner', oldValue: '', newValue: 'Dana', startedAt: T0, at: T0 },
        {
          field: 'nextOwner',
          oldValue: 'Dana',
          newValue: 'Lee',
          startedAt: T0 + TYPING_BURST_MS,
          at: T0 + TYPING_BURST_MS,
        },
      ]);
    });

    it('keeps the edits of two tabs typing into one field as separate revisions', async () => {
      await save({ ...typed('nextOwner', 'Dana', T0), editor: 'tab-a' });
      await save({ ...typed('nextOwner', 'Lee', T0 + 1), editor: 'tab-b' });
      await save({ ...typed('nextOwner', 'Lee Park', T0 + 2), editor: 'tab-b' });
      await save({ ...typed('nextOwner', 'Dana Ng', T0 + 3), editor: 'tab-a' });
      expect((await revisions()).map(({ oldValue, newValue }) => [oldValue, newValue])).toEqual([
        ['', 'Dana'],
        ['Dana', 'Lee Park'],
        ['Lee Park', 'Dana Ng'],
      ]);
    });

    it('keeps bursts in different fields apart', async () => {
      await save(typed('nextOwner', 'Dana', T0));
      await save(typed('timeline', 'March', T0 + 1));
      expect((await revisions()).map((revision) => revision.field)).toEqual(['nextOwner', 'timeline']);
    });

    it('logs nothing when the value does not change', async () => {
      await save(typed('nextOwner', 'Dana', T0));
      await save(typed('nextOwner', 'Dana', T0 + TYPING_BURST_MS * 2));
      expect(await revisions()).toHaveLength(1);
    });
  });

  describe('keystrokes arriving out of order', () => {
    it('keeps the newest typed value when an older keystroke arrives last', async () => {
      await saveFieldValue(db, typed('nextOwner', 'Dana', T0 + 200), T0 + 210);
      await saveFieldValue(db, typed('nextOwner', 'Dan', T0 + 100), T0 + 220);
      expect(await valuesOf(deal)).toEqual({ nextOwner: 'Dana' });
      expect((await revisions()).map((revision) => revision.newValue)).toEqual(['Dana']);
    });

    // A newest keystroke equal to the stored value must still record its typedAt, or an older
    // keystroke arriving after it would overwrite the newest value.
    it('keeps the newest value when it equals the stored one (typed "Dana", "Danaa", backspace)', async () => {
      await saveFieldValue(db, typed('nextOwner', 'Dana', T0 + 100), T0 + 110);
      await saveFieldValue(db, typed('nextOwner', 'Dana', T0 + 300), T0 + 310);
      await saveFieldValue(db, typed('nextOwner', 'Danaa', T0 + 200), T0 + 320);
      expect(await valuesOf(deal)).toEqual({ nextOwner: 'Dana' });
    });
  });

  it('rejects an unknown template and stores nothing', async () => {
    await expect(save({ ...typed('nextOwner', 'Dana', T0), templateId: 'nope' })).rejects.toThrow('No template "nope"');
    expect(await db.handoffs.count()).toBe(0);
  });

  it('rejects a field the template does not have and stores nothing', async () => {
    await expect(save(typed('budget', '10k', T0))).rejects.toThrow(
      'Template "Sales → Onboarding" has no field "budget"',
    );
    expect(await db.handoffs.count()).toBe(0);
    expect(await db.revisions.count()).toBe(0);
  });
});

describe('importTemplate', () => {
  it('stores a new template and replaces an older or equal version', async () => {
    const v1 = template({ id: 'legal', name: 'Legal', version: 1, fields: [{ id: 'counsel', label: 'Counsel', kind: 'text' }] });
    const v2 = { ...v1, version: 2, name: 'Legal review' };
    expect(await importTemplate(db, v1)).toEqual({ replaced: undefined });
    expect(await importTemplate(db, v2)).toEqual({ replaced: v1 });
    expect(await db.templates.get('legal')).toEqual(v2);
  });

  it('refuses an older version than the installed one and changes nothing', async () => {
    const v2 = template({ id: 'legal', name: 'Legal', version: 2, fields: [{ id: 'counsel', label: 'Counsel', kind: 'text' }] });
    await importTemplate(db, v2);
    await expect(importTemplate(db, { ...v2, version: 1, name: 'Old' })).rejects.toThrow('version 2 is installed');
    expect(await db.templates.get('legal')).toEqual(v2);
  });
});


describe("a board's thousand records read at once", () => {
  const asked = Array.from({ length: 60 }, (_, n) => dealRef(String(2000 + n)));

  /** Drafts typed for five of the records asked, and for `others` records of the kind not asked for. */
  async function draftsFor(others: number) {
    for (const ref of asked.slice(0, 5)) await save(typed('clientGoals', `Goals of ${ref.recordId}`, T0, ref));
    const typedDraft = (await db.handoffs.get(handoffKey(asked[0]!, sales.id)))!;
    await db.handoffs.bulkPut(Array.from({ length: others }, (_, n) => ({ ...typedDraft, recordId: String(5000 + n) })));
  }

  it.each([
    ['few other drafts of the kind (read as one range)', 20],
    ['many other drafts of the kind (each record looked up)', 700],
  ])('finds exactly the drafts of the records asked, with %s', async (_, others) => {
    await draftsFor(others);
    const statuses = await recordStatuses(db, asked);
    expect(statuses.map((status) => status.ref.recordId)).toEqual(asked.map((ref) => ref.recordId));
    expect(statuses.filter((status) => status.started).map((status) => status.ref.recordId)).toEqual(['2000', '2001', '2002', '2003', '2004']);
  });
});
