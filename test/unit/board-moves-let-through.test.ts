import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Lifetime } from '../../components/page/lifetime';
import type { DragGuardOptions } from '../../components/page/board/drag-support';
import { guardRbdDrags } from '../../components/page/board/rbd-guard';
import { gateDecision, type ChecklistStatus } from '../../lib/gate';
import type { BoardAdapter } from '../../lib/hosts/adapter';

// A drop Baton lets through on a board is a judged move like one on a record page: the drag
// guard says which record went to which column, so the team view counts it (team sync).

const COMPLETE: ChecklistStatus[] = [{ templateId: 't', templateName: 'Sales → Onboarding', gateStages: 'closed won', required: 1, filled: 1, missing: [] }];

/** A react-beautiful-dnd board as data: cards in columns, the placeholder where the card will land. */
const board: BoardAdapter = {
  draggable: '[data-card]',
  draggedRecordId: (card) => card.getAttribute('data-card') ?? undefined,
  dropIndicator: '[data-placeholder]',
  dropTarget: '[data-column]',
  dropTargetStage: (column) => column.getAttribute('data-column') ?? undefined,
};

function mouse(target: Element, type: string, x: number): void {
  target.dispatchEvent(new MouseEvent(type, { bubbles: true, cancelable: true, button: 0, clientX: x, clientY: 10 }));
}

/** Drags card 1001 from Contract sent, with the library's placeholder drawn in `landing`. */
function drag(landing: string): void {
  const card = document.querySelector('[data-card="1001"]')!;
  mouse(card, 'mousedown', 10);
  document.querySelector(`[data-column="${landing}"]`)!.insertAdjacentHTML('beforeend', '<div data-placeholder></div>');
  mouse(card, 'mouseup', 200);
}

describe('a board drop Baton lets through', () => {
  const letThrough = vi.fn();
  const refused = vi.fn();
  let leaving: AbortController;

  beforeEach(() => {
    document.body.innerHTML = `<div data-column="Contract sent"><div data-card="1001">Deal 1001</div></div><div data-column="Closed won"></div>`;
    leaving = new AbortController();
    const lifetime = { addEventListener: (target: EventTarget, type: string, handler: EventListener, options: AddEventListenerOptions) => target.addEventListener(type, handler, options) };
    const options: DragGuardOptions = {
      board,
      signal: leaving.signal,
      decide: (_recordId, stage) => gateDecision(COMPLETE, stage),
      mayGate: () => true,
      onRefused: refused,
      onBlind: refused,
      onLetThrough: letThrough,
    };
    guardRbdDrags(lifetime as unknown as Lifetime, options);
  });
  afterEach(() => {
    leaving.abort();
    letThrough.mockClear();
    refused.mockClear();
  });

  it('says which record went to which column', () => {
    drag('Closed won');
    expect(refused).not.toHaveBeenCalled();
    expect(letThrough).toHaveBeenCalledExactlyOnceWith('1001', 'Closed won');
  });

  it('says nothing of a card dropped back where it was', () => {
    drag('Contract sent');
    expect(letThrough).not.toHaveBeenCalled();
  });
});
