import * as z from 'zod/mini';
import { en } from 'zod/v4/locales';

// zod/mini ships without messages; English ones are loaded here, beside the code that turns
// issues into lines people read (imports, server answers), and kept out of the content script.
z.config(en());

// Files people import are read with bounds: a crafted file of many small wrong entries once
// overflowed the stack inside validation ("Maximum call stack size exceeded") instead of
// listing what is wrong. Long lists are refused by their length before any entry is read,
// and entries are checked one at a time until enough problems are known.

/** A file that is wrong everywhere would list thousands of problems; the first ones say enough. */
export const MAX_LISTED_PROBLEMS = 20;

/** A list check that refuses more than `max` entries by their count, before reading any of them. */
export function atMost(max: number, sentence: (count: number) => string) {
  return z.maxLength(max, { error: (issue) => sentence((issue.input as unknown[]).length) });
}

/** The template's own lists: Zod compares a list's length before it reads its entries. */
export const templateList = (max: number) => atMost(max, (count) => `the template holds ${count} entries; at most ${max} are allowed`);

/** A field-id → value map with at most `max` keys, counted before any key is read. */
export function boundedRecord<T extends z.ZodMiniType>(record: T, max: number) {
  const fits = (value: unknown) => typeof value !== 'object' || value === null || Object.keys(value).length <= max;
  const sentence = (value: unknown) => `holds ${Object.keys(value as object).length} fields; a handoff has at most ${max}`;
  return z.pipe(z.custom<unknown>(fits, { error: (issue) => sentence(issue.input) }), record);
}

/** The first problems, and how many more there are. */
export function listedProblems(problems: string[]): string[] {
  if (problems.length <= MAX_LISTED_PROBLEMS) return problems;
  return [...problems.slice(0, MAX_LISTED_PROBLEMS), `…and ${problems.length - MAX_LISTED_PROBLEMS} more problems`];
}

/** Zod's issues as lines that point into the JSON, under `prefix` (the entry's own path). */
export function issueLines(issues: readonly z.core.$ZodIssue[], prefix: PropertyKey[] = []): string[] {
  return issues.map((issue) => `${formatPath([...prefix, ...issue.path])}: ${issue.message}`);
}

/** ["fields", 3, "kind"] -> "fields[3].kind", the way a person points into JSON. */
export function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(template)';
  return path
    .map((key, index) => (typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`))
    .join('');
}

/**
 * Checks the entries of one list one at a time, adding each problem to `problems`, and stops
 * once MAX_LISTED_PROBLEMS are known: `unchecked` then says which entries were not read.
 */
export function checkEntries<T>(
  name: string,
  schema: z.ZodMiniType<T>,
  entries: unknown[],
  problems: string[],
): { entries: T[]; unchecked?: string } {
  const checked: T[] = [];
  for (let index = 0; index < entries.length; index += 1) {
    if (problems.length >= MAX_LISTED_PROBLEMS) {
      const unchecked = `${name}[${index}] to ${name}[${entries.length - 1}] were not checked: checking stops after ${MAX_LISTED_PROBLEMS} problems`;
      return { entries: checked, unchecked };
    }
    const result = schema.safeParse(entries[index]);
    if (result.success) checked.push(result.data);
    else problems.push(...issueLines(result.error.issues, [name, index]));
  }
  return { entries: checked };
}
