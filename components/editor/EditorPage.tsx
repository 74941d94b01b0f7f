import { i18n } from '#i18n';
import { managedTemplateIds } from '../../lib/managed-policy';
import { useEditorStore } from './editor-store';
import { FieldsEditor } from './FieldsEditor';
import { PanelPreview } from './PanelPreview';
import { ProblemText } from './ProblemText';
import { ReceiptEditor } from './ReceiptEditor';
import { SaveBar } from './SaveBar';
import { TargetsEditor } from './TargetsEditor';
import { TemplatePicker } from './TemplatePicker';
import { useDraftResult } from './use-editor-problems';
import { useEditorContext } from './use-editor-context';

/** The template editor: handoff templates written without JSON, saved as versions, published to a team. */
export function EditorPage() {
  const { policy, connection, seen } = useEditorContext();
  const draft = useEditorStore((state) => state.draft);
  const announcement = useEditorStore((state) => state.announcement);
  const setDetails = useEditorStore((state) => state.setDetails);
  const result = useDraftResult();
  const managedIds = managedTemplateIds(policy);
  const locked = draft !== undefined && managedIds.has(draft.id);

  return (
    <div className="editor">
      <header className="editor__header">
        <h1>{i18n.t('editor.title')}</h1>
        <a href="/options.html">{i18n.t('editor.backToSettings')}</a>
      </header>
      <TemplatePicker managedIds={managedIds} />
      {draft ? (
        <main className="editor__main" aria-labelledby="draft-title">
          <h2 id="draft-title">
            {draft.name || draft.id}{' '}
            <span className="muted">{draft.baseVersion > 0 ? i18n.t('editor.editingVersion', [String(draft.baseVersion)]) : i18n.t('editor.notSavedYet')}</span>
          </h2>
          {locked ? (
            <p className="notice locked" data-testid="template-locked">
              {i18n.t('managed.setByOrganization')}: {i18n.t('editor.lockedTemplate')}
            </p>
          ) : null}
          <fieldset className="details" disabled={locked}>
            <legend>{i18n.t('editor.details')}</legend>
            <label>
              {i18n.t('editor.name')}
              <input value={draft.name} onChange={(event) => setDetails({ name: event.target.value })} />
              <ProblemText path={['name']} />
            </label>
            <label>
              {i18n.t('editor.description')}
              <textarea rows={2} value={draft.description} onChange={(event) => setDetails({ description: event.target.value })} />
              <ProblemText path={['description']} />
            </label>
          </fieldset>
          <TargetsEditor seen={seen} disabled={locked} />
          <FieldsEditor disabled={locked} />
          <ReceiptEditor disabled={locked} />
          <SaveBar connection={connection} locked={locked} />
        </main>
      ) : (
        <main className="editor__main">
          <p>{i18n.t('editor.pickOne')}</p>
        </main>
      )}
      {result?.ok ? <PanelPreview key={draft?.id} template={result.template} /> : null}
      <div className="sr-only" role="status" aria-live="polite" data-testid="editor-announcement">
        {announcement}
      </div>
    </div>
  );
}
