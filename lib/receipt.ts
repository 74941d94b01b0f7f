import { formatUtc, singleLine } from './brief';
import { normalizeNoteText, RECORD_PART, SEPARATOR, SIGNER_PART } from './note-format';
import type { HostApp, RecordRef } from './record';
import type { Answer } from './stored';
import type { Template } from './template';

// The next owner's answer to a brief, posted in the same record with the host's own composer:
//
//   Handoff accepted · Sales → Onboarding
//   Accepted by Dana Kim on 2026-11-27 09:12 UTC. Checked: I have read the brief; Kickoff scheduled.
//   Baton receipt · sales-to-onboarding v1 · hubspot deal 1001 · accepted
//
// or "Handoff sent back", "Sent back by …", then "Reason: …".

export interface ReceiptInput {
  template: Template;
  record: RecordRef;
  decision: Answer['decision'];
  by?: string;
  checked: string[];
  reason?: string;
  at: Date;
}

const WORDS = { accepted: { title: 'accepted', verb: 'Accepted' }, sentBack: { title: 'sent back', verb: 'Sent back' } } as const;

export function renderReceipt(input: ReceiptInput): string {
  const words = WORDS[input.decision];
  const by = input.by ? ` by ${singleLine(input.by)}` : '';
  const checked = input.checked.length > 0 ? ` Checked: ${input.checked.join('; ')}.` : '';
  const lines = [`Handoff ${words.title} · ${input.template.name}`, `${words.verb}${by} on ${formatUtc(input.at)}.${checked}`];
  if (input.decision === 'sentBack') lines.push(`Reason: ${(input.reason ?? '').trim()}`);
  const { host, objectType, recordId } = input.record;
  lines.push(`Baton receipt · ${input.template.id} v${input.template.version} · ${host} ${objectType} ${recordId} · ${words.title}`);
  return lines.join('\n');
}

export interface ParsedReceipt {
  templateId: string;
  record: RecordRef;
  answer: Answer;
}

const TRAILER = new RegExp(
  `Baton receipt${SEPARATOR}([a-zA-Z][\\w-]{0,63})\\s+v\\d+${SEPARATOR}${RECORD_PART}${SEPARATOR}(accepted|sent back)`,
);
/** Bounded name: see HANDED_OFF in brief.ts (each "Accepted by" of a crafted line was a retry). */
const SIGNED = new RegExp(`(Accepted|Sent back)(?: by ${SIGNER_PART})? on (\\d{4}-\\d{2}-\\d{2}) (\\d{2}:\\d{2}) UTC\\.`);

export function looksLikeReceipt(text: string): boolean {
  return TRAILER.test(text);
}

/** Reads a receipt back from a host note; as tolerant as parseBrief. Data only. */
export function parseReceipt(text: string): ParsedReceipt | undefined {
  const normalized = normalizeNoteText(text);
  const trailer = TRAILER.exec(normalized);
  if (!trailer) return undefined;
  const [, templateId, host, objectType, recordId, title] = trailer;
  const before = normalized.slice(0, trailer.index);
  const signed = SIGNED.exec(before);
  const reason = /Reason:\s*([\s\S]*)$/.exec(before)?.[1]?.trim();
  return {
    templateId: templateId!,
    record: { host: host as HostApp, objectType: objectType!, recordId: recordId! },
    answer: {
      decision: title === 'accepted' ? 'accepted' : 'sentBack',
      by: signed?.[2]?.trim(),
      at: signed ? Date.parse(`${signed[3]}T${signed[4]}:00Z`) : 0,
      reason: title === 'accepted' ? undefined : reason,
    },
  };
}
