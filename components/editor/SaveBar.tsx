import { i18n } from '#i18n';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { messenger } from '../../lib/messages';
import { may } from '../../lib/sync/roles';
import type { TeamConnection } from '../../lib/sync/connection';
import { templateFromDraft } from '../../lib/template-editor/editor-state';
import { download } from '../handoffs/download';
import { batonDb } from '../storage/db';
import { nextVersion, saveNewVersion } from '../storage/templates';
import { publishTemplate } from '../sync/team-templates';
import { useEditorStore } from './editor-store';
import { ConfirmDialog } from './ConfirmDialog';
import { jumpToProblem } from './jump-to-problem';
import { useEditorProblems, useVisibleProblems } from './use-editor-problems';
import { templateProblemText } from '../words/template-problem-words';

type Outcome = { kind: 'ok' | 'error'; text: string } | undefined;

/** Save (every save is a new version), archive, export and, for a team's admin, publish. */
export function SaveBar({ connection, locked }: { connection: TeamConnection | null; locked: boolean }) {
  const draft = useEditorStore((state) => state.draft);
  const open = useEditorStore((state) => state.open);
  const problems = useEditorProblems();
  const visible = useVisibleProblems();
  const trySave = useEditorStore((state) => state.trySave);
  const [confirmArchive, setConfirmArchive] = useState(false);
  const saved = useLiveQuery(() => (draft ? batonDb().templates.get(draft.id) : undefined), [draft?.id]);
  const [outcome, setOutcome] = useState<Outcome>();
  const [busy, setBusy] = useState(false);
  if (!draft) return null;

  const run = async (work: () => Promise<string>) => {
    setBusy(true);
    try {
      setOutcome({ kind: 'ok', text: await work() });
    } catch (error) {
      setOutcome({ kind: 'error', text: (error as Error).message });
    } finally {
      setBusy(false);
    }
  };
  const save = (archived = draft.archived) =>
    run(async () => {
      const db = batonDb();
      const result = templateFromDraft({ ...draft, archived }, await nextVersion(db, draft.id));
      if (!result.ok) throw new Error(i18n.t('editor.cannotSave'));
      await saveNewVersion(db, result.template);
      open(result.template);
      // Open tabs judge by the new version from now on.
      await messenger.sendMessage('templatesChanged', undefined).catch(() => undefined);
      return i18n.t(archived ? 'editor.archivedAs' : 'editor.savedAs', [String(result.template.version)]);
    });
  const publish = () =>
    run(async () => {
      if (!connection || !saved) throw new Error(i18n.t('editor.nothingToPublish'));
      const published = await publishTemplate(connection, saved);
      return i18n.t('editor.published', [String(published.version)]);
    });
  const unsaved = saved === undefined || draft.baseVersion !== saved.version;
  const admin = connection !== null && may(connection.member.role, 'manageTemplates');

  return (
    <div className="save-bar">
      {visible.length > 0 ? (
        <div className="notice notice--error" data-testid="editor-problems">
          <p id="problems-title">{i18n.t('editor.problems', visible.length)}</p>
          <p className="muted">{i18n.t('editor.problemsHint')}</p>
          <ul aria-labelledby="problems-title">
            {visible.map((problem) => (
              <li key={`${problem.path.join('.')}/${problem.message}`}>
                <button type="button" className="link" onClick={() => jumpToProblem(problem.path)}>
                  {templateProblemText(problem.words)}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="row">
        {/* With problems, Save shows them all and goes to the first, instead of doing nothing. */}
        {/* Busy is aria-disabled, not disabled: a disabled button drops keyboard focus to the page's top mid-save. */}
        <button
          type="button"
          disabled={locked}
          aria-disabled={busy || undefined}
          onClick={() => {
            if (busy) return;
            if (problems.length === 0) return void save();
            trySave();
            jumpToProblem(problems[0]!.path);
          }}
        >
          {i18n.t('editor.save')}
        </button>
        {draft.baseVersion > 0 ? (
          <button
            type="button"
            className="secondary"
            disabled={locked || busy || problems.length > 0}
            onClick={() => {
              if (draft.archived) return void save(false);
              setConfirmArchive(true);
            }}
          >
            {draft.archived ? i18n.t('editor.unarchive') : i18n.t('editor.archive')}
          </button>
        ) : null}
        {saved ? (
          <button type="button" className="secondary" onClick={() => download(`${saved.id}-v${saved.version}.json`, `${JSON.stringify(saved, null, 2)}\n`, 'application/json')}>
            {i18n.t('editor.export', [String(saved.version)])}
          </button>
        ) : null}
        {admin && saved ? (
          <button type="button" disabled={busy || locked} onClick={() => void publish()}>
            {i18n.t('editor.publish', [String(saved.version)])}
          </button>
        ) : null}
      </div>
      {admin && unsaved && saved ? <p className="muted">{i18n.t('editor.publishSavedOnly')}</p> : null}
      {confirmArchive ? (
        <ConfirmDialog
          title={i18n.t('editor.archiveTitle', [draft.name])}
          body={i18n.t('editor.archiveBody')}
          confirmLabel={i18n.t('editor.archiveConfirm')}
          cancelLabel={i18n.t('editor.cancel')}
          onCancel={() => setConfirmArchive(false)}
          onConfirm={() => {
            setConfirmArchive(false);
            void save(true);
          }}
        />
      ) : null}
      <p className={outcome ? `notice notice--${outcome.kind}` : 'sr-only'} role={outcome?.kind === 'error' ? 'alert' : 'status'} data-testid="save-outcome">
        {outcome?.text}
      </p>
    </div>
  );
}
