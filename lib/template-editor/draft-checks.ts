import { sameAnswer } from '../completeness';
import type { DraftProblem, EditorDraft, FieldDraft } from './editor-state';
import type { HostApp } from '../record';
import { isUnknownObjectType, objectTypesOf } from './object-types';
import type { ProblemWhat } from './problem-words';

// What the editor refuses beyond the schema: a rule the schema allows but that can never do
// what its author meant, and a name another template on this device already has.

export interface DraftContext {
  /** Names of the other templates on this device (archived ones included: they can come back). */
  otherNames: readonly string[];
}

export function draftChecks(draft: EditorDraft, context: DraftContext): DraftProblem[] {
  const problems: DraftProblem[] = [];
  const name = draft.name.trim();
  // Two templates of one name show as two identical tabs on a record, with one combined badge.
  if (name && context.otherNames.some((other) => sameAnswer(other, name))) {
    problems.push(problem(['name'], `another template is named "${name}"`, { kind: 'template', setting: 'name' }, { kind: 'duplicateName', name }));
  }
  draft.targets.forEach((target, index) => {
    const unknown = unknownObjectType(target.host, target.objectType);
    if (unknown) problems.push(problem(['appliesTo', index, 'objectType'], `Baton reads no "${target.objectType}" on ${target.host}`, targetWhere(target, index), unknown));
  });
  draft.fields.forEach((field, index) => {
    const unreachable = unreachableValue(field, draft.fields);
    if (!unreachable) return;
    problems.push(
      problem(['fields', index, 'requiredWhen', 'equals'], `no option of "${unreachable.field}" reads "${unreachable.value}"`, fieldWhere(field, index), { kind: 'noOptionMatches', ...unreachable }),
    );
  });
  return problems;
}

/** A "required when" value the field it reads can never hold (a choice none of its options is). */
function unreachableValue(field: FieldDraft, fields: readonly FieldDraft[]): { value: string; field: string } | undefined {
  const when = field.requiredWhen;
  if (field.required || !when?.field || when.equals.trim() === '') return undefined;
  const other = fields.find((candidate) => candidate.id === when.field);
  if (other?.kind !== 'select') return undefined;
  const options = other.options.map((option) => option.trim()).filter(Boolean);
  return options.some((option) => sameAnswer(option, when.equals)) ? undefined : { value: when.equals.trim(), field: other.label || other.id };
}

/** An object type no adapter of the app reads (a typo such as "tasks" would save and never apply). */
export function unknownObjectType(host: HostApp, objectType: string): ProblemWhat | undefined {
  return objectType.trim() !== '' && isUnknownObjectType(host, objectType) ? { kind: 'unknownObjectType', objectType: objectType.trim(), known: [...objectTypesOf(host)] } : undefined;
}

function targetWhere(target: { host: HostApp; objectType: string }, index: number) {
  return { kind: 'target' as const, position: index + 1, host: target.host, objectType: target.objectType.trim(), setting: 'objectType' };
}

function fieldWhere(field: FieldDraft, index: number) {
  return { kind: 'field' as const, position: index + 1, label: field.label.trim(), setting: 'requiredWhen' };
}

function problem(path: PropertyKey[], message: string, where: DraftProblem['words']['where'], what: ProblemWhat): DraftProblem {
  return { path, message, words: { where, what } };
}
