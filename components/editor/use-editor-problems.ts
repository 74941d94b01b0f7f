import { draftChecks } from '../../lib/template-editor/draft-checks';
import { templateFromDraft, type DraftProblem, type DraftResult, type EditorDraft } from '../../lib/template-editor/editor-state';
import { useEditorStore } from './editor-store';

// Every input shows its own problem, so many components ask at once: the draft is checked
// once per change of the draft (the store replaces it on every edit), not once per asker.
const checked = new WeakMap<EditorDraft, { names: string[]; result: DraftResult }>();

function check(draft: EditorDraft, otherNames: string[]): DraftResult {
  const known = checked.get(draft);
  if (known && known.names === otherNames) return known.result;
  const schema = templateFromDraft(draft, draft.baseVersion + 1);
  const extra = draftChecks(draft, { otherNames });
  const result: DraftResult = extra.length === 0 ? schema : { ok: false, problems: [...(schema.ok ? [] : schema.problems), ...extra] };
  checked.set(draft, { names: otherNames, result });
  return result;
}

/** The draft as the template it would save as (its next version): TemplateSchema, then the editor's own checks. */
export function useDraftResult(): DraftResult | undefined {
  const draft = useEditorStore((state) => state.draft);
  const otherNames = useEditorStore((state) => state.otherNames);
  return draft ? check(draft, otherNames) : undefined;
}

export function useEditorProblems(): DraftProblem[] {
  const result = useDraftResult();
  return result && !result.ok ? result.problems : [];
}

const problemKey = (problem: DraftProblem) => `${problem.path.join('.')}\n${problem.message}`;

/**
 * The problems to show now. A new template starts with some (no field yet, no app): those stay
 * quiet until the author tries to save, so the editor does not open full of errors; a problem
 * an edit brings shows at once.
 */
export function useVisibleProblems(): DraftProblem[] {
  const problems = useEditorProblems();
  const start = useEditorStore((state) => state.start);
  const otherNames = useEditorStore((state) => state.otherNames);
  const saveTried = useEditorStore((state) => state.saveTried);
  if (saveTried || !start) return problems;
  const initial = check(start, otherNames);
  if (initial.ok) return problems;
  // A name another template has is the author's own typing, never a blank to fill later: it shows at once.
  const quiet = new Set(initial.problems.filter((problem) => problem.words.what.kind !== 'duplicateName').map(problemKey));
  return problems.filter((problem) => !quiet.has(problemKey(problem)));
}
