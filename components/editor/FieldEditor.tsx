import { i18n } from '#i18n';
import { useId } from 'react';
import { QUALITY_CHECKS, type QualityCheck } from '../../lib/template';
import type { FieldDraft } from '../../lib/template-editor/editor-state';
import { useEditorStore } from './editor-store';
import { KindSelect } from './EntryInput';
import { ProblemText } from './ProblemText';

interface FieldEditorProps {
  field: FieldDraft;
  index: number;
  /** The other fields, for "required when". */
  others: FieldDraft[];
  disabled: boolean;
}

/** One field of the template: every property the schema has, without JSON. */
export function FieldEditor({ field, index, others, disabled }: FieldEditorProps) {
  const id = useId();
  const setField = useEditorStore((state) => state.setField);
  const remove = useEditorStore((state) => state.remove);
  const set = (patch: Partial<Omit<FieldDraft, 'key'>>) => setField(field.key, patch);
  const quality = field.quality ?? { checks: [] };
  const toggleCheck = (check: QualityCheck, on: boolean) =>
    set({ quality: { ...quality, checks: on ? [...quality.checks, check] : quality.checks.filter((other) => other !== check) } });
  const path = ['fields', index];

  return (
    <fieldset className="field-editor" disabled={disabled}>
      <legend>{field.label || i18n.t('editor.untitledField')}</legend>
      <div className="row">
        <label>
          {i18n.t('editor.fieldLabel')}
          <input value={field.label} onChange={(event) => set({ label: event.target.value })} />
          <ProblemText path={[...path, 'label']} />
        </label>
        <label>
          {i18n.t('editor.fieldKind')}
          <KindSelect value={field.kind} onChange={(kind) => set({ kind })} />
        </label>
      </div>
      <label>
        {i18n.t('editor.fieldHelp')}
        <input value={field.help ?? ''} onChange={(event) => set({ help: event.target.value })} />
        <ProblemText path={[...path, 'help']} />
      </label>
      {field.kind === 'select' ? (
        <label>
          {i18n.t('editor.fieldOptions')}
          <textarea rows={3} value={field.options.join('\n')} onChange={(event) => set({ options: event.target.value.split('\n') })} />
          <ProblemText path={[...path, 'options']} />
        </label>
      ) : null}
      <div className="row">
        <label className="inline">
          <input type="checkbox" checked={field.required} onChange={(event) => set({ required: event.target.checked })} />
          {i18n.t('editor.fieldRequired')}
        </label>
        <label className="inline">
          <input type="checkbox" checked={field.private ?? false} onChange={(event) => set({ private: event.target.checked })} />
          {i18n.t('editor.fieldPrivate')}
        </label>
      </div>
      {field.required ? null : (
        <div className="row">
          <label>
            {i18n.t('editor.requiredWhenField')}
            <select
              value={field.requiredWhen?.field ?? ''}
              onChange={(event) => set({ requiredWhen: { field: event.target.value, equals: field.requiredWhen?.equals ?? '' } })}
            >
              <option value="">{i18n.t('editor.requiredWhenNever')}</option>
              {others.map((other) => (
                <option key={other.key} value={other.id}>
                  {other.label || other.id}
                </option>
              ))}
            </select>
            <ProblemText path={[...path, 'requiredWhen', 'field']} />
          </label>
          {field.requiredWhen?.field ? (
            <label>
              {i18n.t('editor.requiredWhenEquals')}
              <input value={field.requiredWhen.equals} onChange={(event) => set({ requiredWhen: { field: field.requiredWhen!.field, equals: event.target.value } })} />
            </label>
          ) : null}
        </div>
      )}
      <fieldset className="quality">
        <legend>{i18n.t('editor.qualityChecks')}</legend>
        {QUALITY_CHECKS.map((check) => (
          <label key={check} className="inline">
            <input type="checkbox" checked={quality.checks.includes(check)} onChange={(event) => toggleCheck(check, event.target.checked)} />
            {i18n.t(`editor.quality.${check}`)}
          </label>
        ))}
        {quality.checks.includes('short') ? (
          <label className="inline">
            {i18n.t('editor.qualityMinLength')}
            <input
              type="number"
              min={1}
              max={1000}
              className="narrow"
              value={quality.minLength ?? ''}
              onChange={(event) => set({ quality: { ...quality, minLength: event.target.value ? Number(event.target.value) : undefined } })}
            />
          </label>
        ) : null}
        {quality.checks.length > 0 ? (
          <label className="inline">
            <input type="checkbox" checked={quality.blocking ?? false} onChange={(event) => set({ quality: { ...quality, blocking: event.target.checked } })} />
            {i18n.t('editor.qualityBlocking')}
          </label>
        ) : null}
        <ProblemText path={[...path, 'quality']} />
      </fieldset>
      <details>
        <summary id={`${id}-more`}>{i18n.t('editor.fieldMore')}</summary>
        <label>
          {i18n.t('editor.fieldPlaceholder')}
          <input value={field.placeholder ?? ''} onChange={(event) => set({ placeholder: event.target.value })} />
        </label>
        <label>
          {i18n.t('editor.fieldId')}
          <input value={field.id} onChange={(event) => set({ id: event.target.value })} />
          <ProblemText path={[...path, 'id']} />
        </label>
      </details>
      <button type="button" className="secondary" onClick={() => remove('fields', field.key)}>
        {i18n.t('editor.removeField', [field.label || field.id])}
      </button>
    </fieldset>
  );
}
