import type { Lifetime } from '../lifetime';
import { eventTarget } from '../../../lib/hosts/dom';
import { centerOf, dragStart, dropDestination, findDraggable, findDropTarget, judgeDrop, nextFrames, reportLetThrough, reportRefusal, swallowNextClick, type DragGuardOptions, type DragStart } from './drag-support';

// Angular CDK drag and drop (ClickUp's board): mouse events, a 5 px threshold, the drop on
// mouseup wherever the placeholder is. The CDK has no cancel [extension-notes.md]: Baton
// moves the pointer back to where the drag started and releases it there, which the CDK
// treats as a drop back into place.

const DRAG_THRESHOLD_PX = 5;

interface Drag extends DragStart {
  x: number;
  y: number;
}

export function guardPointerDrags(lifetime: Lifetime, options: DragGuardOptions): void {
  const { board } = options;
  let drag: Drag | undefined;

  lifetime.addEventListener(
    window,
    'mousedown',
    (event) => {
      if (event.button !== 0 || !event.isTrusted) return;
      const start = dragStart(board, eventTarget(event));
      drag = start && { ...start, x: event.clientX, y: event.clientY };
    },
    { capture: true, signal: options.signal },
  );
  lifetime.addEventListener(
    window,
    'mouseup',
    (event) => {
      if (!event.isTrusted) return;
      const current = drag;
      drag = undefined;
      if (!current || Math.abs(event.clientX - current.x) + Math.abs(event.clientY - current.y) < DRAG_THRESHOLD_PX) return;
      const verdict = judgeDrop(options, current, dropDestination(board, current, { x: event.clientX, y: event.clientY }));
      if (verdict.kind === 'allow') return reportLetThrough(options, verdict);
      event.preventDefault();
      event.stopImmediatePropagation();
      mouse(document, 'mousemove', current);
      mouse(document, 'mouseup', current);
      swallowNextClick();
      reportRefusal(options, verdict, redoDrag);
    },
    { capture: true, signal: options.signal },
  );

  /** Performs the move again as the pointer would: press, pass the threshold, travel, release. */
  async function redoDrag(recordId: string, to: string): Promise<void> {
    const card = findDraggable(board, recordId);
    const target = findDropTarget(board, to);
    if (!card || !target) throw new Error(`The card or the "${to}" column is no longer on the board`);
    target.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    const from = centerOf(card);
    const end = centerOf(target);
    mouse(card, 'mousedown', from);
    mouse(document, 'mousemove', { x: from.x + DRAG_THRESHOLD_PX * 2, y: from.y });
    await nextFrames(1);
    for (let step = 1; step <= 4; step += 1) {
      mouse(document, 'mousemove', { x: from.x + ((end.x - from.x) * step) / 4, y: from.y + ((end.y - from.y) * step) / 4 });
      await nextFrames(1);
    }
    mouse(document, 'mouseup', end);
    await nextFrames(2);
  }
}

function mouse(target: EventTarget, type: string, { x, y }: { x: number; y: number }): void {
  const pressed = type === 'mouseup' ? 0 : 1;
  target.dispatchEvent(new MouseEvent(type, { clientX: x, clientY: y, button: 0, buttons: pressed, bubbles: true, cancelable: true, composed: true, view: window }));
}
