import { i18n } from '#i18n';
import { useState } from 'react';
import type { FieldKind } from '../../lib/template';
import { EntryInput, KindSelect } from './EntryInput';
import { useEditorStore } from './editor-store';
import { FieldEditor } from './FieldEditor';
import { ProblemText } from './ProblemText';
import { ReorderableList } from './ReorderableList';

/** The template's fields, in the order the panel shows them. */
export function FieldsEditor({ disabled }: { disabled: boolean }) {
  const fields = useEditorStore((state) => state.draft?.fields ?? []);
  const ownerField = useEditorStore((state) => state.draft?.ownerField ?? '');
  const setDetails = useEditorStore((state) => state.setDetails);
  const addField = useEditorStore((state) => state.addField);
  const announce = useEditorStore((state) => state.announce);
  const [label, setLabel] = useState('');
  const [kind, setKind] = useState<FieldKind>('text');
  const add = () => {
    if (!label.trim()) return;
    addField(kind, label.trim());
    announce(i18n.t('editor.fieldAdded', [label.trim()]));
    setLabel('');
  };

  return (
    <section aria-labelledby="fields-title" className="fields">
      <h2 id="fields-title">{i18n.t('editor.fields')}</h2>
      <ProblemText path={['fields']} />
      <ReorderableList list="fields" entries={fields} nameOf={(field) => field.label || field.id}>
        {(field, index) => <FieldEditor field={field} index={index} others={fields.filter((other) => other.key !== field.key)} disabled={disabled} />}
      </ReorderableList>
      <fieldset className="add-field" disabled={disabled}>
        <legend>{i18n.t('editor.addField')}</legend>
        <div className="row">
          <label>
            {i18n.t('editor.newFieldLabel')}
            <EntryInput value={label} onChange={setLabel} onEnter={add} />
          </label>
          <label>
            {i18n.t('editor.fieldKind')}
            <KindSelect value={kind} onChange={setKind} />
          </label>
          <button type="button" disabled={!label.trim()} onClick={add}>
            {i18n.t('editor.addFieldButton')}
          </button>
        </div>
      </fieldset>
      <label>
        {i18n.t('editor.ownerField')}
        <select disabled={disabled} value={ownerField} onChange={(event) => setDetails({ ownerField: event.target.value })}>
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
