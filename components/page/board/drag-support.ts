import { i18n } from '#i18n';
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
  /** Whether a stage is gated for some record of this board (or the board's records are not known yet). */
  mayGate(stage: string): boolean;
  onRefused(move: RefusedMove): void;
  /** The user's own drop (not Baton's redo) of a known card into another column, judged and let through. */
  onLetThrough(recordId: string, stage: string): void;
  /** A drop Baton refused without knowing the card or the column: it can only say why. */
  onBlind(why: string): void;
}

/** Guards one drag library's drops: rbd-guard.ts, html5-guard.ts, pointer-guard.ts. */
export type DragGuard = (lifetime: Lifetime, options: DragGuardOptions) => void;

/** A column (or drop zone) a card can land in, with its stage when Baton can read it. */
export interface Landing {
  target: Element;
  stage: string | undefined;
}

/** The card being dragged, as Baton saw it when the drag started. */
export interface DragStart {
  card: Element;
  /** Undefined when the card does not say which record it shows. */
  recordId: string | undefined;
  from: Landing | undefined;
}

/**
 * What Baton makes of a drop: let it be (a move of a known card to another column, judged, or
 * nothing to judge), refuse it (with a dialog that can make it), or refuse it blind.
 */
export type Verdict = { kind: 'allow'; move?: { recordId: string; stage: string } } | { kind: 'refuse'; recordId: string; stage: string; decision: Block } | { kind: 'blind'; why: string };

export function dragStart(board: BoardAdapter, target: Element | undefined): DragStart | undefined {
  const card = closestDeep(target, board.draggable);
  return card ? { card, recordId: board.draggedRecordId(card), from: landingOf(board, card) } : undefined;
}

/** The column (or drop zone) an element sits in. */
export function landingOf(board: BoardAdapter, element: Element | undefined): Landing | undefined {
  const target = closestDeep(element, board.dropTarget);
  return target ? { target, stage: board.dropTargetStage(target) } : undefined;
}

/** Baton's own elements (badges, dock, dialog) are custom elements named baton-*. */
const isBatons = (element: Element) => element.localName.startsWith('baton-');

/**
 * The column under a point, looking through the dragged card and everything Baton draws: a
 * badge inside the card would otherwise be read as the card's old column.
 */
export function landingAt(board: BoardAdapter, x: number, y: number, dragged: Element | undefined): Landing | undefined {
  for (const element of document.elementsFromPoint(x, y)) {
    if (isBatons(element) || dragged?.contains(element)) continue;
    const landing = landingOf(board, element);
    if (landing) return landing;
  }
  return undefined;
}

/**
 * Where the library will drop the card: its drop indicator (placeholder) when it draws one,
 * else the column under the card itself, which the library moves with the pointer but not
 * under it (a card grabbed by its edge). Not the pointer: a drop can land elsewhere.
 */
export function dropDestination(board: BoardAdapter, drag: DragStart, pointer?: { x: number; y: number }): Landing | undefined {
  const indicator = board.dropIndicator ? document.querySelector(board.dropIndicator) : null;
  if (indicator) return landingOf(board, indicator);
  const card = drag.card.isConnected ? drag.card : drag.recordId ? findDraggable(board, drag.recordId) : undefined;
  const point = card ? centerOf(card) : pointer;
  return point ? landingAt(board, point.x, point.y, card) : undefined;
}

/**
 * Judges a drop. Fails closed: a column whose stage cannot be read, or a card that does not
 * say which record it is dropped where some record would be gated, is refused.
 */
export function judgeDrop(options: DragGuardOptions, drag: DragStart, to: Landing | undefined): Verdict {
  if (!to || to.target === drag.from?.target || (to.stage !== undefined && to.stage === drag.from?.stage)) return { kind: 'allow' };
  if (to.stage === undefined) return { kind: 'blind', why: i18n.t('board.blindColumn') };
  if (drag.recordId === undefined) {
    if (!options.mayGate(to.stage)) return { kind: 'allow' };
    return { kind: 'blind', why: i18n.t('board.blindCard', [to.stage]) };
  }
  const decision = options.decide(drag.recordId, to.stage);
  return decision.kind === 'allow' ? { kind: 'allow', move: { recordId: drag.recordId, stage: to.stage } } : { kind: 'refuse', recordId: drag.recordId, stage: to.stage, decision };
}

/** A drop let through: the move it makes, if Baton judged one, is reported like a refusal is. */
export function reportLetThrough(options: Pick<DragGuardOptions, 'onLetThrough'>, verdict: Verdict): void {
  if (verdict.kind === 'allow' && verdict.move) options.onLetThrough(verdict.move.recordId, verdict.move.stage);
}

/** Tells the user about a refused drop; `redo` makes the move once the checklist is complete. */
export function reportRefusal(options: DragGuardOptions, verdict: Exclude<Verdict, { kind: 'allow' }>, redo: (recordId: string, stage: string) => Promise<void>): void {
  if (verdict.kind === 'blind') return options.onBlind(verdict.why);
  const { recordId, stage, decision } = verdict;
  options.onRefused({ recordId, stage, decision, redo: () => redo(recordId, stage) });
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
