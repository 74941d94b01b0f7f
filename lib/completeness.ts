import { normalizeStage } from './gate';
import { ownEntry } from './own-key';
import { DEFAULT_MIN_LENGTH, qualityFlags, type QualityFlag } from './quality';
import { maxLengthOf, type FieldValues, type Template, type TemplateField } from './template';

/** What a non-empty value was expected to look like (the UI words it: components/words). */
export type ExpectedForm = 'pattern' | 'email' | 'url' | 'number' | 'date' | 'select';

/** A field's problem as data; the panel puts it into one sentence a person can act on. */
export type FieldIssue = { fieldId: string; label: string } & (
  | { problem: 'empty' }
  | { problem: 'tooLong'; length: number; limit: number }
  /** `hint`: the template's own patternHint, in the template author's words. */
  | { problem: 'invalid'; expected: ExpectedForm; hint?: string }
  /** A quality check the template marks blocking flags the answer (lib/quality.ts). */
  | { problem: 'vague'; flags: QualityFlag[]; minLength: number }
);

export interface Completeness {
  /** Required fields right now (requiredWhen can add some). */
  required: number;
  /** Required fields that hold a valid value. */
  filled: number;
  /** Required fields that block the handoff, in template order. */
  missing: FieldIssue[];
  /** Problems of optional fields: shown, but they never block. */
  warnings: FieldIssue[];
  complete: boolean;
}

export function isRequired(field: TemplateField, values: FieldValues): boolean {
  if (field.required) return true;
  const when = field.requiredWhen;
  return when !== undefined && requiredWhenHolds(when.equals, ownEntry(values, when.field) ?? '');
}

/**
 * Whether the other field's answer switches the rule on. A blank `equals` reads as the editor
 * words it, "when this field has a value" (a ticked box, for a checkbox); otherwise answers are
 * compared as the guard compares stage labels: spaces folded, case ignored ("sev 1" is "Sev 1").
 */
export function requiredWhenHolds(equals: string, answer: string): boolean {
  if (equals.trim() === '') return answer.trim() !== '' && answer !== 'false';
  return sameAnswer(answer, equals);
}

/** Two answers that say the same, as the guard reads stage labels. */
export function sameAnswer(a: string, b: string): boolean {
  return normalizeStage(a).toLowerCase() === normalizeStage(b).toLowerCase();
}

export function completeness(template: Template, values: FieldValues): Completeness {
  const missing: FieldIssue[] = [];
  const warnings: FieldIssue[] = [];
  let required = 0;
  for (const field of template.fields) {
    const needed = isRequired(field, values);
    if (needed) required += 1;
    const issue = fieldIssue(field, ownEntry(values, field.id) ?? '', needed, template.qualityBlocks === true);
    if (issue && needed) missing.push(issue);
    else if (issue) warnings.push(issue);
  }
  return { required, filled: required - missing.length, missing, warnings, complete: missing.length === 0 };
}

function fieldIssue(field: TemplateField, rawValue: string, needed: boolean, flagsBlock: boolean): FieldIssue | undefined {
  const value = field.kind === 'checkbox' ? rawValue : rawValue.trim();
  const about = { fieldId: field.id, label: field.label };
  if (value === '' || (field.kind === 'checkbox' && value !== 'true')) {
    return needed ? { ...about, problem: 'empty' } : undefined;
  }
  const max = maxLengthOf(field);
  if (value.length > max) return { ...about, problem: 'tooLong', length: value.length, limit: max };
  if (field.pattern && !new RegExp(field.pattern, 'i').test(value)) {
    return { ...about, problem: 'invalid', expected: 'pattern', ...(field.patternHint ? { hint: field.patternHint } : {}) };
  }
  const expected = kindProblem(field, value);
  if (expected) return { ...about, problem: 'invalid', expected };
  return blockingVagueness(field, value, about, flagsBlock);
}

/**
 * Only a template that marks a field's checks `blocking`, or all of them (`qualityBlocks`, the
 * team-wide switch), makes a flag count here: then a vague answer is as incomplete as an invalid
 * one. Team membership is never judged here (the gate decides offline, from the answer alone).
 */
function blockingVagueness(field: TemplateField, value: string, about: { fieldId: string; label: string }, flagsBlock: boolean): FieldIssue | undefined {
  if (!field.quality || !(field.quality.blocking || flagsBlock)) return undefined;
  const flags = qualityFlags(field, value);
  return flags.length === 0 ? undefined : { ...about, problem: 'vague', flags, minLength: field.quality.minLength ?? DEFAULT_MIN_LENGTH };
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The form a non-empty value of this kind was expected to take, or undefined when it fits. */
function kindProblem(field: TemplateField, value: string): ExpectedForm | undefined {
  switch (field.kind) {
    case 'email':
      return EMAIL.test(value) ? undefined : 'email';
    case 'url':
      return isWebUrl(value) ? undefined : 'url';
    case 'number':
      return Number.isFinite(Number(value)) ? undefined : 'number';
    case 'date':
      return isCalendarDate(value) ? undefined : 'date';
    case 'select':
      return field.options?.includes(value) ? undefined : 'select';
    default:
      return undefined;
  }
}

/** "2026-02-30" parses (as 2 March): a real day survives the round trip unchanged. */
function isCalendarDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

function isWebUrl(value: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}
