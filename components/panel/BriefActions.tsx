import { i18n } from '#i18n';
import { useState } from 'react';
import { renderBrief } from '../../lib/brief';
import type { Handoff } from '../../lib/checklist-status';
import { HOST_NAMES, type RecordRef } from '../../lib/record';
import { messenger } from '../../lib/messages';
import { batonDb } from '../storage/db';
import { markBriefSent } from '../storage/handoff-events';
import { copyText, insertOrCopy, outcomeMessage, type SendOutcome } from './send-text';
import { useYourName } from './use-your-name';

interface BriefActionsProps {
  recordRef: RecordRef;
  recordTitle: string | undefined;
  handoff: Handoff;
  /** Set right after the guarded move went through: the offer is made prominent. */
  movedTo?: string;
}

/** Copy brief / Insert brief, once the checklist is complete. */
export function BriefActions({ recordRef, recordTitle, handoff, movedTo }: BriefActionsProps) {
  const name = useYourName();
  const [outcome, setOutcome] = useState<{ result: SendOutcome; text: string }>();
  const host = HOST_NAMES[recordRef.host];

  const send = async (how: 'insert' | 'copy') => {
    const text = renderBrief({ template: handoff.template, values: handoff.values, record: recordRef, recordTitle, handedOffBy: name || undefined, at: new Date() });
    const result = how === 'insert' ? await insertOrCopy(recordRef, text) : await copyText(text);
    setOutcome({ result, text });
    // Inserted or copied: the handoff counts as sent (the handoffs page shows it).
    if (result.kind === 'failed') return;
    await markBriefSent(batonDb(), recordRef, handoff.template.id, text);
    // Not connected to a team server, or the worker asleep: the outbox keeps it either way.
    await messenger.sendMessage('syncNow').catch(() => undefined);
  };

  return (
    <section className={`brief${movedTo ? ' brief--moved' : ''}`} aria-label={i18n.t('panel.brief.label')} data-testid="brief-actions">
      <p className="brief__lead">
        {movedTo ? i18n.t('panel.brief.leadMoved', [movedTo]) : i18n.t('panel.brief.leadComplete')}
      </p>
      <div className="brief__buttons">
        <button type="button" className="button" onClick={() => void send('insert')}>
          {i18n.t('panel.brief.insert')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => void send('copy')}>
          {i18n.t('panel.brief.copy')}
        </button>
      </div>
      {!name ? <p className="help">{i18n.t('panel.brief.nameTip')}</p> : null}
      {outcome ? (
        <p className={`notice ${outcome.result.kind === 'failed' ? 'notice--error' : 'notice--ok'}`} role="status" data-testid="brief-outcome">
          {outcomeMessage(outcome.result, host)}
        </p>
      ) : null}
      {outcome?.result.kind === 'failed' ? <textarea className="brief__text" readOnly value={outcome.text} rows={8} aria-label={i18n.t('panel.brief.text')} /> : null}
    </section>
  );
}
