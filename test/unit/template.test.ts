import { defaultTemplates } from '../../lib/default-templates';
import { describe, expect, it } from 'vitest';
import { FIELD_KINDS, maxLengthOf } from '../../lib/template';
import { parseTemplate, parseTemplateJson } from '../../lib/template-json';
import shipped from '../../lib/templates/sales-to-onboarding.json';
import { salesToOnboarding, template } from './helpers';

/** The shipped template as raw JSON data, with one change applied. */
function shippedWith(change: (raw: any) => void): unknown {
  const raw = structuredClone(shipped) as any;
  change(raw);
  return raw;
}

function errorsOf(raw: unknown): string[] {
  const result = parseTemplate(raw);
  if (result.ok) throw new Error('expected the template to be rejected');
  return result.errors;
}

describe('the shipped Sales → Onboarding template', () => {
  it('parses and lists the handoff questions in order', () => {
    const { fields } = salesToOnboarding();
    expect(fields.map((field) => field.label)).toEqual([
      'Client goals',
      'Scope and deliverables',
      'Promised timeline',
      'Objections and risks',
      'Decision maker',
      'Next owner',
      'Special terms',
    ]);
  });

  it('requires everything except Special terms', () => {
    const required = Object.fromEntries(salesToOnboarding().fields.map((field) => [field.label, field.required]));
    expect(required).toEqual({
      'Client goals': true,
      'Scope and deliverables': true,
      'Promised timeline': true,
      'Objections and risks': true,
      'Decision maker': true,
      'Next owner': true,
      'Special terms': false,
    });
  });

  it('names Next owner as the owner and gates the won stage of every app, onboarding statuses on ClickUp', () => {
    const { ownerField, appliesTo } = salesToOnboarding();
    expect(ownerField).toBe('nextOwner');
    expect(appliesTo).toEqual([
      { host: 'hubspot', objectType: 'deal', gateStages: 'closed won' },
      { host: 'salesforce', objectType: 'opportunity', gateStages: 'closed won' },
      { host: 'pipedrive', objectType: 'deal', gateStages: '^won$|closed won' },
      { host: 'clickup', objectType: 'task', gateStages: '\\b(onboarding|kickoff|handoff)\\b' },
    ]);
  });

  it('gates ClickUp statuses by whole words: "sales handoff" yes, "inactive" or "handoffs done" no', () => {
    const onboarding = salesToOnboarding().appliesTo.find((target) => target.host === 'clickup')!.gateStages!;
    const delivery = defaultTemplates().find((each) => each.id === 'onboarding-to-delivery')!.appliesTo[0]!.gateStages!;
    const gates = (pattern: string, stage: string) => new RegExp(pattern, 'i').test(stage);
    expect(['onboarding', 'sales handoff', 'Kickoff'].every((stage) => gates(onboarding, stage))).toBe(true);
    expect(gates(onboarding, 'handoffs done')).toBe(false);
    expect(['in progress', 'delivery', 'ACTIVE'].every((stage) => gates(delivery, stage))).toBe(true);
    expect(['inactive', 'deliveryless'].some((stage) => gates(delivery, stage))).toBe(false);
  });

  it('reads the same from its JSON text', () => {
    expect(parseTemplateJson(JSON.stringify(shipped))).toEqual({ ok: true, template: salesToOnboarding() });
  });
});

describe('a malformed template is rejected with the path and the problem', () => {
  it('unknown field kind', () => {
    const errors = errorsOf(shippedWith((raw) => (raw.fields[3].kind = 'paragraph')));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^fields\[3\]\.kind: .*expected one of .*"longText"/);
  });

  it('text that is not JSON', () => {
    const result = parseTemplateJson('{"id": "sales", ');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[0]).toMatch(/^not valid JSON: /);
  });

  it('JSON that is not an object', () => {
    expect(errorsOf(null)).toEqual([expect.stringMatching(/^\(template\): .*expected object/)]);
  });

  it('duplicate field ids', () => {
    const errors = errorsOf(shippedWith((raw) => (raw.fields[1].id = 'clientGoals')));
    expect(errors).toEqual(['fields[1].id: duplicate field id "clientGoals"']);
  });

  it('a select without options', () => {
    const errors = errorsOf(shippedWith((raw) => raw.fields.push({ id: 'tier', label: 'Tier', kind: 'select' })));
    expect(errors).toEqual(['fields[7].options: a select field needs options']);
  });

  it('a select with an empty list of options', () => {
    const errors = errorsOf(
      shippedWith((raw) => raw.fields.push({ id: 'tier', label: 'Tier', kind: 'select', options: [] })),
    );
    expect(errors).toEqual([expect.stringMatching(/^fields\[7\]\.options: .*>=1/)]);
  });

  it('requiredWhen naming a field that does not exist', () => {
    const errors = errorsOf(shippedWith((raw) => (raw.fields[6].requiredWhen = { field: 'discount', equals: 'true' })));
    expect(errors).toEqual(['fields[6].requiredWhen.field: no field with id "discount"']);
  });

  it('requiredWhen naming the field itself', () => {
    const errors = errorsOf(
      shippedWith((raw) => (raw.fields[6].requiredWhen = { field: 'specialTerms', equals: 'x' })),
    );
    expect(errors).toEqual(['fields[6].requiredWhen.field: a field cannot depend on itself']);
  });

  it('an ownerField that is not one of the fields', () => {
    const errors = errorsOf(shippedWith((raw) => (raw.ownerField = 'owner')));
    expect(errors).toEqual(['ownerField: no field with id "owner"']);
  });

  it('gateStages that is not a regular expression', () => {
    const errors = errorsOf(shippedWith((raw) => (raw.appliesTo[0].gateStages = 'closed (won')));
    expect(errors).toEqual(['appliesTo[0].gateStages: expected a valid regular expression']);
  });

  it('a field pattern that is not a regular expression', () => {
    const errors = errorsOf(shippedWith((raw) => (raw.fields[5].pattern = '[a-')));
    expect(errors).toEqual(['fields[5].pattern: expected a valid regular expression']);
  });

  it('a maxLength above the hard limit of 50 000 characters', () => {
    const errors = errorsOf(shippedWith((raw) => (raw.fields[0].maxLength = 50_001)));
    expect(errors).toEqual([expect.stringMatching(/^fields\[0\]\.maxLength: .*<=50000/)]);
  });

  it('accepts a maxLength exactly at the hard limit', () => {
    const result = parseTemplate(shippedWith((raw) => (raw.fields[0].maxLength = 50_000)));
    expect(result.ok && maxLengthOf(result.template.fields[0]!)).toBe(50_000);
  });
});

describe('field kinds', () => {
  it.each(FIELD_KINDS)('accepts a %s field', (kind) => {
    const field = { id: 'answer', label: 'Answer', kind, ...(kind === 'select' ? { options: ['A', 'B'] } : {}) };
    expect(template({ fields: [field] }).fields[0]).toMatchObject({ kind, required: false });
  });

  it('limits long text to 10 000 characters and other fields to 500 unless the template says otherwise', () => {
    const { fields } = template({
      fields: [
        { id: 'notes', label: 'Notes', kind: 'longText' },
        { id: 'name', label: 'Name', kind: 'text' },
        { id: 'code', label: 'Code', kind: 'text', maxLength: 8 },
      ],
    });
    expect(fields.map(maxLengthOf)).toEqual([10_000, 500, 8]);
  });
});
