import { i18n } from '#i18n';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import type { FieldKind } from '../../lib/template';
import { problemAnchor } from '../../lib/template-editor/problem-words';
import { batonDb } from '../storage/db';
import { EntryInput, KindSelect } from './EntryInput';
import { useEditorStore } from './editor-store';
import { FieldEditor } from './FieldEditor';
import { ProblemText } from './ProblemText';
import { ReorderableList } from './ReorderableList';

/** As many fields as TemplateSchema allows (templateList(60)). */
export const MAX_FIELDS = 60;

/** The template's fields, in the order the panel shows them. */
export function FieldsEditor({ disabled }: { disabled: boolean }) {
  const fields = useEditorStore((state) => state.draft?.fields ?? []);
  const draftId = useEditorStore((state) => state.draft?.id);
  const ownerField = useEditorStore((state) => state.draft?.ownerField ?? '');
  const setDetails = useEditorStore((state) => state.setDetails);
  const addField = useEditorStore((state) => state.addField);
  const copyFields = useEditorStore((state) => state.copyFields);
  const announce = useEditorStore((state) => state.announce);
  const templates = useLiveQuery(() => batonDb().templates.orderBy('id').toArray());
  const sources = (templates ?? []).filter((template) => template.id !== draftId);
  const [label, setLabel] = useState('');
  const [kind, setKind] = useState<FieldKind>('text');
  const [source, setSource] = useState('');
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const full = fields.length >= MAX_FIELDS;
  const add = () => {
    if (!label.trim() || full) return;
    addField(kind, label.trim());
    announce(i18n.t('editor.fieldAdded', [label.trim()]));
    setLabel('');
  };
  const copyFrom = () => {
    const template = sources.find((candidate) => candidate.id === source);
    if (!template) return;
    copyFields(template.fields.slice(0, MAX_FIELDS - fields.length));
    announce(i18n.t('editor.copiedFields', [template.name]));
  };
  const collapse = (key: string, on: boolean) =>
    setCollapsed((current) => {
      if (current.has(key) === on) return current;
      const next = new Set(current);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });

  return (
    <section aria-labelledby="fields-title" className="fields">
      <h2 id="fields-title">{i18n.t('editor.fields')}</h2>
      <ProblemText path={['fields']} />
      {fields.length > 1 ? (
        <div className="row">
          <button type="button" className="small secondary" onClick={() => setCollapsed(new Set(fields.map((field) => field.key)))}>
            {i18n.t('editor.collapseAll')}
          </button>
          <button type="button" className="small secondary" onClick={() => setCollapsed(new Set())}>
            {i18n.t('editor.expandAll')}
          </button>
        </div>
      ) : null}
      <ReorderableList list="fields" entries={fields} nameOf={(field) => field.label || field.id}>
        {(field, index) => (
          <FieldEditor
            field={field}
            index={index}
            others={fields.filter((other) => other.key !== field.key)}
            disabled={disabled}
            collapsed={collapsed.has(field.key)}
            onCollapse={(on) => collapse(field.key, on)}
          />
        )}
      </ReorderableList>
      <fieldset className="add-field" disabled={disabled}>
        <legend>{i18n.t('editor.addField')}</legend>
        <div className="row">
          <label>
            {i18n.t('editor.newFieldLabel')}
            <EntryInput data-anchor={problemAnchor(['fields'])} value={label} onChange={setLabel} onEnter={add} maxLength={120} aria-describedby={full ? 'field-limit' : undefined} />
          </label>
          <label>
            {i18n.t('editor.fieldKind')}
            <KindSelect value={kind} onChange={setKind} />
          </label>
          <button type="button" disabled={!label.trim() || full} aria-describedby={full ? 'field-limit' : undefined} onClick={add}>
            {i18n.t('editor.addFieldButton')}
          </button>
        </div>
        {full ? (
          <p id="field-limit" className="muted" data-testid="field-limit">
            {i18n.t('editor.fieldLimit', [MAX_FIELDS])}
          </p>
        ) : null}
        {sources.length > 0 ? (
          <div className="row">
            <label>
              {i18n.t('editor.copyFieldsPick')}
              <select value={source} onChange={(event) => setSource(event.target.value)}>
                <option value="">{i18n.t('editor.copyFieldsFrom')}</option>
                {sources.map((template) => (
                  <option key={template.id} value={template.id}>
                    {template.name}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" className="secondary" disabled={!source || full} onClick={copyFrom}>
              {i18n.t('editor.copyFieldsButton')}
            </button>
          </div>
        ) : null}
      </fieldset>
      <label>
        {i18n.t('editor.ownerField')}
        <select data-anchor={problemAnchor(['ownerField'])} disabled={disabled} value={ownerField} onChange={(event) => setDetails({ ownerField: event.target.value })}>
          <option value="">{i18n.t('editor.ownerFieldNone')}</option>
          {fields.map((field) => (
            <option key={field.key} value={field.id}>
              {field.label || field.id}
            </option>
          ))}
        </select>
        <ProblemText path={['ownerField']} />
      </label>
    </section>
  );
}
