import type { DraftAnswer, SummaryAnswer } from './answers';
import { plainText } from './prompts';
import { maxLengthOf, type TemplateField } from '../template';

// What Baton makes of a parsed answer. The model is not trusted: a suggestion whose quoted
// sentence is not in the notes is dropped as invented, and answers for fields that were not
// asked are ignored.

export type FieldSuggestion =
  | { fieldId: string; label: string; kind: 'suggested'; value: string; source: string }
  /** notAnswered: the notes say nothing; unsupported: the quote is not in the notes; unfit: not an allowed value. */
  | { fieldId: string; label: string; kind: 'notAnswered' | 'unsupported' | 'unfit' };

const comparable = (text: string) => plainText(text).toLowerCase().replace(/[“”"‘’']/g, '').replace(/\s+/g, ' ');

/** One suggestion (or the reason for none) per field asked, in the template's order. */
export function draftSuggestions(answer: DraftAnswer, asked: readonly TemplateField[], notesText: string): FieldSuggestion[] {
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
    return { ...base, kind: 'suggested', value: value.slice(0, maxLengthOf(field)), source };
  });
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
