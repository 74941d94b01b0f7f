import { i18n } from '#i18n';
import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { renderReceipt } from '../../lib/receipt';
import { HOST_NAMES, type RecordRef } from '../../lib/record';
import type { Answer, Receipt } from '../../lib/stored';
import type { Template } from '../../lib/template';
import { messenger } from '../../lib/messages';
import type { HandoffKey } from '../../lib/sync/schemas';
import { batonDb } from '../storage/db';
import { saveReceipt } from '../storage/handoff-events';
import { handoffKey } from '../storage/handoffs';
import { insertOrCopy, outcomeMessage, type SendOutcome } from './send-text';
import { useYourName } from './use-your-name';

interface ReceiptFormProps {
  /** The record open in this tab: the receipt is kept, and posted, here. */
  recordRef: RecordRef;
  template: Template;
  /** The handoff this receipt answers: the record the brief names, with its template. */
  answers: HandoffKey;
}

/**
 * The next owner's side: work through the receipt checklist, then Accept (take ownership) or
 * Send back with a reason. Either answer becomes a short note for the host's composer.
 */
export function ReceiptForm({ recordRef, template, answers }: ReceiptFormProps) {
  const id = useId();
  const name = useYourName();
  const key = handoffKey(recordRef, template.id);
  const receipt = useLiveQuery(() => batonDb().receipts.get(key), [key.join('/')]);
  const [reason, setReason] = useState('');
  const [sendingBack, setSendingBack] = useState(false);
  const [outcome, setOutcome] = useState<SendOutcome>();
  // Shown at once on a click; the stored receipt (a local draft) follows a moment later.
  const [justChecked, setJustChecked] = useState<string[]>();
  const checked = justChecked ?? receipt?.checked ?? [];
  const allChecked = template.receipt.every((item) => checked.includes(item));

  const save = async (change: Partial<Receipt>) => {
    await saveReceipt(batonDb(), recordRef, template.id, change, answers);
    if (change.answer) await messenger.sendMessage('syncNow').catch(() => undefined);
  };

  const toggle = (item: string, on: boolean) => {
    const next = on ? [...checked.filter((each) => each !== item), item] : checked.filter((each) => each !== item);
    setJustChecked(next);
    void save({ checked: next });
  };

  const answer = async (decision: Answer['decision']) => {
    const at = new Date();
    const text = renderReceipt({ template, record: recordRef, decision, by: name || undefined, checked, reason: decision === 'sentBack' ? reason : undefined, at });
    const result = await insertOrCopy(recordRef, text);
    setOutcome(result);
    if (result.kind !== 'failed') await save({ answer: { decision, by: name || undefined, at: at.getTime(), reason: decision === 'sentBack' ? reason.trim() : undefined } });
  };

  return (
    <section className="receipt" aria-labelledby={`${id}-title`} data-testid="receipt">
      <h2 id={`${id}-title`}>{i18n.t('panel.receipt.title')}</h2>
      <ul className="receipt__items">
        {template.receipt.map((item) => (
          <li key={item}>
            <label>
              <input type="checkbox" checked={checked.includes(item)} onChange={(event) => toggle(item, event.target.checked)} /> {item}
            </label>
          </li>
        ))}
      </ul>
      {receipt?.answer ? (
        <p className="notice notice--ok" data-testid="receipt-answer">
          {i18n.t(receipt.answer.decision === 'accepted' ? 'panel.receipt.accepted' : 'panel.receipt.sentBack', [new Date(receipt.answer.at).toLocaleString()])}
        </p>
      ) : null}
      <div className="brief__buttons">
        <button type="button" className="button" disabled={!allChecked} onClick={() => void answer('accepted')}>
          {i18n.t('panel.receipt.accept')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => setSendingBack(!sendingBack)} aria-expanded={sendingBack}>
          {i18n.t('panel.receipt.sendBack')}
        </button>
      </div>
      {!allChecked ? <p className="help">{i18n.t('panel.receipt.tickAll')}</p> : null}
      {sendingBack ? (
        <div className="field">
          <label htmlFor={`${id}-reason`}>{i18n.t('panel.receipt.reason')}</label>
          <textarea id={`${id}-reason`} value={reason} rows={3} maxLength={2000} onChange={(event) => setReason(event.target.value)} />
          <button type="button" className="button" disabled={reason.trim() === ''} onClick={() => void answer('sentBack')}>
            {i18n.t('panel.receipt.sendBackWithReason')}
          </button>
        </div>
      ) : null}
      {outcome ? (
        <p className={`notice ${outcome.kind === 'failed' ? 'notice--error' : 'notice--ok'}`} role="status" data-testid="receipt-outcome">
          {outcomeMessage(outcome, HOST_NAMES[recordRef.host])}
        </p>
      ) : null}
    </section>
  );
}
