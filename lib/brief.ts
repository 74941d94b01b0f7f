import { completeness } from './completeness';
import { recordLabel, type RecordRef } from './record';
import type { FieldValues, Template } from './template';

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

/** Marks Baton's own last line, so a brief can be recognised in a host's notes. */
export const BRIEF_TRAILER = '-- baton';

/**
 * The handoff brief as plain text that reads well in any host: no Markdown, no HTML.
 * One "Label: value" block per field in template order; multi-line values keep their lines.
 */
export function renderBrief(input: BriefInput): string {
  const { template, values } = input;
  const status = completeness(template, values);
  const lines = [`Handoff brief · ${template.name}`];
  if (input.recordTitle) lines.push(`Record: ${singleLine(input.recordTitle)}`);
  lines.push('');
  for (const field of template.fields) {
    lines.push(`${field.label}: ${displayValue(field.kind, values[field.id])}`);
  }
  lines.push('');
  const owner = template.ownerField ? values[template.ownerField]?.trim() : undefined;
  if (owner) lines.push(`Next owner: ${singleLine(owner)}`);
  const by = input.handedOffBy ? ` by ${singleLine(input.handedOffBy)}` : '';
  lines.push(`Handed off${by} on ${formatUtc(input.at)}`);
  lines.push(
    `${BRIEF_TRAILER} ${template.id}@${template.version} ${recordLabel(input.record)} ${status.filled}/${status.required}`,
  );
  return lines.join('\n');
}

function displayValue(kind: Template['fields'][number]['kind'], value: string | undefined): string {
  const text = (value ?? '').trim();
  if (kind === 'checkbox') return text === 'true' ? 'yes' : 'no';
  return text === '' ? '(none)' : text.replace(/\r\n?/g, '\n');
}

function singleLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** "2026-11-25 14:03 UTC": unambiguous for a team spread over time zones. */
function formatUtc(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
