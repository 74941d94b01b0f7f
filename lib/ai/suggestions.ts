import type { DraftAnswer, SummaryAnswer } from './answers';
import { looksLikeInstruction } from './instruction-like';
import { plainText } from './prompts';
import { completeness, type FieldIssue } from '../completeness';
import { qualityFlags, type QualityContext, type QualityFlag } from '../quality';
import { maxLengthOf, type FieldValues, type Template, type TemplateField } from '../template';

// What Baton makes of a parsed answer. The model is not trusted: a suggestion whose quoted
// sentence is not in the notes is dropped as invented, and answers for fields that were not
// asked are ignored. What is left goes through the same checks as a typed answer, and a quote
// that speaks to the model is flagged: the notes may have steered it (see instruction-like.ts).

/** Why a suggestion needs a second look: the rep may still take it, but only one by one. */
export type SuggestionFlag =
  /** One of the field's quality checks (lib/quality.ts) flags the value. */
  | { kind: 'quality'; flag: QualityFlag }
  /** The value is not of the field's form (an email field given a name, a pattern not met). */
  | { kind: 'form'; issue: FieldIssue }
  /** The quoted sentence is an instruction to a model, not a fact about the customer. */
  | { kind: 'instruction' };

export type FieldSuggestion =
  | { fieldId: string; label: string; kind: 'suggested'; value: string; source: string; flags: SuggestionFlag[] }
  /** notAnswered: the notes say nothing; unsupported: the quote is not in the notes; unfit: not an allowed value. */
  | { fieldId: string; label: string; kind: 'notAnswered' | 'unsupported' | 'unfit' };

/** What a suggestion is checked against: the template it would go into, and the answers beside it. */
export interface SuggestionChecks {
  template: Template;
  values: FieldValues;
  context?: QualityContext;
}

const comparable = (text: string) => plainText(text).toLowerCase().replace(/[“”"‘’']/g, '').replace(/\s+/g, ' ');

/** One suggestion (or the reason for none) per field asked, in the template's order. */
export function draftSuggestions(answer: DraftAnswer, asked: readonly TemplateField[], notesText: string, checks: SuggestionChecks): FieldSuggestion[] {
  const notes = comparable(notesText);
  return asked.map((field) => {
    const entry = answer.fields.find((item) => item.fieldId === field.id);
    const value = entry?.value?.trim() ?? '';
    const source = entry?.source?.trim() ?? '';
    const base = { fieldId: field.id, label: field.label };
    if (!value) return { ...base, kind: 'notAnswered' };
    if (!source || !notes.includes(comparable(source))) return { ...base, kind: 'unsupported' };
    if (field.kind === 'select' && !field.options?.includes(value)) return { ...base, kind: 'unfit' };
    if (field.kind === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(value)) return { ...base, kind: 'unfit' };
    const offered = value.slice(0, maxLengthOf(field));
    return { ...base, kind: 'suggested', value: offered, source, flags: suggestionFlags(field, offered, source, checks) };
  });
}

/** The flags a suggestion carries: the field's quality checks, its form, then the quote's nature. */
function suggestionFlags(field: TemplateField, value: string, source: string, { template, values, context }: SuggestionChecks): SuggestionFlag[] {
  const flags: SuggestionFlag[] = qualityFlags(field, value, context).map((flag) => ({ kind: 'quality', flag }));
  // The field judged as if the value were typed in: the same words the panel would show.
  const judged = completeness(template, { ...values, [field.id]: value });
  const issue = [...judged.missing, ...judged.warnings].find((found) => found.fieldId === field.id);
  // "vague" repeats the quality flags above; "empty" cannot happen with a value.
  if (issue && issue.problem !== 'vague' && issue.problem !== 'empty') flags.push({ kind: 'form', issue });
  if (looksLikeInstruction(source)) flags.push({ kind: 'instruction' });
  return flags;
}

export interface SummaryBullet {
  text: string;
  kind: SummaryAnswer['bullets'][number]['kind'];
  fieldId: string;
  label: string;
}

/** The bullets that name a field that was sent (others cannot be linked, so they are dropped). */
export function summaryBullets(answer: SummaryAnswer, sent: readonly { fieldId: string; label: string }[]): SummaryBullet[] {
  return answer.bullets.flatMap((bullet) => {
    const field = sent.find((item) => item.fieldId === bullet.fieldId);
    return field ? [{ text: bullet.text.trim(), kind: bullet.kind, fieldId: field.fieldId, label: field.label }] : [];
  });
}
