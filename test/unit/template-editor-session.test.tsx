import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hasUnsavedChanges, UNDO_STEPS, useEditorStore } from '../../components/editor/editor-store';
import { FieldInput } from '../../components/panel/FieldInput';
import { templateProblemText } from '../../components/words/template-problem-words';
import { TemplateSchema, type Template } from '../../lib/template';
import { parseTemplate } from '../../lib/template-json';
import { templateFromDraft } from '../../lib/template-editor/editor-state';

// Issue 26: an editing session loses nothing by accident, and every message reads as words.

function escalation(): Template {
  return TemplateSchema.parse({
    id: 'escalation',
    name: 'Delivery escalation',
    version: 1,
    appliesTo: [{ host: 'clickup', objectType: 'task' }],
    fields: [
      { id: 'severity', label: 'Severity', kind: 'select', options: ['Sev 1', 'Sev 2'] },
      { id: 'escalationDate', label: 'Escalation date', kind: 'date', requiredWhen: { field: 'severity', equals: 'Sev 1' } },
    ],
  });
}

const store = () => useEditorStore.getState();
const ids = () => store().draft!.fields.map((field) => field.id);

beforeEach(() => store().open(escalation()));
afterEach(() => cleanup());

describe('an editing session', () => {
  it('Remove field, then undo, brings the field and its dependent rule back; redo removes them again', () => {
    const severity = store().draft!.fields[0]!.key;
    store().removeField(severity);
    expect(ids()).toEqual(['escalationDate']);
    expect(store().draft!.fields[0]!.requiredWhen).toBeUndefined();
    store().undo();
    expect(ids()).toEqual(['severity', 'escalationDate']);
    expect(store().draft!.fields[1]!.requiredWhen).toEqual({ field: 'severity', equals: 'Sev 1' });
    store().redo();
    expect(ids()).toEqual(['escalationDate']);
  });

  it('knows when there are unsaved changes, and undoing them all is no change', () => {
    expect(hasUnsavedChanges(store())).toBe(false);
    store().setDetails({ name: 'Escalation' });
    expect(hasUnsavedChanges(store())).toBe(true);
    store().undo();
    expect(hasUnsavedChanges(store())).toBe(false);
  });

  it('typing in one box is one step of undo, and the history is bounded', () => {
    const key = store().draft!.fields[0]!.key;
    for (const label of ['S', 'Se', 'Sev', 'Seve']) store().setField(key, { label });
    store().undo();
    expect(store().draft!.fields[0]!.label).toBe('Severity');
    for (let step = 0; step < UNDO_STEPS + 20; step += 1) store().move('fields', store().draft!.fields[0]!.key, 1);
    expect(store().past).toHaveLength(UNDO_STEPS);
  });

  it('a new template is unsaved from the start', () => {
    store().create('Finance handoff', new Set());
    expect(hasUnsavedChanges(store())).toBe(true);
  });
});

describe('one message per mistake', () => {
  it('an email field with an invalid answer shows that problem, not the person flag beside it', () => {
    const field = { id: 'owner', label: 'Next owner', kind: 'email' as const, required: true, quality: { checks: ['person' as const] } };
    render(
      <FieldInput
        field={field}
        stored="ok"
        required
        issue={{ fieldId: 'owner', label: 'Next owner', problem: 'invalid', expected: 'email' }}
        blocking={false}
        focusRequest={0}
        flags={[{ check: 'person' }]}
        onChange={() => {}}
        onBlur={() => {}}
      />,
    );
    expect(screen.getByText(/expected an email address/)).toBeTruthy();
    expect(screen.queryByTestId('quality-flags')).toBeNull();
  });
});

describe('problems in words, never paths', () => {
  const PATH = /\w\[\d+\]|\b(fields|appliesTo|receipt)\.\d|requiredWhen\.field|Too small|expected array/;

  it('no editor or import problem a person reads holds a schema path or Zod\'s own words', () => {
    const broken = {
      id: 'x',
      name: '',
      version: 1,
      appliesTo: [{ host: 'clickup', objectType: 'task', gateStages: '(' }],
      fields: [
        { id: 'a', label: 'Severity', kind: 'select', options: [] },
        { id: '1b', label: 'B', kind: 'essay', requiredWhen: { field: 'gone', equals: '' } },
        { id: 'a', label: '', kind: 'text' },
      ],
      receipt: [''],
      ownerField: 'nobody',
    };
    const parsed = parseTemplate(broken);
    if (parsed.ok) throw new Error('expected problems');
    expect(parsed.problems.length).toBeGreaterThan(6);
    const texts = parsed.problems.map(templateProblemText);
    for (const text of texts) expect(text).not.toMatch(PATH);
    expect(texts).toContain('Field “Severity”, options: add at least 1.');
    expect(texts).toContain('Guarded stages of ClickUp task: this is not a pattern Baton can read; remove it and add the stages again in the editor.');
    // Reference rules are checked once the rest is sound.
    const dangling = parseTemplate({ ...broken, name: 'N', appliesTo: [{ host: 'clickup', objectType: 'task' }], fields: [{ id: 'b', label: 'B', kind: 'text', requiredWhen: { field: 'gone', equals: '' } }], receipt: [] });
    if (dangling.ok) throw new Error('expected problems');
    expect(dangling.problems.map(templateProblemText)).toEqual([
      'The field naming the next owner: it names a field “nobody” this template does not have; pick another field, or none.',
      'Field “B”, required when: it names a field “gone” this template does not have; pick another field, or none.',
    ]);
    const draft = templateFromDraft({ id: 'n', name: 'N', description: '', baseVersion: 0, archived: false, ownerField: '', qualityBlocks: false, targets: [], fields: [], receipt: [] }, 1);
    if (draft.ok) throw new Error('expected problems');
    for (const problem of draft.problems) expect(templateProblemText(problem.words)).not.toMatch(PATH);
  });
});
