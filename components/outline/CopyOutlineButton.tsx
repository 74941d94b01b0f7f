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
      setOutcome({ kind: 'failed', message: 'Baton could not read this page. Reload it and try again.' });
    }
  };

  return (
    <>
      <button type="button" className="link" onClick={() => void copy()}>
        Copy page outline
      </button>
      <span role="status" data-testid="outline-outcome">
        {outcome.kind === 'copied'
          ? ' Page outline copied: the page’s structure only, no text, names or values. Paste it into your message to us.'
          : outcome.kind === 'failed'
            ? ` ${outcome.message}`
            : ''}
      </span>
    </>
  );
}
