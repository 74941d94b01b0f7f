import { completeness } from './completeness';
import { ownEntry } from './own-key';
import { normalizeNoteText, RECORD_PART, SEPARATOR, SIGNER_PART } from './note-format';
import type { HostApp, RecordRef } from './record';
import type { FieldValues, Template } from './template';

// The handoff brief: plain text that reads well in any host's notes (no Markdown, no HTML),
// and that Baton can read back from them however the host re-renders it.
//
//   Handoff brief · Sales → Onboarding
//   Record: Acme Corp - Annual plan
//
//   Client goals: Cut onboarding from 6 weeks to 2.
//   ...
//   Special terms: (none)
//
//   Handed off by Maria Lopez on 2026-11-26 14:03 UTC to dana@example.com.
//   Baton · sales-to-onboarding v1 · hubspot deal 1001 · 6/6 required

export interface BriefInput {
  template: Template;
  values: FieldValues;
  record: RecordRef;
  /** The host's name for the record. */
  recordTitle?: string;
  /** Who hands off (the sender's name or email), when known. */
  handedOffBy?: string;
  at: Date;
}

export const NONE = '(none)';

export function renderBrief(input: BriefInput): string {
  const { template, values, record } = input;
  const status = completeness(template, values);
  const lines = [`Handoff brief · ${template.name}`];
  if (input.recordTitle) lines.push(`Record: ${singleLine(input.recordTitle)}`);
  lines.push('');
  for (const field of template.fields) lines.push(`${field.label}: ${displayValue(field.kind, ownEntry(values, field.id))}`);
  lines.push('');
  const by = input.handedOffBy ? ` by ${singleLine(input.handedOffBy)}` : '';
  const owner = template.ownerField ? ownEntry(values, template.ownerField)?.trim() : undefined;
  lines.push(`Handed off${by} on ${formatUtc(input.at)}${owner ? ` to ${singleLine(owner)}` : ''}.`);
  lines.push(`Baton · ${template.id} v${template.version} · ${record.host} ${record.objectType} ${record.recordId} · ${status.filled}/${status.required} required`);
  return lines.join('\n');
}

function displayValue(kind: Template['fields'][number]['kind'], value: string | undefined): string {
  const text = (value ?? '').trim();
  if (kind === 'checkbox') return text === 'true' ? 'yes' : 'no';
  return text === '' ? NONE : text.replace(/\r\n?/g, '\n');
}

export function singleLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** "2026-11-25 14:03 UTC": unambiguous for a team spread over time zones. */
export function formatUtc(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

// ---- Reading a brief back -----------------------------------------------------------------

export interface ParsedBriefField {
  fieldId: string;
  label: string;
  /** undefined when the label could not be found in the text. */
  value: string | undefined;
}

export interface ParsedBrief {
  templateId: string;
  templateVersion: number;
  record: RecordRef;
  /** What the sender's Baton counted when it wrote the brief. */
  declared: { filled: number; required: number };
  by?: string;
  at?: Date;
  nextOwner?: string;
  /** Present when the template is installed here; in template order. */
  fields?: ParsedBriefField[];
  /** Every field was found in the text and the template is known. */
  readable: boolean;
  /** Readable, and the values read make the checklist complete. Never true for a partial read. */
  complete: boolean;
}

const TRAILER = new RegExp(
  `Baton${SEPARATOR}([a-zA-Z][\\w-]{0,63})\\s+v(\\d+)${SEPARATOR}${RECORD_PART}${SEPARATOR}(\\d+)\\s*/\\s*(\\d+)\\s+required`,
);
// The sender's name is bounded: unbounded, every " on <date> UTC" of a crafted note was a
// place to retry from, and the parse grew with the square of the note's length.
const HANDED_OFF = new RegExp(`Handed off(?: by ${SIGNER_PART})? on (\\d{4}-\\d{2}-\\d{2}) (\\d{2}:\\d{2}) UTC(?: to (.+?))?\\.(?=\\s*Baton\\b|\\s*$)`, 's');

/** True when a note's text looks like a Baton brief (cheap, for scanning a page's notes). */
export function looksLikeBrief(text: string): boolean {
  return TRAILER.test(text);
}

/**
 * Reads a brief back from a host note, tolerant of how hosts re-render text: line breaks
 * collapsed, extra whitespace, bold and links dropped to their text. Values are taken
 * between the template's labels, in template order. Returns undefined when the text holds no
 * brief at all. The result is data only: nothing in it is ever treated as markup. Reads the
 * first MAX_NOTE_CHARS of the note, in time linear in that length.
 */
export function parseBrief(text: string, templates: Template[]): ParsedBrief | undefined {
  const normalized = normalizeNoteText(text);
  const trailer = TRAILER.exec(normalized);
  if (!trailer) return undefined;
  const [, templateId, version, host, objectType, recordId, filled, required] = trailer;
  const before = normalized.slice(0, trailer.index);
  // The last sign-off: a value may itself say "Handed off by …".
  const signOff = Math.max(0, before.lastIndexOf('Handed off'));
  const handedOff = HANDED_OFF.exec(before.slice(signOff));
  const body = handedOff ? before.slice(0, signOff + handedOff.index) : before;
  const template = templates.find((candidate) => candidate.id === templateId);
  const fields = template ? readFields(body, template) : undefined;
  const readable = fields !== undefined && fields.every((field) => field.value !== undefined);
  const values = Object.fromEntries((fields ?? []).map((field) => [field.fieldId, field.value ?? '']));
  return {
    templateId: templateId!,
    templateVersion: Number(version),
    record: { host: host as HostApp, objectType: objectType!, recordId: recordId! },
    declared: { filled: Number(filled), required: Number(required) },
    by: handedOff?.[1]?.trim(),
    at: handedOff ? new Date(`${handedOff[2]}T${handedOff[3]}:00Z`) : undefined,
    nextOwner: handedOff?.[4]?.trim(),
    fields,
    readable,
    complete: readable && template !== undefined && completeness(template, values).complete,
  };
}

function readFields(body: string, template: Template): ParsedBriefField[] {
  const lowered = body.toLowerCase();
  const starts: { index: number; end: number }[] = [];
  let from = 0;
  for (const field of template.fields) {
    const index = lowered.indexOf(`${field.label.toLowerCase()}:`, from);
    starts.push(index < 0 ? { index: -1, end: -1 } : { index, end: index + field.label.length + 1 });
    if (index >= 0) from = index + field.label.length + 1;
  }
  return template.fields.map((field, position) => {
    const start = starts[position]!;
    if (start.index < 0) return { fieldId: field.id, label: field.label, value: undefined };
    const next = starts.slice(position + 1).find((candidate) => candidate.index >= 0);
    const raw = body.slice(start.end, next ? next.index : undefined);
    const value = raw.replace(/[ \t]*\n[ \t]*/g, '\n').trim();
    return { fieldId: field.id, label: field.label, value: fromDisplay(field.kind, value) };
  });
}

function fromDisplay(kind: Template['fields'][number]['kind'], value: string): string {
  if (kind === 'checkbox') return /^yes\b/i.test(value) ? 'true' : '';
  return value === NONE ? '' : value;
}
