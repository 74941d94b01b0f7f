import { i18n } from '#i18n';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo } from 'react';
import type { ParsedBrief } from '../../lib/brief';
import { readHandoffNotes } from '../../lib/handoff-notes';
import type { ParsedReceipt } from '../../lib/receipt';
import { recordLabel, type RecordRef } from '../../lib/record';
import type { Answer } from '../../lib/stored';
import { DEFAULT_RECEIPT, type Template } from '../../lib/template';
import { batonDb } from '../storage/db';
import { handoffKey } from '../storage/handoffs';
import { briefFieldAnchor, IncomingBrief } from './IncomingBrief';
import { SummarizeHandoff } from '../ai/SummarizeHandoff';
import { ReceiptForm } from './ReceiptForm';
import { usePageNotes } from './use-page-notes';
import { mergeBriefs, readSyncedBriefs } from '../../lib/sync/synced-briefs';

/**
 * What the record's notes say of handoffs: the newest genuine brief as structured context with
 * the receiver's receipt, and the next owner's answers to briefs sent from here. Only notes
 * naming this record and not dated in the future count (lib/handoff-notes.ts).
 */
export function IncomingContext({ recordRef }: { recordRef: RecordRef }) {
  const texts = usePageNotes(recordRef);
  const templates = useLiveQuery(() => batonDb().templates.toArray(), []);
  const label = recordLabel(recordRef);
  const notes = useMemo(() => readHandoffNotes(texts, templates ?? [], recordRef, Date.now()), [texts, templates, label]); // label identifies recordRef
  const { receipts } = notes;
  useAnswersOnHandoffs(recordRef, receipts);
  // Team sync: briefs teammates sent that name or link to this record, and answers to this record's handoffs.
  const synced = useLiveQuery(() => batonDb().syncedBriefs.where('linked').equals(label).toArray(), [label]);
  const briefs = useMemo(() => mergeBriefs(notes.briefs, readSyncedBriefs(synced ?? [], templates ?? [], Date.now())), [notes, synced, templates]);
  const storedAnswer = useLiveQuery(async () => {
    const handoffs = await batonDb().handoffs.where('[host+objectType+recordId]').equals([recordRef.host, recordRef.objectType, recordRef.recordId]).toArray();
    return handoffs.flatMap((handoff) => (handoff.answer ? [handoff.answer] : [])).sort((a, b) => a.at - b.at).at(-1);
  }, [label]);

  const latest = briefs.at(-1);
  const template = latest && (templates?.find((candidate) => candidate.id === latest.templateId) ?? fallbackTemplate(latest));
  const previous = latest && briefs.slice(0, -1).reverse().find((brief) => brief.templateId === latest.templateId);
  const answer = receipts.at(-1) ?? (storedAnswer ? { answer: storedAnswer } : undefined);

  return (
    <>
      {answer ? (
        <p className={`notice ${answer.answer.decision === 'accepted' ? 'notice--ok' : 'notice--error'}`} data-testid="answer-seen">
          {answerText(answer.answer)}
          {answer.answer.reason ? `: ${answer.answer.reason}` : '.'}
        </p>
      ) : null}
      {latest ? <IncomingBrief brief={latest} previous={previous} templateName={template?.name} /> : null}
      {latest?.fields ? (
        <SummarizeHandoff fields={latest.fields} privateIds={new Set(template?.fields.filter((field) => field.private).map((field) => field.id))} fieldAnchor={briefFieldAnchor} />
      ) : null}
      {latest && template ? <ReceiptForm key={`${recordLabel(recordRef)}/${template.id}`} recordRef={recordRef} template={template} answers={{ ...latest.record, templateId: template.id }} /> : null}
    </>
  );
}

/** "Accepted by Rita on 3 Mar 2026, 10:04": who answered and when, each where known. */
function answerText(answer: Answer): string {
  const at = answer.at ? new Date(answer.at).toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' }) : undefined;
  return [
    answer.decision === 'accepted' ? i18n.t('panel.answer.accepted') : i18n.t('panel.answer.sentBack'),
    answer.by && i18n.t('panel.answer.by', [answer.by]),
    at && i18n.t('panel.answer.on', [at]),
  ]
    .filter(Boolean)
    .join(' ');
}

/** A brief of a template not installed here still gets a receipt checklist. */
function fallbackTemplate(brief: ParsedBrief): Template {
  return { id: brief.templateId, name: brief.templateId, version: brief.templateVersion, appliesTo: [{ host: brief.record.host, objectType: brief.record.objectType }], fields: [], receipt: DEFAULT_RECEIPT };
}

/** Receipts carry minutes, the sent time milliseconds. */
const MINUTE_MS = 60_000;

/**
 * Anyone who can add a note could write a receipt: of those that count for this record (its
 * own, not from the future), only a signed one dated after this handoff's brief was sent answers it.
 */
function answersBrief(answer: Answer, sentAt: number | undefined): boolean {
  return Boolean(answer.by) && sentAt !== undefined && answer.at >= sentAt - MINUTE_MS;
}

/** The sender's side: an answer seen in the record marks the local handoff accepted or sent back. */
function useAnswersOnHandoffs(recordRef: RecordRef, receipts: ParsedReceipt[]) {
  useEffect(() => {
    for (const { templateId, answer } of receipts) {
      void batonDb().transaction('rw', batonDb().handoffs, async () => {
        const key = handoffKey(recordRef, templateId);
        const handoff = await batonDb().handoffs.get(key);
        if (handoff && answersBrief(answer, handoff.sentAt) && (handoff.answer?.at ?? -1) < answer.at) await batonDb().handoffs.update(key, { answer });
      });
    }
  }, [receipts, recordRef]);
}
