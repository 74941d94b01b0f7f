import { issueLines, listedProblems, MAX_LISTED_PROBLEMS } from './import-limits';
import { TemplateSchema, type Template } from './template';
import { problemWords, type ProblemWords } from './template-editor/problem-words';

/**
 * `errors` name the JSON path (logs, tests, the team server's answers); `problems` are the
 * same in words for the person importing (a field by its label, what to do), the first
 * MAX_LISTED_PROBLEMS of them. `notJson`: the text is not JSON at all (the parser's reason).
 */
export type TemplateParseResult =
  | { ok: true; template: Template }
  | { ok: false; errors: string[]; problems: ProblemWords[]; notJson?: string };

/** Reads a template from JSON text; every error names the path and the problem. */
export function parseTemplateJson(text: string): TemplateParseResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const reason = (error as Error).message;
    return { ok: false, errors: [`not valid JSON: ${reason}`], problems: [], notJson: reason };
  }
  return parseTemplate(raw);
}

export function parseTemplate(raw: unknown): TemplateParseResult {
  const result = TemplateSchema.safeParse(raw);
  if (result.success) return { ok: true, template: result.data };
  const issues = result.error.issues;
  return {
    ok: false,
    errors: listedProblems(issueLines(issues)),
    problems: issues.slice(0, MAX_LISTED_PROBLEMS).map((issue) => problemWords(issue as never, raw)),
  };
}
