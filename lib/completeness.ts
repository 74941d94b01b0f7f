import { ownEntry } from './own-key';
import { describeFlag, qualityFlags } from './quality';
import { maxLengthOf, type FieldValues, type Template, type TemplateField } from './template';

/** vague: a quality check the template marks blocking flags the answer (lib/quality.ts). */
export type FieldProblem = 'empty' | 'invalid' | 'tooLong' | 'vague';

export interface FieldIssue {
  fieldId: string;
  label: string;
  problem: FieldProblem;
  /** One sentence a person can act on. */
  message: string;
}

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
  return when !== undefined && (ownEntry(values, when.field) ?? '').trim() === when.equals;
}

export function completeness(template: Template, values: FieldValues): Completeness {
  const missing: FieldIssue[] = [];
  const warnings: FieldIssue[] = [];
  let required = 0;
  for (const field of template.fields) {
    const needed = isRequired(field, values);
    if (needed) required += 1;
    const issue = fieldIssue(field, ownEntry(values, field.id) ?? '', needed);
    if (issue && needed) missing.push(issue);
    else if (issue) warnings.push(issue);
  }
  return { required, filled: required - missing.length, missing, warnings, complete: missing.length === 0 };
}

function fieldIssue(field: TemplateField, rawValue: string, needed: boolean): FieldIssue | undefined {
  const value = field.kind === 'checkbox' ? rawValue : rawValue.trim();
  const issue = (problem: FieldProblem, message: string): FieldIssue => ({
    fieldId: field.id,
    label: field.label,
    problem,
    message,
  });
  if (value === '' || (field.kind === 'checkbox' && value !== 'true')) {
    return needed ? issue('empty', `${field.label} is empty`) : undefined;
  }
  const max = maxLengthOf(field);
  if (value.length > max) {
    return issue('tooLong', `${field.label} is ${value.length} characters; the limit is ${max}`);
  }
  const invalid = kindProblem(field, value);
  if (invalid) return issue('invalid', `${field.label}: ${invalid}`);
  return blockingVagueness(field, value, issue);
}

/**
 * Only a template that marks a field's checks `blocking` makes a flag count here: then a vague
 * answer is as incomplete as an invalid one. Team membership is never judged here (the gate
 * decides offline, from the answer alone).
 */
function blockingVagueness(field: TemplateField, value: string, issue: (problem: FieldProblem, message: string) => FieldIssue): FieldIssue | undefined {
  if (!field.quality?.blocking) return undefined;
  const flags = qualityFlags(field, value);
  if (flags.length === 0) return undefined;
  return issue('vague', `${field.label}: ${flags.map((flag) => describeFlag(flag, field.quality?.minLength)).join('; ')}`);
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Why a non-empty value does not fit its field, or undefined when it does. */
function kindProblem(field: TemplateField, value: string): string | undefined {
  if (field.pattern && !new RegExp(field.pattern, 'i').test(value)) {
    return field.patternHint ?? 'does not have the expected form';
  }
  switch (field.kind) {
    case 'email':
      return EMAIL.test(value) ? undefined : 'expected an email address';
    case 'url':
      return isWebUrl(value) ? undefined : 'expected a web address starting with https://';
    case 'number':
      return Number.isFinite(Number(value)) ? undefined : 'expected a number';
    case 'date':
      return isCalendarDate(value) ? undefined : 'expected a date';
    case 'select':
      return field.options?.includes(value) ? undefined : 'expected one of the listed options';
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
