import { useEditorProblems } from './use-editor-problems';

/** The schema's problem at this path of the template, under the input it concerns. */
export function ProblemText({ path }: { path: PropertyKey[] }) {
  const problems = useEditorProblems();
  const key = path.join('.');
  const found = problems.filter((problem) => problem.path.join('.') === key);
  if (found.length === 0) return null;
  return (
    <span className="problem" role="status">
      {found.map((problem) => problem.message).join('; ')}
    </span>
  );
}
