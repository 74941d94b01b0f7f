import { i18n } from '#i18n';
import { useId, useState } from 'react';
import { QUALITY_CHECKS, type QualityCheck } from '../../lib/template';
import type { FieldDraft } from '../../lib/template-editor/editor-state';
import { problemAnchor } from '../../lib/template-editor/problem-words';
import { ConfirmDialog } from './ConfirmDialog';
import { useEditorStore } from './editor-store';
import { KindSelect } from './EntryInput';
import { ProblemText } from './ProblemText';
import { RequiredWhenEditor } from './RequiredWhenEditor';

/** As long as TemplateSchema allows a label. */
const LABEL_MAX = 120;

interface FieldEditorProps {
  field: FieldDraft;
  index: number;
  /** The other fields, for "required when". */
  others: FieldDraft[];
  disabled: boolean;
  /** Collapsed to its label, kind and whether it is required (long templates). */
  collapsed: boolean;
  onCollapse(collapsed: boolean): void;
}

/** One field of the template: every property the schema has, without JSON. */
export function FieldEditor({ field, index, others, disabled, collapsed, onCollapse }: FieldEditorProps) {
  const id = useId();
  const setField = useEditorStore((state) => state.setField);
  const removeField = useEditorStore((state) => state.removeField);
  const duplicateField = useEditorStore((state) => state.duplicateField);
  const announce = useEditorStore((state) => state.announce);
  const [askRemove, setAskRemove] = useState(false);
  const set = (patch: Partial<Omit<FieldDraft, 'key'>>) => setField(field.key, patch);
  const quality = field.quality ?? { checks: [] };
  const toggleCheck = (check: QualityCheck, on: boolean) =>
    set({ quality: { ...quality, checks: on ? [...quality.checks, check] : quality.checks.filter((other) => other !== check) } });
  const path = ['fields', index];
  const anchor = (...rest: PropertyKey[]) => problemAnchor([...path, ...rest]);
  const name = field.label || field.id;
  // Fields whose "required when" reads this one: removing it asks first, then drops those rules.
  const dependents = others.filter((other) => other.requiredWhen?.field === field.id);
  const remove = () => {
    setAskRemove(false);
    removeField(field.key);
    announce(i18n.t('editor.fieldRemoved', [name]));
  };

  return (
    <fieldset className="field-editor" disabled={disabled}>
      <legend>{field.label || i18n.t('editor.untitledField')}</legend>
      <details open={!collapsed} onToggle={(event) => onCollapse(!event.currentTarget.open)}>
        <summary className="muted">
          {i18n.t(`editor.kinds.${field.kind}`)}
          {field.required ? ` · ${i18n.t('editor.fieldRequired')}` : ''}
        </summary>
        <div className="row">
          <label>
            {i18n.t('editor.fieldLabel')}
            <input
              data-anchor={anchor('label')}
              value={field.label}
              maxLength={LABEL_MAX}
              aria-describedby={`${id}-length`}
              onChange={(event) => set({ label: event.target.value })}
            />
            <span id={`${id}-length`} className="muted counter">
              {i18n.t('editor.labelLength', [field.label.length, LABEL_MAX])}
            </span>
            <ProblemText path={[...path, 'label']} />
          </label>
          <label>
            {i18n.t('editor.fieldKind')}
            <KindSelect value={field.kind} onChange={(kind) => set({ kind })} />
          </label>
        </div>
        <label>
          {i18n.t('editor.fieldHelp')}
          <input data-anchor={anchor('help')} value={field.help ?? ''} onChange={(event) => set({ help: event.target.value })} />
          <ProblemText path={[...path, 'help']} />
        </label>
        {/* The pattern has no input here (written by hand in JSON), but a refused one must say why the save is blocked. */}
        <ProblemText path={[...path, 'pattern']} />
        {field.kind === 'select' ? (
          <label>
            {i18n.t('editor.fieldOptions')}
            <textarea data-anchor={anchor('options')} rows={3} value={field.options.join('\n')} onChange={(event) => set({ options: event.target.value.split('\n') })} />
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
        {field.required ? null : <RequiredWhenEditor field={field} index={index} others={others} onChange={(requiredWhen) => set({ requiredWhen })} />}
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
                data-anchor={anchor('quality')}
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
            <input data-anchor={anchor('id')} value={field.id} onChange={(event) => set({ id: event.target.value })} />
            <ProblemText path={[...path, 'id']} />
          </label>
        </details>
        <div className="row">
          <button
            type="button"
            className="secondary"
            onClick={() => {
              duplicateField(field.key, i18n.t('editor.copyOfField', [field.label || field.id]));
              announce(i18n.t('editor.fieldDuplicated', [name]));
            }}
          >
            {i18n.t('editor.duplicateField', [name])}
          </button>
          <button type="button" className="secondary" onClick={() => (dependents.length > 0 ? setAskRemove(true) : remove())}>
            {i18n.t('editor.removeField', [name])}
          </button>
        </div>
      </details>
      {askRemove ? (
        <ConfirmDialog
          title={i18n.t('editor.removeFieldTitle', [name])}
          body={i18n.t('editor.removeFieldDependents', [name, dependents.map((other) => `“${other.label || other.id}”`).join(', ')])}
          confirmLabel={i18n.t('editor.removeFieldConfirm')}
          cancelLabel={i18n.t('editor.cancel')}
          onCancel={() => setAskRemove(false)}
          onConfirm={remove}
        />
      ) : null}
    </fieldset>
  );
}
