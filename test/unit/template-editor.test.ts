import { describe, expect, it } from 'vitest';
import { draftFromTemplate, idFromLabel, templateFromDraft } from '../../lib/template-editor/editor-state';
import { gateSource, gateTerms, matchingLabels } from '../../lib/template-editor/gate-terms';
import { newlyIncomplete, templateChanges } from '../../lib/template-editor/template-changes';
import { TemplateSchema, type Template } from '../../lib/template';
import { defaultTemplates } from '../../lib/default-templates';
import { SEEN_STAGES_KEPT, withSeenStage } from '../../lib/seen-stages';

const KNOWN = ['Appointment scheduled', 'Closed won', 'Closed Won – Enterprise', 'Closed lost'];

function everyKind(): Template {
  return TemplateSchema.parse({
    id: 'every-kind',
    name: 'Every kind',
    description: 'All the field kinds, with every option set',
    version: 3,
    appliesTo: [
      { host: 'hubspot', objectType: 'deal', gateStages: '^Closed won$|enterprise' },
      { host: 'clickup', objectType: 'task', gateStages: '\\b(onboarding|kickoff)\\b' },
      { host: 'pipedrive', objectType: 'deal' },
    ],
    fields: [
      { id: 'goals', label: 'Goals', kind: 'longText', required: true, help: 'What the client wants', quality: { checks: ['short', 'placeholder'], minLength: 40, blocking: true } },
      { id: 'tier', label: 'Tier', kind: 'select', options: ['Gold', 'Silver'] },
      { id: 'start', label: 'Start', kind: 'date', requiredWhen: { field: 'tier', equals: 'Gold' } },
      { id: 'seats', label: 'Seats', kind: 'number', maxLength: 6 },
      { id: 'site', label: 'Site', kind: 'url', placeholder: 'https://' },
      { id: 'owner', label: 'Owner', kind: 'email', pattern: '@example\\.com$', patternHint: 'a colleague', private: true },
      { id: 'signed', label: 'Signed', kind: 'checkbox' },
      { id: 'notes', label: 'Notes', kind: 'text', quality: { checks: ['person'] } },
    ],
    ownerField: 'owner',
    receipt: ['Read it', 'Kickoff booked'],
  });
}

describe('editor state and template', () => {
  it('a template opened in the editor and saved unchanged is the same template', () => {
    for (const template of [everyKind(), ...defaultTemplates()]) {
      const saved = templateFromDraft(draftFromTemplate(template), template.version);
      expect(saved).toEqual({ ok: true, template });
    }
  });

  it('drops what the form leaves blank instead of saving empty strings', () => {
    const draft = draftFromTemplate(everyKind());
    draft.description = '  ';
    draft.fields[1]!.help = '';
    draft.fields[1]!.options = [' Gold ', '', 'Silver', '  '];
    draft.fields[2]!.requiredWhen = { field: '', equals: '' };
    draft.fields[7]!.quality = { checks: [] };
    const saved = templateFromDraft(draft, 4);
    if (!saved.ok) throw new Error(JSON.stringify(saved.problems));
    expect(saved.template.description).toBeUndefined();
    expect(saved.template.version).toBe(4);
    expect(saved.template.fields[1]).toEqual({ id: 'tier', label: 'Tier', kind: 'select', required: false, options: ['Gold', 'Silver'] });
    expect(saved.template.fields[2]!.requiredWhen).toBeUndefined();
    expect(saved.template.fields[7]!.quality).toBeUndefined();
  });

  it('says where each problem is, with the same paths an import reports', () => {
    const draft = draftFromTemplate(everyKind());
    draft.name = '';
    draft.fields[0]!.label = '';
    draft.fields[1]!.options = [];
    draft.fields[2]!.requiredWhen = { field: 'gone', equals: 'x' };
    const saved = templateFromDraft(draft, 4);
    expect(saved.ok).toBe(false);
    if (saved.ok) return;
    expect(saved.problems.map((problem) => problem.path.join('.'))).toEqual(
      expect.arrayContaining(['name', 'fields.0.label', 'fields.1.options', 'fields.2.requiredWhen.field']),
    );
  });

  it('shows why a pattern that could hang a tab cannot be saved, under the setting it concerns', () => {
    const draft = draftFromTemplate(everyKind());
    draft.targets[0]!.gates = [{ kind: 'pattern', source: '^(a+)+$' }];
    draft.fields[5]!.pattern = '(a|aa)+';
    const saved = templateFromDraft(draft, 4);
    expect(saved.ok).toBe(false);
    if (saved.ok) return;
    expect(saved.problems).toEqual([
      { path: ['appliesTo', 0, 'gateStages'], message: expect.stringMatching(/^Guarded stages: this pattern can take exponential time .*Simplify it/), words: expect.objectContaining({ what: expect.objectContaining({ kind: 'sentence' }) }) },
      { path: ['fields', 5, 'pattern'], message: expect.stringMatching(/^Field pattern: this pattern can take exponential time .*Simplify it/), words: expect.objectContaining({ what: expect.objectContaining({ kind: 'sentence' }) }) },
    ]);
  });

  it('makes ids people never see from labels, unique within the template', () => {
    expect(idFromLabel('Next owner (email)', new Set(), 'field')).toBe('nextOwnerEmail');
    expect(idFromLabel('Goals', new Set(['goals', 'goals2']), 'field')).toBe('goals3');
    expect(idFromLabel('2 weeks', new Set(), 'field')).toBe('field');
  });
});

describe('gates as terms', () => {
  it('splits a stored gate into labels, free text and patterns, and joins it back unchanged', () => {
    for (const source of ['^Closed won$|enterprise', '\\b(onboarding|kickoff)\\b', '^won$|closed won', 'a\\.b|[|]x']) {
      expect(gateSource(gateTerms(source))).toBe(source);
    }
    expect(gateTerms('^Closed won$|enterprise|(a|b)')).toEqual([
      { kind: 'label', text: 'Closed won' },
      { kind: 'contains', text: 'enterprise' },
      { kind: 'pattern', source: '(a|b)' },
    ]);
  });

  it('previews which known labels a gate stops, as the guard matches them', () => {
    expect(matchingLabels([{ kind: 'contains', text: 'closed won' }], KNOWN)).toEqual(['Closed won', 'Closed Won – Enterprise']);
    expect(matchingLabels([{ kind: 'label', text: 'Closed won' }], KNOWN)).toEqual(['Closed won']);
    expect(matchingLabels([{ kind: 'contains', text: 'won (' }], ['won (x)', 'won'])).toEqual(['won (x)']);
    expect(matchingLabels([], KNOWN)).toEqual([]);
  });

  it('does not run a gate that could hang the editor to preview it (the schema says why it is refused)', () => {
    const started = performance.now();
    expect(matchingLabels([{ kind: 'pattern', source: '^(a+)+$' }], [`${'a'.repeat(28)}!`, 'a'])).toEqual([]);
    expect(performance.now() - started).toBeLessThan(100);
  });
});

describe('what a new version changes', () => {
  const before = everyKind();
  const after = TemplateSchema.parse({
    ...before,
    version: 4,
    fields: [...before.fields.filter((field) => field.id !== 'site').map((field) => (field.id === 'tier' ? { ...field, required: true } : field)), { id: 'risk', label: 'Risks', kind: 'text', required: true }],
  });

  it('names the fields added, removed and now required', () => {
    expect(templateChanges(before, after)).toEqual({ added: ['Risks'], removed: ['Site'], renamed: [], nowRequired: ['Tier'] });
  });

  it('counts the handoffs that are complete now and would not be', () => {
    // Goals long enough for its blocking quality check (at least 40 characters).
    const goals = 'Cut onboarding from six weeks to three, in Q3';
    const handoffs: { template: Template; values: Record<string, string> }[] = [
      { template: before, values: { goals } },
      { template: before, values: { goals, tier: 'Silver' } },
      { template: before, values: { goals, tier: 'Silver', risk: 'Budget' } },
      { template: before, values: {} },
    ];
    expect(newlyIncomplete(handoffs, after)).toBe(2);
  });
});

describe('stage labels Baton has seen', () => {
  it('keeps each label once, newest first, per app, within the bound', () => {
    let seen = withSeenStage({}, 'hubspot', 'Closed won');
    seen = withSeenStage(seen, 'hubspot', '  Appointment   scheduled ');
    seen = withSeenStage(seen, 'hubspot', 'Closed won');
    seen = withSeenStage(seen, 'pipedrive', 'Won');
    expect(seen).toEqual({ hubspot: ['Closed won', 'Appointment scheduled'], pipedrive: ['Won'] });
    for (let index = 0; index < SEEN_STAGES_KEPT + 5; index += 1) seen = withSeenStage(seen, 'hubspot', `Stage ${index}`);
    expect(seen.hubspot).toHaveLength(SEEN_STAGES_KEPT);
    expect(seen.hubspot![0]).toBe(`Stage ${SEEN_STAGES_KEPT + 4}`);
  });
});
