import { i18n } from '#i18n';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import type { Template } from '../../lib/template';
import { batonDb } from '../storage/db';
import { ConfirmDialog } from './ConfirmDialog';
import { hasUnsavedChanges, useEditorStore } from './editor-store';
import { EntryInput } from './EntryInput';

/** Every template on this device: search, open one, duplicate it, or start a new one. */
export function TemplatePicker({ managedIds }: { managedIds: ReadonlySet<string> }) {
  const templates = useLiveQuery(() => batonDb().templates.orderBy('id').toArray());
  const open = useEditorStore((state) => state.open);
  const duplicate = useEditorStore((state) => state.duplicate);
  const create = useEditorStore((state) => state.create);
  const setOtherNames = useEditorStore((state) => state.setOtherNames);
  const current = useEditorStore((state) => state.draft?.id);
  const currentName = useEditorStore((state) => state.draft?.name ?? '');
  const unsaved = useEditorStore(hasUnsavedChanges);
  const [name, setName] = useState('');
  const [query, setQuery] = useState('');
  /** A switch waiting for the author's answer, since it would discard unsaved changes. */
  const [pending, setPending] = useState<() => void>();
  const taken = new Set((templates ?? []).map((template) => template.id));
  // The name check needs the other templates' names; read here, where the list already is.
  useEffect(() => {
    setOtherNames((templates ?? []).filter((template) => template.id !== current).map((template) => template.name));
  }, [templates, current, setOtherNames]);
  const guarded = (action: () => void) => (unsaved ? setPending(() => action) : action());
  const start = () => {
    const wanted = name.trim();
    if (!wanted) return;
    guarded(() => {
      create(wanted, taken);
      setName('');
    });
  };
  const words = query.trim().toLowerCase();
  const shown = (templates ?? []).filter((template: Template) => !words || `${template.name} ${template.description ?? ''}`.toLowerCase().includes(words));

  return (
    <nav className="picker" aria-labelledby="picker-title">
      <h2 id="picker-title">{i18n.t('editor.templates')}</h2>
      <label>
        {i18n.t('editor.searchTemplates')}
        <input type="search" value={query} onChange={(event) => setQuery(event.target.value)} />
      </label>
      {words && shown.length === 0 ? <p className="muted">{i18n.t('editor.noTemplateMatches', [query.trim()])}</p> : null}
      <ul>
        {shown.map((template) => (
          <li key={template.id} aria-current={template.id === current ? 'true' : undefined}>
            <button type="button" className="link" onClick={() => (template.id === current ? undefined : guarded(() => open(template)))}>
              {template.name}
            </button>{' '}
            <span className="muted">
              {i18n.t('editor.versionShort', [String(template.version)])}
              {template.archived ? ` · ${i18n.t('editor.archivedTag')}` : ''}
              {managedIds.has(template.id) ? ` · ${i18n.t('managed.setByOrganization')}` : ''}
              {template.id === current && unsaved ? ` · ${i18n.t('editor.unsavedTag')}` : ''}
            </span>{' '}
            <button
              type="button"
              className="small secondary"
              aria-label={i18n.t('editor.duplicateNamed', [template.name])}
              onClick={() => guarded(() => duplicate(template, i18n.t('editor.copyOf', [template.name]), taken))}
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
      {pending ? (
        <ConfirmDialog
          title={i18n.t('editor.discardTitle')}
          body={i18n.t('editor.discardBody', [currentName])}
          confirmLabel={i18n.t('editor.discardConfirm')}
          cancelLabel={i18n.t('editor.keepEditing')}
          onCancel={() => setPending(undefined)}
          onConfirm={() => {
            setPending(undefined);
            pending();
          }}
        />
      ) : null}
    </nav>
  );
}
