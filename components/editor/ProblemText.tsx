import { problemAnchor } from '../../lib/template-editor/problem-words';
import { templateProblemText } from '../words/template-problem-words';
import { useVisibleProblems } from './use-editor-problems';

/** The problem at this path of the template, in words, under the input it concerns. */
export function ProblemText({ path }: { path: PropertyKey[] }) {
  const problems = useVisibleProblems();
  const key = problemAnchor(path);
  const found = problems.filter((problem) => problemAnchor(problem.path) === key);
  if (found.length === 0) return null;
  return (
    <span className="problem" role="status">
      {found.map((problem) => templateProblemText(problem.words)).join(' ')}
    </span>
  );
}
