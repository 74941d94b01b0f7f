import { templateFromDraft, type DraftProblem, type DraftResult, type EditorDraft } from '../../lib/template-editor/editor-state';
import { useEditorStore } from './editor-store';

// Every input shows its own problem, so many components ask at once: the draft is checked
// once per change of the draft (the store replaces it on every edit), not once per asker.
const checked = new WeakMap<EditorDraft, DraftResult>();

/** The draft as the template it would save as (its next version), checked by TemplateSchema. */
export function useDraftResult(): DraftResult | undefined {
  const draft = useEditorStore((state) => state.draft);
  if (!draft) return undefined;
  let result = checked.get(draft);
  if (!result) {
    result = templateFromDraft(draft, draft.baseVersion + 1);
    checked.set(draft, result);
  }
  return result;
}

export function useEditorProblems(): DraftProblem[] {
  const result = useDraftResult();
  return result && !result.ok ? result.problems : [];
}
