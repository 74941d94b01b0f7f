import { i18n } from '#i18n';
import type { FieldDraft } from '../../lib/template-editor/editor-state';
import { problemAnchor } from '../../lib/template-editor/problem-words';
import { ProblemText } from './ProblemText';

interface RequiredWhenEditorProps {
  field: FieldDraft;
  index: number;
  others: FieldDraft[];
  onChange(requiredWhen: FieldDraft['requiredWhen']): void;
}

/**
 * "Required when <field> <has any value | is …>". The value is picked, never typed, where the
 * other field has a fixed set of answers (a choice from a list, a checkbox): a typed "sev 1"
 * that no option reads would never switch the rule on.
 */
export function RequiredWhenEditor({ field, index, others, onChange }: RequiredWhenEditorProps) {
  const path = ['fields', index, 'requiredWhen'];
  const when = field.requiredWhen;
  const other = when?.field ? others.find((candidate) => candidate.id === when.field) : undefined;
  const options = other?.options.map((option) => option.trim()).filter(Boolean) ?? [];
  const equals = when?.equals ?? '';
  const setEquals = (value: string) => onChange({ field: when!.field, equals: value });

  return (
    <div className="row">
      <label>
        {i18n.t('editor.requiredWhenField')}
        <select data-anchor={problemAnchor([...path, 'field'])} value={when?.field ?? ''} onChange={(event) => onChange({ field: event.target.value, equals: '' })}>
          <option value="">{i18n.t('editor.requiredWhenNever')}</option>
          {/* A rule that names a field no longer there stays selected, so its problem can be seen and fixed. */}
          {when?.field && !other ? <option value={when.field}>{when.field}</option> : null}
          {others.map((candidate) => (
            <option key={candidate.key} value={candidate.id}>
              {candidate.label || candidate.id}
            </option>
          ))}
        </select>
        <ProblemText path={[...path, 'field']} />
      </label>
      {!when?.field || !other ? null : other.kind === 'checkbox' ? (
        <p className="muted">{i18n.t('editor.requiredWhenTicked')}</p>
      ) : other.kind === 'select' ? (
        <label>
          {i18n.t('editor.requiredWhenCondition')}
          <select data-anchor={problemAnchor([...path, 'equals'])} value={equals} onChange={(event) => setEquals(event.target.value)}>
            <option value="">{i18n.t('editor.requiredWhenHasValue')}</option>
            {/* A value kept from before (an import, an option since renamed) stays visible, marked by its problem. */}
            {equals && !options.includes(equals) ? <option value={equals}>{i18n.t('editor.requiredWhenIs', [equals])}</option> : null}
            {options.map((option) => (
              <option key={option} value={option}>
                {i18n.t('editor.requiredWhenIs', [option])}
              </option>
            ))}
          </select>
          <ProblemText path={[...path, 'equals']} />
        </label>
      ) : (
        <label>
          {i18n.t('editor.requiredWhenTyped')}
          <input data-anchor={problemAnchor([...path, 'equals'])} value={equals} onChange={(event) => setEquals(event.target.value)} />
          <ProblemText path={[...path, 'equals']} />
        </label>
      )}
    </div>
  );
}
