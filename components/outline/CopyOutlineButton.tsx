import { i18n } from '#i18n';
import { useState } from 'react';
import { messenger } from '../../lib/messages';
import { copyText } from '../panel/send-text';

type Outcome = { kind: 'idle' } | { kind: 'copied' } | { kind: 'failed'; message: string };

/**
 * "Copy page outline": the page's element structure (no text, no values) onto the clipboard,
 * for a rep whose CRM renders markup Baton does not know. `tabId` when asked from the popup.
 */
export function CopyOutlineButton({ tabId }: { tabId?: number }) {
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });

  const copy = async () => {
    try {
      const outline = await messenger.sendMessage('requestPageOutline', { tabId });
      const copied = await copyText(outline);
      setOutcome(copied.kind === 'copied' ? { kind: 'copied' } : { kind: 'failed', message: copied.kind === 'failed' ? copied.message : '' });
    } catch {
      setOutcome({ kind: 'failed', message: i18n.t('panel.outline.failed') });
    }
  };

  return (
    <>
      <button type="button" className="link" onClick={() => void copy()}>
        {i18n.t('panel.outline.copy')}
      </button>
      <span role="status" data-testid="outline-outcome">
        {outcome.kind === 'copied'
          ? ` ${i18n.t('panel.outline.copied')}`
          : outcome.kind === 'failed'
            ? ` ${outcome.message}`
            : ''}
      </span>
    </>
  );
}
