import { i18n } from '#i18n';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { batonDb } from '../storage/db';
import { useEditorStore } from './editor-store';
import { EntryInput } from './EntryInput';

/** Every template on this device: open one, duplicate it, or start a new one. */
export function TemplatePicker({ managedIds }: { managedIds: ReadonlySet<string> }) {
  const templates = useLiveQuery(() => batonDb().templates.orderBy('id').toArray());
  const open = useEditorStore((state) => state.open);
  const duplicate = useEditorStore((state) => state.duplicate);
  const create = useEditorStore((state) => state.create);
  const current = useEditorStore((state) => state.draft?.id);
  const [name, setName] = useState('');
  const taken = new Set((templates ?? []).map((template) => template.id));
  const start = () => {
    if (!name.trim()) return;
    create(name.trim(), taken);
    setName('');
  };

  return (
    <nav className="picker" aria-labelledby="picker-title">
      <h2 id="picker-title">{i18n.t('editor.templates')}</h2>
      <ul>
        {(templates ?? []).map((template) => (
          <li key={template.id} aria-current={template.id === current ? 'true' : undefined}>
            <button type="button" className="link" onClick={() => open(template)}>
              {template.name}
            </button>{' '}
            <span className="muted">
              {i18n.t('editor.versionShort', [String(template.version)])}
              {template.archived ? ` · ${i18n.t('editor.archivedTag')}` : ''}
              {managedIds.has(template.id) ? ` · ${i18n.t('managed.setByOrganization')}` : ''}
            </span>{' '}
            <button
              type="button"
              className="small secondary"
              aria-label={i18n.t('editor.duplicateNamed', [template.name])}
              onClick={() => duplicate(template, i18n.t('editor.copyOf', [template.name]), taken)}
            >
              {i18n.t('editor.duplicate')}
            </button>
          </li>
        ))}
      </ul>
      <label>
        {i18n.t('editor.newTemplateName')}
        <EntryInput value={name} onChange={setName} onEnter={start} />
      </label>
      <button type="button" disabled={!name.trim()} onClick={start}>
        {i18n.t('editor.newTemplate')}
      </button>
    </nav>
  );
}
