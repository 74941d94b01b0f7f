import type * as z from 'zod/mini';
import type { ReferenceProblem } from '../template';

// A schema problem as a person meets it: which thing (a field by its label, a host app, a
// receipt item) and what to do, as data. components/words/template-problem-text.ts puts it in
// the user's language; no path like `fields[2].options` ever reaches the screen.

/** What is wrong, and so what to do about it. */
export type ProblemWhat =
  | { kind: 'empty' }
  | { kind: 'tooLong'; max: number }
  | { kind: 'tooFew'; min: number }
  | { kind: 'tooMany'; max: number }
  | { kind: 'tooSmall'; min: number }
  | { kind: 'tooBig'; max: number }
  | { kind: 'idForm' }
  | { kind: 'notAllowed' }
  | { kind: 'wrongType' }
  | { kind: 'reference'; reference: ReferenceProblem }
  /** Another template on this device has this name. */
  | { kind: 'duplicateName'; name: string }
  /** "Required when" names a value the other field's options can never take. */
  | { kind: 'noOptionMatches'; value: string; field: string }
  /** No adapter of the app reads this kind of record: the template would never apply. */
  | { kind: 'unknownObjectType'; objectType: string; known: string[] }
  /** A sentence the schema already words for people (a refused pattern says why). */
  | { kind: 'sentence'; text: string };

/** Where the problem is, named as the editor names it. */
export type ProblemWhere =
  | { kind: 'template'; setting: string }
  | { kind: 'field'; position: number; label: string; setting?: string }
  | { kind: 'target'; position: number; host: string; objectType: string; setting?: string }
  | { kind: 'receiptItem'; position: number };

export interface ProblemWords {
  where: ProblemWhere;
  what: ProblemWhat;
}

type Issue = Pick<z.core.$ZodIssue, 'code' | 'path' | 'message'> & Record<string, unknown>;

/** The words for one schema issue; `raw` is what was checked, read only to name things by their labels. */
export function problemWords(issue: Issue, raw: unknown): ProblemWords {
  return { where: problemWhere(issue.path, raw), what: problemWhat(issue) };
}

function problemWhere(path: readonly PropertyKey[], raw: unknown): ProblemWhere {
  const [list, position, setting] = path;
  if (typeof position !== 'number') return { kind: 'template', setting: typeof list === 'string' ? list : 'template' };
  const entry = entryOf(raw, list, position);
  const detail = typeof setting === 'string' ? { setting } : {};
  if (list === 'fields') return { kind: 'field', position: position + 1, label: textOf(entry, 'label'), ...detail };
  if (list === 'appliesTo') return { kind: 'target', position: position + 1, host: textOf(entry, 'host'), objectType: textOf(entry, 'objectType'), ...detail };
  if (list === 'receipt') return { kind: 'receiptItem', position: position + 1 };
  return { kind: 'template', setting: String(list) };
}

function problemWhat(issue: Issue): ProblemWhat {
  const origin = issue.origin;
  if (issue.code === 'too_small') {
    const min = Number(issue.minimum);
    if (origin === 'string') return min <= 1 ? { kind: 'empty' } : { kind: 'tooFew', min };
    if (origin === 'array') return { kind: 'tooFew', min };
    return { kind: 'tooSmall', min };
  }
  if (issue.code === 'too_big') {
    const max = Number(issue.maximum);
    if (origin === 'string') return { kind: 'tooLong', max };
    if (origin === 'array') return { kind: 'tooMany', max };
    return { kind: 'tooBig', max };
  }
  if (issue.code === 'invalid_format') return { kind: 'idForm' };
  if (issue.code === 'invalid_value') return { kind: 'notAllowed' };
  if (issue.code === 'invalid_type') return { kind: 'wrongType' };
  const params = issue.params as ReferenceProblem | undefined;
  if (issue.code === 'custom' && params?.problem) return { kind: 'reference', reference: params };
  return { kind: 'sentence', text: issue.message };
}

function entryOf(raw: unknown, list: PropertyKey | undefined, position: number): unknown {
  if (typeof raw !== 'object' || raw === null || typeof list !== 'string') return undefined;
  const entries = (raw as Record<string, unknown>)[list];
  return Array.isArray(entries) ? entries[position] : undefined;
}

function textOf(entry: unknown, key: string): string {
  if (typeof entry !== 'object' || entry === null) return '';
  const value = (entry as Record<string, unknown>)[key];
  return typeof value === 'string' ? value.trim() : '';
}

/** The editor's input for a path: the one a problem's link jumps to (components/editor mark theirs with it). */
export function problemAnchor(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}
