import { useState } from 'react';
import { i18n } from '#i18n';
import type { InviteCreated } from '../../../lib/sync/schemas';
import { LocalTime } from '../LocalTime';

/**
 * A new invite's code, shown this once (the server keeps only its hash): copy it and send it to
 * the person yourself. Closing it forgets it.
 */
export function InviteCode({ invite, onDone }: { invite: InviteCreated; onDone: () => void }) {
  const [copied, setCopied] = useState<'yes' | 'failed'>();
  async function copy() {
    try {
      await navigator.clipboard.writeText(invite.code);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  }
  return (
    <div className="notice notice--ok invite-code" data-testid="invite-code" role="status">
      <p>{i18n.t('teamView.members.codeFor', [invite.email, i18n.t(`teamView.members.roles.${invite.role}`)])}</p>
      <p>
        <code data-testid="invite-code-value">{invite.code}</code>{' '}
        <button type="button" onClick={() => void copy()}>
          {i18n.t('teamView.members.copy')}
        </button>{' '}
        <span aria-live="polite">{copied === 'yes' ? i18n.t('teamView.members.copied') : copied === 'failed' ? i18n.t('teamView.members.copyFailed') : ''}</span>
      </p>
      <p>
        {i18n.t('teamView.members.expires')} <LocalTime at={invite.expiresAt} />. {i18n.t('teamView.members.once')}
      </p>
      <button type="button" className="secondary" onClick={onDone}>
        {i18n.t('teamView.members.done')}
      </button>
    </div>
  );
}
