import { i18n } from '#i18n';
import { useState } from 'react';
import type { Handoff } from '../../lib/checklist-status';
import { messenger } from '../../lib/messages';
import type { RecordRef } from '../../lib/record';
import { hasChanges, templateChanges } from '../../lib/template-editor/template-changes';

/**
 * A newer version of this handoff's template is out: what it changes (fields added, removed,
 * now required), and the rep's opt-in. Until then the handoff is judged by the version it started on.
 */
export function VersionNotice({ recordRef, handoff }: { recordRef: RecordRef; handoff: Handoff }) {
  const [failed, setFailed] = useState<string>();
  const newer = handoff.newer;
  if (!newer) return null;
  const changes = templateChanges(handoff.template, newer);
  const adopt = () =>
    messenger.sendMessage('adoptTemplateVersion', { ref: recordRef, templateId: newer.id }).then(
      () => setFailed(undefined),
      (error: unknown) => setFailed(String(error)),
    );
  return (
    <div className="notice notice--muted" data-testid="version-notice">
      <p>{i18n.t('editor.newVersion', [String(newer.version)])}</p>
      {hasChanges(changes) ? (
        <ul>
          {changes.added.length > 0 ? <li>{i18n.t('editor.newVersionAdded', [changes.added.join(', ')])}</li> : null}
          {changes.removed.length > 0 ? <li>{i18n.t('editor.newVersionRemoved', [changes.removed.join(', ')])}</li> : null}
          {changes.renamed.map(({ from, to }) => (
            <li key={from}>{i18n.t('editor.newVersionRenamed', [from, to])}</li>
          ))}
          {changes.nowRequired.length > 0 ? <li>{i18n.t('editor.newVersionRequired', [changes.nowRequired.join(', ')])}</li> : null}
        </ul>
      ) : (
        <p>{i18n.t('editor.newVersionNothing')}</p>
      )}
      <button type="button" onClick={() => void adopt()}>
        {i18n.t('editor.adopt', [String(newer.version)])}
      </button>
      {failed ? <p role="alert">{failed}</p> : null}
    </div>
  );
}
