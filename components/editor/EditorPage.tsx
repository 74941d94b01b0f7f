import { i18n } from '#i18n';
import { managedTemplateIds } from '../../lib/managed-policy';
import { problemAnchor } from '../../lib/template-editor/problem-words';
import { useEditorStore } from './editor-store';
import { FieldsEditor } from './FieldsEditor';
import { PanelPreview } from './PanelPreview';
import { ProblemText } from './ProblemText';
import { ReceiptEditor } from './ReceiptEditor';
import { SaveBar } from './SaveBar';
import { TargetsEditor } from './TargetsEditor';
import { TemplatePicker } from './TemplatePicker';
import { UndoButtons } from './UndoButtons';
import { useEditorContext } from './use-editor-context';
import { useUnsavedGuard } from './use-unsaved-guard';

/** The template editor: handoff templates written without JSON, saved as versions, published to a team. */
export function EditorPage() {
  const { policy, connection, seen } = useEditorContext();
  const draft = useEditorStore((state) => state.draft);
  const announcement = useEditorStore((state) => state.announcement);
  const setDetails = useEditorStore((state) => state.setDetails);
  const managedIds = managedTemplateIds(policy);
  const locked = draft !== undefined && managedIds.has(draft.id);
  useUnsavedGuard();

  return (
    <div className="editor">
      <header className="editor__header">
        <h1>{i18n.t('editor.title')}</h1>
        {draft && !locked ? <UndoButtons /> : null}
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
              <input data-anchor={problemAnchor(['name'])} value={draft.name} maxLength={80} onChange={(event) => setDetails({ name: event.target.value })} />
              <ProblemText path={['name']} />
            </label>
            <label>
              {i18n.t('editor.description')}
              <textarea data-anchor={problemAnchor(['description'])} rows={2} value={draft.description} onChange={(event) => setDetails({ description: event.target.value })} />
              <ProblemText path={['description']} />
            </label>
          </fieldset>
          <TargetsEditor seen={seen} disabled={locked} />
          <FieldsEditor disabled={locked} />
          <ReceiptEditor disabled={locked} />
          <fieldset className="settings" disabled={locked}>
            <legend>{i18n.t('editor.settings')}</legend>
            <label className="inline">
              <input type="checkbox" checked={draft.qualityBlocks} aria-describedby="quality-blocks-help" onChange={(event) => setDetails({ qualityBlocks: event.target.checked })} />
              {i18n.t('editor.qualityBlocksTemplate')}
            </label>
            <p id="quality-blocks-help" className="muted">
              {i18n.t('editor.qualityBlocksHelp')}
            </p>
          </fieldset>
          {/* Keyed by template: "Saved as version 2" of one template is never shown under another. */}
          <SaveBar key={draft.id} connection={connection} locked={locked} />
        </main>
      ) : (
        <main className="editor__main">
          <p>{i18n.t('editor.pickOne')}</p>
        </main>
      )}
      {draft ? <PanelPreview key={draft.id} /> : null}
      <div className="sr-only" role="status" aria-live="polite" data-testid="editor-announcement">
        {announcement}
      </div>
    </div>
  );
}
