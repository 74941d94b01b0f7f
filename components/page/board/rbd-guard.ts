import type { Lifetime } from '../lifetime';
import { eventTarget } from '../../../lib/hosts/dom';
import { dragStart, dropDestination, findDraggable, findDropTarget, judgeDrop, nextFrames, reportLetThrough, reportRefusal, swallowNextClick, type DragGuardOptions, type DragStart, type Landing } from './drag-support';

// react-beautiful-dnd (HubSpot's board): mouse drags start after a 5 px move and drop on
// mouseup; keyboard drags lift on Space, move with arrows, drop on Space. Its own cancel is
// Escape (keyCode 27) [extension-notes.md]: Baton cancels with it, never by swallowing the
// release, which would leave the library stuck mid-drag.

const DRAG_THRESHOLD_PX = 5;

interface Drag extends DragStart {
  mode: 'mouse' | 'keyboard';
  x: number;
  y: number;
}

export function guardRbdDrags(lifetime: Lifetime, options: DragGuardOptions): void {
  const { board } = options;
  let drag: Drag | undefined;

  const start = (event: Event, mode: Drag['mode'], x = 0, y = 0) => {
    const started = dragStart(board, eventTarget(event));
    drag = started && { ...started, mode, x, y };
  };

  const judge = (event: Event, current: Drag, to: Landing | undefined) => {
    const verdict = judgeDrop(options, current, to);
    if (verdict.kind === 'allow') return reportLetThrough(options, verdict);
    event.preventDefault();
    event.stopImmediatePropagation();
    cancelDrag();
    if (current.mode === 'mouse') swallowNextClick();
    reportRefusal(options, verdict, redoByKeyboard);
  };

  lifetime.addEventListener(window, 'mousedown', (event) => event.button === 0 && start(event, 'mouse', event.clientX, event.clientY), { capture: true, signal: options.signal });
  lifetime.addEventListener(
    window,
    'mouseup',
    (event) => {
      const current = drag?.mode === 'mouse' ? drag : undefined;
      drag = undefined;
      if (!current || Math.abs(event.clientX - current.x) + Math.abs(event.clientY - current.y) < DRAG_THRESHOLD_PX) return;
      judge(event, current, dropDestination(board, current, { x: event.clientX, y: event.clientY }));
    },
    { capture: true, signal: options.signal },
  );
  lifetime.addEventListener(
    window,
    'keydown',
    (event) => {
      if (!event.isTrusted) return; // our own replay below
      if (event.key === 'Escape') drag = undefined;
      if (event.key !== ' ') return;
      if (drag?.mode !== 'keyboard') return start(event, 'keyboard');
      const current = drag;
      drag = undefined;
      judge(event, current, dropDestination(board, current));
    },
    { capture: true, signal: options.signal },
  );

  /** Performs the move again as a keyboard drag: lift, one arrow per column, drop. */
  async function redoByKeyboard(recordId: string, to: string): Promise<void> {
    const card = findDraggable(board, recordId);
    const target = findDropTarget(board, to);
    if (!(card instanceof HTMLElement) || !target) throw new Error(`The card or the "${to}" column is no longer on the board`);
    const columns = [...document.querySelectorAll(board.dropTarget)];
    const steps = columns.indexOf(target) - columns.findIndex((column) => column.contains(card));
    card.focus();
    press(card, ' ', 32);
    await nextFrames(3);
    for (let step = 0; step < Math.abs(steps); step += 1) {
      press(card, steps > 0 ? 'ArrowRight' : 'ArrowLeft', steps > 0 ? 39 : 37);
      await nextFrames(3);
    }
    press(card, ' ', 32);
    await nextFrames(3);
  }
}

function cancelDrag(): void {
  press(window, 'Escape', 27);
}

function press(target: EventTarget, key: string, keyCode: number): void {
  const code = key === ' ' ? 'Space' : key;
  // keyCode matters: react-beautiful-dnd reads it, not `key`.
  target.dispatchEvent(new KeyboardEvent('keydown', { key, code, keyCode, which: keyCode, bubbles: true, cancelable: true, composed: true }));
}
