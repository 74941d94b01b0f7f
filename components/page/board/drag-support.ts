import type { Lifetime } from '../lifetime';
import type { GateDecision } from '../../../lib/gate';
import type { BoardAdapter } from '../../../lib/hosts/adapter';
import { closestDeep } from '../../../lib/hosts/dom';

export type Block = Extract<GateDecision, { kind: 'block' }>;

/** A drop Baton refused: the host's drag library is already back at rest. */
export interface RefusedMove {
  recordId: string;
  stage: string;
  decision: Block;
  /** Performs the same move again, through the host's own drag library. */
  redo(): Promise<void>;
}

export interface DragGuardOptions {
  board: BoardAdapter;
  /** Aborted when the user leaves the board (SPA navigation). */
  signal: AbortSignal;
  /** Synchronous, like the stage guard: it runs inside the drop event. */
  decide(recordId: string, stage: string): GateDecision;
  onRefused(move: RefusedMove): void;
}

/** Guards one drag library's drops: rbd-guard.ts, html5-guard.ts, pointer-guard.ts. */
export type DragGuard = (lifetime: Lifetime, options: DragGuardOptions) => void;

/** The stage of the column (or drop zone) an element sits in. */
export function stageOf(board: BoardAdapter, element: Element | undefined): string | undefined {
  const target = closestDeep(element, board.dropTarget);
  return target ? board.dropTargetStage(target) : undefined;
}

/** The stage under a point, looking through the dragged card and its preview. */
export function stageAt(board: BoardAdapter, x: number, y: number): string | undefined {
  for (const element of document.elementsFromPoint(x, y)) {
    const stage = stageOf(board, element);
    if (stage) return stage;
  }
  return undefined;
}

/**
 * Where the library will drop the card: its drop indicator (placeholder) when it draws one,
 * else the column under the card itself, which the library moves with the pointer but not
 * under it (a card grabbed by its edge). Not the pointer: a drop can land elsewhere.
 */
export function dropDestination(board: BoardAdapter, recordId: string, pointer?: { x: number; y: number }): string | undefined {
  const indicator = board.dropIndicator ? document.querySelector(board.dropIndicator) : null;
  if (indicator) return stageOf(board, indicator);
  const card = findDraggable(board, recordId);
  const point = card ? centerOf(card) : pointer;
  return point ? stageAt(board, point.x, point.y) : undefined;
}

export function findDraggable(board: BoardAdapter, recordId: string): Element | undefined {
  return [...document.querySelectorAll(board.draggable)].find((element) => board.draggedRecordId(element) === recordId);
}

export function findDropTarget(board: BoardAdapter, stage: string): Element | undefined {
  return [...document.querySelectorAll(board.dropTarget)].find((target) => board.dropTargetStage(target) === stage);
}

export function centerOf(element: Element): { x: number; y: number } {
  const box = element.getBoundingClientRect();
  return { x: box.left + box.width / 2, y: box.top + Math.min(box.height / 2, 40) };
}

/** Drag libraries animate and settle between steps: give them a frame or two. */
export function nextFrames(count = 2): Promise<void> {
  return new Promise((resolve) => {
    const step = (left: number) => (left === 0 ? resolve() : requestAnimationFrame(() => step(left - 1)));
    step(count);
  });
}

/** The click a browser sends after a refused mouse drop would open the card: swallow it. */
export function swallowNextClick(): void {
  const swallow = (event: Event) => {
    event.preventDefault();
    event.stopImmediatePropagation();
  };
  window.addEventListener('click', swallow, { capture: true, once: true });
  setTimeout(() => window.removeEventListener('click', swallow, { capture: true }), 300);
}
