import { describe, expect, it } from 'vitest';
import { completeness, isRequired } from '../../lib/completeness';
import { draftChecks } from '../../lib/template-editor/draft-checks';
import { draftFromTemplate, templateFromDraft, type EditorDraft } from '../../lib/template-editor/editor-state';
import { copyFields, dependentsOf, duplicateField, removeField, renameField } from '../../lib/template-editor/field-edits';
import { gateSource, gateTerms, matchingLabels, stagesInPattern } from '../../lib/template-editor/gate-terms';
import { carryValues, newlyIncomplete, templateChanges } from '../../lib/template-editor/template-changes';
import { TemplateSchema, type Template } from '../../lib/template';
import { template } from './helpers';

// Issue 26: the template editor in an operations lead's hands.

function escalation(): Template {
  return TemplateSchema.parse({
    id: 'escalation',
    name: 'Delivery escalation',
    version: 2,
    appliesTo: [{ host: 'clickup', objectType: 'task', gateStages: 'escalated' }],
    fields: [
      { id: 'severity', label: 'Severity', kind: 'select', options: ['Sev 1', 'Sev 2'] },
      { id: 'escalationDate', label: 'Escalation date', kind: 'date', requiredWhen: { field: 'severity', equals: '' } },
      { id: 'customerImpact', label: 'Customer impact', kind: 'longText', required: true },
      { id: 'nextOwner', label: 'Next owner', kind: 'text', required: true, quality: { checks: ['person'] } },
    ],
    ownerField: 'nextOwner',
  });
}

const field = (draft: EditorDraft, id: string) => draft.fields.find((entry) => entry.id === id)!;

function saved(draft: EditorDraft, version: number): Template {
  const result = templateFromDraft(draft, version);
  if (!result.ok) throw new Error(JSON.stringify(result.problems.map((problem) => problem.message)));
  return result.template;
}

describe('required when, as the label words it', () => {
  const date = () => escalation().fields[1]!;

  it('a blank value means "when this field has a value", never the reverse', () => {
    expect(isRequired(date(), {})).toBe(false);
    expect(isRequired(date(), { severity: '  ' })).toBe(false);
    expect(isRequired(date(), { severity: 'Sev 1' })).toBe(true);
  });

  it('a blank value on a checkbox means ticked', () => {
    const box = { ...date(), requiredWhen: { field: 'signed', equals: '' } };
    expect(isRequired(box, { signed: '' })).toBe(false);
    expect(isRequired(box, { signed: 'true' })).toBe(true);
  });

  it('compares answers as the guard compares stage labels: case and spaces do not matter', () => {
    const rule = { ...date(), requiredWhen: { field: 'severity', equals: 'sev  1' } };
    expect(isRequired(rule, { severity: 'Sev 1' })).toBe(true);
    expect(isRequired(rule, { severity: 'Sev 2' })).toBe(false);
  });

  it('flags a value none of the other field\'s options can take, and accepts one in another case', () => {
    const draft = draftFromTemplate(escalation());
    field(draft, 'escalationDate').requiredWhen = { field: 'severity', equals: 'sev 3' };
    expect(draftChecks(draft, { otherNames: [] })).toEqual([
      expect.objectContaining({ path: ['fields', 1, 'requiredWhen', 'equals'], words: expect.objectContaining({ what: { kind: 'noOptionMatches', value: 'sev 3', field: 'Severity' } }) }),
    ]);
    field(draft, 'escalationDate').requiredWhen = { field: 'severity', equals: 'SEV 2' };
    expect(draftChecks(draft, { otherNames: [] })).toEqual([]);
  });
});

describe('a renamed field keeps what reps typed', () => {
  function renamedV3(): Template {
    const draft = draftFromTemplate(escalation());
    Object.assign(draft, renameField(draft, field(draft, 'customerImpact').key, 'impact'));
    field(draft, 'impact').label = 'Impact on the customer';
    return saved(draft, 3);
  }

  it('records the earlier id in the new version and reads as a rename, not an add and a remove', () => {
    const v3 = renamedV3();
    expect(v3.fields[2]).toMatchObject({ id: 'impact', renamedFrom: ['customerImpact'] });
    expect(templateChanges(escalation(), v3)).toEqual({ added: [], removed: [], renamed: [{ from: 'Customer impact', to: 'Impact on the customer' }], nowRequired: [] });
  });

  it('carries the answer to the new id, through every later version too', () => {
    const v3 = renamedV3();
    const draft = draftFromTemplate(v3);
    Object.assign(draft, renameField(draft, field(draft, 'impact').key, 'clientImpact'));
    const v4 = saved(draft, 4);
    expect(v4.fields[2]!.renamedFrom).toEqual(['customerImpact', 'impact']);
    const typed = { severity: 'Sev 1', customerImpact: 'Checkout down for EU' };
    expect(carryValues(typed, escalation(), v4)).toEqual({ severity: 'Sev 1', clientImpact: 'Checkout down for EU' });
    expect(carryValues({ impact: 'x' }, v3, v4)).toEqual({ clientImpact: 'x' });
    // A handoff complete on v2 stays complete on v4: nothing was lost.
    expect(newlyIncomplete([{ template: escalation(), values: { ...typed, escalationDate: '2026-03-01', nextOwner: 'Dana Ng' } }], v4)).toBe(0);
  });

  it('a rename moves the rules and the next-owner choice that name the field', () => {
    const draft = draftFromTemplate(escalation());
    const edit = renameField(draft, field(draft, 'severity').key, 'sev');
    expect(edit.fields[1]!.requiredWhen).toEqual({ field: 'sev', equals: '' });
    expect(renameField(draft, field(draft, 'nextOwner').key, 'owner').ownerField).toBe('owner');
  });

  it('refuses a new field taking the id a renamed field had (its answers would go to the wrong field)', () => {
    const v3 = renamedV3();
    const result = TemplateSchema.safeParse({ ...v3, fields: [...v3.fields, { id: 'customerImpact', label: 'Another', kind: 'text' }] });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: ['fields', 4, 'id'], params: { problem: 'idOfRenamedField', label: 'Impact on the customer' } });
  });

  it('a field renamed back to an earlier id is no rename any more', () => {
    const draft = draftFromTemplate(renamedV3());
    Object.assign(draft, renameField(draft, field(draft, 'impact').key, 'customerImpact'));
    expect(saved(draft, 4).fields[2]!.renamedFrom).toEqual(['impact']);
  });
});

describe('removing a field others depend on', () => {
  it('names the fields whose rule reads it, and drops those rules and the next-owner choice with it', () => {
    const draft = draftFromTemplate(escalation());
    expect(dependentsOf(draft, field(draft, 'severity').key).map((entry) => entry.label)).toEqual(['Escalation date']);
    const edit = removeField(draft, field(draft, 'severity').key);
    expect(edit.fields.map((entry) => entry.id)).toEqual(['escalationDate', 'customerImpact', 'nextOwner']);
    expect(edit.fields[0]!.requiredWhen).toBeUndefined();
    expect(removeField(draft, field(draft, 'nextOwner').key).ownerField).toBe('');
    // What is left saves: no rule points nowhere.
    expect(templateFromDraft({ ...draft, ...edit }, 3).ok).toBe(true);
  });
});

describe('two templates cannot share a name', () => {
  it('refuses a name another template on this device has, whatever its case and spacing', () => {
    const draft = draftFromTemplate(escalation());
    draft.name = ' delivery  ESCALATION ';
    expect(draftChecks(draft, { otherNames: ['Delivery escalation'] })).toEqual([
      expect.objectContaining({ path: ['name'], words: { where: { kind: 'template', setting: 'name' }, what: { kind: 'duplicateName', name: 'delivery  ESCALATION' } } }),
    ]);
    expect(draftChecks(draft, { otherNames: ['Sales to onboarding'] })).toEqual([]);
  });
});

describe('tools for long templates', () => {
  it('duplicates a field right below itself with an id of its own', () => {
    const draft = draftFromTemplate(escalation());
    const { fields } = duplicateField(draft, field(draft, 'severity').key, 'Copy of Severity');
    expect(fields.map((entry) => entry.id)).toEqual(['severity', 'copyOfSeverity', 'escalationDate', 'customerImpact', 'nextOwner']);
    expect(fields[1]).toMatchObject({ label: 'Copy of Severity', kind: 'select', options: ['Sev 1', 'Sev 2'] });
    expect(fields[1]!.savedId).toBeUndefined();
  });

  it('copies fields of another template, with their rules kept among themselves', () => {
    const draft = draftFromTemplate(escalation());
    const { fields } = copyFields(draft, escalation().fields.slice(0, 2));
    expect(fields.slice(4).map((entry) => [entry.id, entry.label, entry.requiredWhen?.field])).toEqual([
      ['severity2', 'Severity', undefined],
      ['escalationDate2', 'Escalation date', 'severity2'],
    ]);
    expect(templateFromDraft({ ...draft, fields }, 3).ok).toBe(true);
  });
});

describe('quality flags block the move, team-wide', () => {
  const values = { severity: 'Sev 2', escalationDate: '2026-03-01', customerImpact: 'Checkout down', nextOwner: 'ok' };

  it('a flag blocks only where the template says so', () => {
    expect(completeness(escalation(), values).complete).toBe(true);
    const strict = TemplateSchema.parse({ ...escalation(), qualityBlocks: true });
    expect(completeness(strict, values).missing).toEqual([expect.objectContaining({ fieldId: 'nextOwner', problem: 'vague' })]);
  });

  it('is a setting of the editor that round-trips', () => {
    const draft = draftFromTemplate(escalation());
    expect(draft.qualityBlocks).toBe(false);
    draft.qualityBlocks = true;
    expect(saved(draft, 3).qualityBlocks).toBe(true);
    expect(draftFromTemplate(saved(draft, 3)).qualityBlocks).toBe(true);
  });
});

describe('problems in words', () => {
  it('names the field by its label and the setting, never by a path', () => {
    const draft = draftFromTemplate(escalation());
    field(draft, 'severity').options = [];
    const result = templateFromDraft(draft, 3);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((problem) => problem.words)).toContainEqual({ where: { kind: 'field', position: 1, label: 'Severity', setting: 'options' }, what: { kind: 'tooFew', min: 1 } });
  });

  it('keeps the kind of a reference problem, for a sentence in the user\'s language', () => {
    const raw = { ...escalation(), fields: escalation().fields.slice(1) };
    const result = templateFromDraft(draftFromTemplate(raw as Template), 3);
    if (result.ok) throw new Error('expected a problem');
    expect(result.problems[0]!.words).toEqual({
      where: { kind: 'field', position: 1, label: 'Escalation date', setting: 'requiredWhen' },
      what: { kind: 'reference', reference: { problem: 'unknownField', id: 'severity' } },
    });
  });

  it('the helpers\' templates parse (sanity)', () => {
    expect(template({ fields: [{ id: 'a', label: 'A', kind: 'text' }] }).fields).toHaveLength(1);
  });
});

describe('object types come from the adapters', () => {
  it('refuses an object type no adapter of the app reads, and names those it does', () => {
    const draft = draftFromTemplate(escalation());
    draft.targets[0]!.objectType = 'tasks';
    expect(draftChecks(draft, { otherNames: [] })).toEqual([
      expect.objectContaining({ path: ['appliesTo', 0, 'objectType'], words: expect.objectContaining({ what: { kind: 'unknownObjectType', objectType: 'tasks', known: ['task'] } }) }),
    ]);
    draft.targets[0]!.objectType = 'task';
    expect(draftChecks(draft, { otherNames: [] })).toEqual([]);
  });
});

describe('stage text that looks like a pattern', () => {
  it('reads the built-in templates\' whole-word gates as stages, and writes them back unchanged', () => {
    expect(gateTerms('\\b(in progress|delivery|active)\\b')).toEqual([{ kind: 'words', words: ['in progress', 'delivery', 'active'] }]);
    expect(gateTerms('^won$|\\bkickoff\\b')).toEqual([{ kind: 'label', text: 'won' }, { kind: 'words', words: ['kickoff'] }]);
    for (const source of ['\\b(onboarding|kickoff|handoff)\\b', '\\bkickoff\\b|closed won', '\\b(a|b+)\\b']) expect(gateSource(gateTerms(source))).toBe(source);
    expect(gateTerms('\\b(a|b+)\\b')).toEqual([{ kind: 'pattern', source: '\\b(a|b+)\\b' }]);
    expect(matchingLabels(gateTerms('\\b(escalated|urgent)\\b'), ['Escalated', 'Urgent fix', 'Not escalatedx'])).toEqual(['Escalated', 'Urgent fix']);
  });

  it('says typed text is a pattern and offers the stages it names', () => {
    expect(stagesInPattern('\\b(escalated|urgent)\\b')).toEqual([{ kind: 'words', words: ['escalated', 'urgent'] }]);
    expect(stagesInPattern('won|closed won')).toEqual([{ kind: 'contains', text: 'won' }, { kind: 'contains', text: 'closed won' }]);
    expect(stagesInPattern('^Closed won$')).toEqual([{ kind: 'label', text: 'Closed won' }]);
    expect(stagesInPattern('Closed won')).toBeUndefined();
    expect(stagesInPattern('Closed (won)')).toBeUndefined();
  });
});

describe('stages seen on boards and lists', () => {
  it('a board\'s stages, remembered together, are offered like those of records opened', async () => {
    const { fakeBrowser } = await import('wxt/testing/fake-browser');
    const { seenStages } = await import('../../components/storage/seen-stages');
    fakeBrowser.reset();
    await seenStages.remember('clickup', 'Escalated');
    await seenStages.rememberAll([['clickup', 'Triage'], ['clickup', 'Escalated'], ['hubspot', 'Closed won']]);
    expect(await seenStages.get()).toEqual({ clickup: ['Escalated', 'Triage'], hubspot: ['Closed won'] });
  });
});
