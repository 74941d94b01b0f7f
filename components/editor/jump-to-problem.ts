import { problemAnchor } from '../../lib/template-editor/problem-words';

/**
 * Moves focus to the input a problem concerns (marked with data-anchor): the path itself, or
 * the nearest input above it (a field's pattern has no input of its own: its label takes focus).
 * A collapsed field or a closed "More" section opens first, so the input can be seen.
 */
export function jumpToProblem(path: readonly PropertyKey[]): void {
  for (let length = path.length; length > 0; length -= 1) {
    const target = document.querySelector<HTMLElement>(`[data-anchor="${CSS.escape(problemAnchor(path.slice(0, length)))}"]`);
    if (!target) continue;
    for (let details = target.closest('details'); details; details = details.parentElement?.closest('details') ?? null) details.open = true;
    target.focus();
    target.scrollIntoView({ block: 'center' });
    return;
  }
}
