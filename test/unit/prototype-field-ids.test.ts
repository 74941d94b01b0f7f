import { afterEach, describe, expect, it } from 'vitest';
import { checklistStatus } from '../../lib/checklist-status';
import { completeness } from '../../lib/completeness';
import { gateDecision } from '../../lib/gate';
import { toExportDocument } from '../../lib/handoff-export';
import { planImport } from '../../lib/handoff-import';
import type { StoredHandoff } from '../../lib/stored';
import type { Template } from '../../lib/template';
import { parseTemplate } from '../../lib/template-json';
import { BatonDb } from '../../components/storage/db';
import { handoffKey, recordHandoffs, recordStatus, saveFieldValue } from '../../components/storage/handoffs';
import { installTemplates } from '../../components/storage/templates';
import { dealRef } from './helpers';

// A field named like a property every JavaScript object inherits ("constructor", "toString",
// ...) once made every lookup find Object.prototype's member: the panel went blank, every
// stage move was blocked, and an import never applied the field. Field ids are looked up as
// own keys only. Names that are not identifiers ("__proto__" and the other "__" ones) are
// refused by the schema, like any id that does not start with a letter.

const T0 = Date.UTC(2026, 10, 25, 14, 0);
const deal = dealRef('1001');
const NAMES = Object.getOwnPropertyNames(Object.prototype);
const IDENTIFIER = /^[a-zA-Z]/;
const accepted = NAMES.filter((name) => IDENTIFIER.test(name));
const refused = NAMES.filter((name) => !IDENTIFIER.test(name));

function templateWith(id: string): Template {
  const result = parseTemplate({
    id: 'proto',
    name: 'Proto',
    version: 1,
    appliesTo: [{ host: 'hubspot', objectType: 'deal', gateStages: 'closed won' }],
    fields: [
      { id, label: 'Odd name', kind: 'text', required: true },
      { id: 'note', label: 'Note', kind: 'text', requiredWhen: { field: id, equals: 'yes' } },
    ],
    ownerField: id,
  });
  if (!result.ok) throw new Error(result.errors.join('; '));
  return result.template;
}

it('covers every name Object.prototype has', () => {
  expect(accepted).toEqual(expect.arrayContaining(['constructor', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf']));
  expect(refused).toContain('__proto__');
});

describe.each(refused)('a field id "%s"', (name) => {
  it('is refused on import with the path and the reason', () => {
    const result = parseTemplate({ ...templateWith('ok'), fields: [{ id: name, label: 'Odd', kind: 'text' }], ownerField: undefined });
    expect(result).toEqual({
      ok: false,
      errors: ['fields[0].id: expected letters, digits, "-" or "_", starting with a letter'],
      problems: [{ where: { kind: 'field', position: 1, label: 'Odd', setting: 'id' }, what: { kind: 'idForm' } }],
    });
  });
});

describe.each(accepted)('a field id "%s"', (name) => {
  const template = templateWith(name);

  it('is imported as an ordinary field', () => {
    expect(template.fields[0]!.id).toBe(name);
    expect(template.ownerField).toBe(name);
  });

  it('counts as empty until typed into, and as filled after', () => {
    expect(completeness(template, {})).toMatchObject({ required: 1, filled: 0, complete: false });
    expect(completeness(template, { [name]: 'yes' })).toMatchObject({ required: 2, filled: 1, complete: false });
    expect(completeness(template, { [name]: 'yes', note: 'x' })).toMatchObject({ required: 2, filled: 2, complete: true });
  });

  it('blocks only the gated stage while empty, and nothing once filled', () => {
    const empty = [checklistStatus({ template, values: {} }, deal)];
    expect(gateDecision(empty, 'Closed won')).toMatchObject({ kind: 'block', reason: 'incomplete' });
    expect(gateDecision(empty, 'Negotiation')).toEqual({ kind: 'allow' });
    expect(gateDecision([checklistStatus({ template, values: { [name]: 'no' } }, deal)], 'Closed won')).toEqual({ kind: 'allow' });
  });

  describe('in the store', () => {
    let db: BatonDb;
    afterEach(async () => db.delete());

    it('is saved, logged, and read back into the guard', async () => {
      db = new BatonDb(`test-${crypto.randomUUID()}`);
      await installTemplates(db, [template]);
      await saveFieldValue(db, { ref: deal, templateId: 'proto', fieldId: 'note', value: 'first', typedAt: T0 }, T0);
      await saveFieldValue(db, { ref: deal, templateId: 'proto', fieldId: name, value: 'no', typedAt: T0 + 1 }, T0 + 1);
      const [handoff] = await recordHandoffs(db, deal);
      expect(handoff!.values).toEqual({ note: 'first', [name]: 'no' });
      const logged = await db.revisions.toArray();
      expect(logged.filter((revision) => revision.field === name)).toMatchObject([{ oldValue: '', newValue: 'no' }]);
      expect((await recordStatus(db, deal)).checklists[0]).toMatchObject({ required: 1, filled: 1, missing: [] });
    });

    it('is applied from an imported file', async () => {
      db = new BatonDb(`test-${crypto.randomUUID()}`);
      const here: StoredHandoff = {
        ...deal, templateId: 'proto', templateVersion: 1, values: { note: 'x' }, typedAt: { note: T0 }, createdAt: T0, updatedAt: T0,
      };
      const there: StoredHandoff = { ...here, values: { [name]: 'yes' }, typedAt: { [name]: T0 + 5 }, updatedAt: T0 + 5 };
      const plan = planImport({ handoffs: [here], revisions: [], templates: [template] }, toExportDocument([there], [], new Date(T0 + 10)), T0 + 10);
      expect(plan.handoffs[0]!.updatedFields.map((field) => field.fieldId)).toEqual([name]);
      expect(plan.handoffs[0]!.handoff.values).toEqual({ note: 'x', [name]: 'yes' });
      await db.handoffs.put(plan.handoffs[0]!.handoff);
      expect((await db.handoffs.get(handoffKey(deal, 'proto')))!.values).toEqual({ note: 'x', [name]: 'yes' });
    });
  });
});
