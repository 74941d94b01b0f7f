import type { Lifetime } from '../lifetime';
import { eventTarget } from '../../../lib/hosts/dom';
import { centerOf, dragStart, findDraggable, findDropTarget, judgeDrop, landingOf, nextFrames, reportLetThrough, reportRefusal, type DragGuardOptions, type DragStart, type Verdict } from './drag-support';

// HTML5 drag and drop (react-dnd's HTML5 backend on Pipedrive, the Salesforce kanban): a drop
// happens only where `dragover` was cancelled [extension-notes.md]. Over a gated column the
// host never hears dragenter/dragover, so the browser refuses the drop, the drag ends with
// dragend like any drag let go elsewhere, and the card stays where it was.

interface Drag extends DragStart {
  /** The verdict on the column the pointer is over now: whether it refuses the card, and why. */
  verdict?: Verdict;
}

export function guardHtml5Drags(lifetime: Lifetime, options: DragGuardOptions): void {
  const { board } = options;
  let drag: Drag | undefined;

  lifetime.addEventListener(
    window,
    'dragstart',
    (event) => {
      if (!event.isTrusted) return; // our own replay below
      drag = dragStart(board, eventTarget(event));
    },
    { capture: true, signal: options.signal },
  );

  const onOver = (event: DragEvent) => {
    if (!drag || !event.isTrusted) return;
    const landing = landingOf(board, eventTarget(event));
    // Between columns (no landing) the last column's verdict stands, as the drop would.
    if (!landing) return;
    drag.verdict = judgeDrop(options, drag, landing);
    if (drag.verdict.kind === 'allow') return;
    event.stopImmediatePropagation();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'none';
  };
  lifetime.addEventListener(window, 'dragenter', onOver, { capture: true, signal: options.signal });
  lifetime.addEventListener(window, 'dragover', onOver, { capture: true, signal: options.signal });
  lifetime.addEventListener(
    window,
    'drop',
    (event) => {
      if (!drag?.verdict || !event.isTrusted) return;
      // The host took the drop (it cancelled dragover): the move it makes was judged and let through.
      if (drag.verdict.kind === 'allow') return reportLetThrough(options, drag.verdict);
      event.preventDefault();
      event.stopImmediatePropagation();
    },
    { capture: true, signal: options.signal },
  );
  lifetime.addEventListener(
    window,
    'dragend',
    (event) => {
      if (!event.isTrusted) return;
      const current = drag;
      drag = undefined;
      if (current?.verdict && current.verdict.kind !== 'allow') reportRefusal(options, current.verdict, redoDrag);
    },
    { capture: true, signal: options.signal },
  );

  /** Performs the move again with the drag events the browser would send. */
  async function redoDrag(recordId: string, to: string): Promise<void> {
    const card = findDraggable(board, recordId);
    if (!card) throw new Error('The card is no longer on the board');
    const data = new DataTransfer();
    fire(card, 'dragstart', data, centerOf(card));
    await nextFrames(2); // drop zones some boards show only while dragging
    const target = findDropTarget(board, to);
    if (!target) {
      fire(card, 'dragend', data, centerOf(card));
      throw new Error(`The "${to}" column is not on the board`);
    }
    const point = centerOf(target);
    fire(target, 'dragenter', data, point);
    fire(target, 'dragover', data, point);
    await nextFrames(1);
    fire(target, 'drop', data, point);
    fire(card, 'dragend', data, point);
    await nextFrames(2);
  }
}

function fire(target: Element, type: string, dataTransfer: DataTransfer, { x, y }: { x: number; y: number }): void {
  target.dispatchEvent(new DragEvent(type, { dataTransfer, clientX: x, clientY: y, bubbles: true, cancelable: true, composed: true }));
}
