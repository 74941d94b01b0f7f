import type { RecordRef } from '../record';
import type { Answer } from '../stored';
import type { Change, HandoffKey } from './schemas';

// The changes a local edit queues for the team server, built from what the edit already knows.
// Ids are client-generated (a retried push is stored once); clientAt is shown, never ordered by.

export type FieldChange = Extract<Change, { kind: 'field' }>;

export interface ChangeStamp {
  id: string;
  clientAt: number;
}

export function handoffOf(ref: RecordRef, templateId: string): HandoffKey {
  return { host: ref.host, objectType: ref.objectType, recordId: ref.recordId, templateId };
}

export interface FieldEdit {
  ref: RecordRef;
  templateId: string;
  fieldId: string;
  value: string;
  recordTitle?: string;
  recordUrl?: string;
}

/** A field's new value, over the server value this client last saw (baseSeq; 0 for none). */
export function fieldChange(edit: FieldEdit, baseSeq: number, stamp: ChangeStamp): FieldChange {
  return {
    ...stamp,
    kind: 'field',
    handoff: handoffOf(edit.ref, edit.templateId),
    fieldId: edit.fieldId,
    value: edit.value,
    baseSeq,
    ...(edit.recordTitle ? { recordTitle: edit.recordTitle.slice(0, 300) } : {}),
    ...(edit.recordUrl ? { recordUrl: edit.recordUrl } : {}),
  };
}

/**
 * The handoff's completeness crossed over (draft to ready or back): the server's state machine
 * hears it. Only before the brief went out: after that the state is the next owner's to change.
 */
export function completenessChange(handoff: HandoffKey, before: boolean, after: boolean, sent: boolean, stamp: ChangeStamp): Change | undefined {
  if (sent || before === after) return undefined;
  return { ...stamp, kind: 'state', handoff, to: after ? 'ready' : 'draft' };
}

/**
 * Sending a brief: the handoff is ready (said again, in case it became complete before this
 * device joined the team) and then sent, in this order, in one push.
 */
export function briefChanges(handoff: HandoffKey, brief: string, stamps: [ChangeStamp, ChangeStamp]): Change[] {
  return [
    { ...stamps[0], kind: 'state', handoff, to: 'ready' },
    { ...stamps[1], kind: 'briefSent', handoff, brief },
  ];
}

export function receiptChange(handoff: HandoffKey, answer: Answer, checked: string[], stamp: ChangeStamp): Change {
  const by = answer.by ? { by: answer.by } : {};
  const reason = answer.reason ? { reason: answer.reason } : {};
  return { ...stamp, kind: 'receipt', handoff, answer: { decision: answer.decision, at: answer.at, ...by, ...reason }, checked };
}

/** The rep picked the template this record is handed off with. */
export function templateChoiceChange(ref: RecordRef, templateId: string, stamp: ChangeStamp): Change {
  return { ...stamp, kind: 'templateChoice', ref: { host: ref.host, objectType: ref.objectType, recordId: ref.recordId }, templateId };
}

/** A stage move Baton judged: blocked, let through, or seen after the fact while it was blind (unverified). */
export function moveChange(ref: RecordRef, stage: string, outcome: 'blocked' | 'allowed' | 'unverified', stamp: ChangeStamp): Change {
  return { ...stamp, kind: 'move', ref: { host: ref.host, objectType: ref.objectType, recordId: ref.recordId }, stage: stage.slice(0, 200), outcome };
}
