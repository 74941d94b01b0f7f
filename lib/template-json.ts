import { issueLines, listedProblems } from './import-limits';
import { TemplateSchema, type Template } from './template';

export type TemplateParseResult = { ok: true; template: Template } | { ok: false; errors: string[] };

/** Reads a template from JSON text; every error names the path and the problem. */
export function parseTemplateJson(text: string): TemplateParseResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, errors: [`not valid JSON: ${(error as Error).message}`] };
  }
  return parseTemplate(raw);
}

export function parseTemplate(raw: unknown): TemplateParseResult {
  const result = TemplateSchema.safeParse(raw);
  if (result.success) return { ok: true, template: result.data };
  return { ok: false, errors: listedProblems(issueLines(result.error.issues)) };
}
