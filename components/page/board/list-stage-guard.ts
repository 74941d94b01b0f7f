import type { Lifetime } from '../lifetime';
import type { StageCellAdapter } from '../../../lib/hosts/adapter';
import { activatedOption, closestDeep, eventTarget, optionLabel } from '../../../lib/hosts/dom';
import { ANNOUNCING_EVENTS, GUARDED_EVENTS } from '../stage-guard';
import { nextFrames, type DragGuardOptions } from './drag-support';

// A list row's stage cell opens a menu of stages, and picking one saves at once (HubSpot's
// inline edit, host-apps.md "Corrections"): a stage path of its own, outside the record page.
// Guarded as the record page's stage control is (components/page/stage-guard.ts): a listener on
// window in the capture phase, so a blocked click or key never reaches the host page; every
// event of the gesture is held back, the user is told once.

/** As a drag guard's options (the same judge, the same dialog), with a stage cell in place of the board. */
export type ListStageGuardOptions = Pick<DragGuardOptions, 'signal' | 'decide' | 'onRefused' | 'onLetThrough'> & { stageCell: StageCellAdapter };

export function guardListStages(lifetime: Lifetime, options: ListStageGuardOptions): void {
  const { stageCell } = options;
  /**
   * The record whose stage menu is open, as far as the last press or click says. Its id, not
   * its cell: the host may redraw the cell as an editor while the menu shows.
   */
  let openedFor: string | undefined;

  const openRecord = (): string | undefined => {
    if (openedFor) return openedFor;
    // Opened without a click Baton saw (keyboard, script): the cell that says its menu shows.
    const expanded = [...document.querySelectorAll(stageCell.cell)].find((cell) => cell.querySelector('[aria-expanded="true"]'));
    return expanded && stageCell.recordId(expanded);
  };

  /**
   * A press starts a menu where it goes down (the host may redraw the cell as an editor before
   * the click lands, on the row); a click inside a stage cell, or a keyboard's click elsewhere
   * (detail 0: Enter on another control), says so too.
   */
  const rememberOpener = (event: Event) => {
    const cell = closestDeep(eventTarget(event), stageCell.cell);
    if (event.type === 'mousedown' || (event.type === 'click' && (cell || (event as MouseEvent).detail === 0))) {
      openedFor = cell && stageCell.recordId(cell);
    }
  };

  /** The move this event makes, if it picks a stage in a row's stage menu. */
  const moveOf = (event: Event): { recordId: string; stage: string } | undefined => {
    const option = activatedOption(event, stageCell.option);
    // Picking the stage the record is already in saves nothing.
    if (!option || option.getAttribute('aria-selected') === 'true') return undefined;
    const inCell = closestDeep(option, stageCell.cell);
    const recordId = inCell ? stageCell.recordId(inCell) : openRecord();
    const stage = optionLabel(option);
    return recordId && stage ? { recordId, stage } : undefined;
  };

  const onEvent = (event: Event) => {
    if (lifetime.isInvalid) return;
    const move = moveOf(event);
    if (!move) return rememberOpener(event);
    const decision = options.decide(move.recordId, move.stage);
    if (decision.kind === 'allow') {
      // Once per gesture, and the user's own pick only: the dialog's redo is reported where it is made.
      if (ANNOUNCING_EVENTS.has(event.type) && event.isTrusted) options.onLetThrough(move.recordId, move.stage);
      return;
    }
    event.preventDefault();
    event.stopImmediatePropagation();
    if (ANNOUNCING_EVENTS.has(event.type)) options.onRefused({ ...move, decision, redo: () => pickAgain(move) });
  };
  for (const type of GUARDED_EVENTS) lifetime.addEventListener(window, type, onEvent, { capture: true, signal: options.signal });

  /** Makes the move Baton held back, the way the user did: open the cell's menu, pick the stage. */
  async function pickAgain({ recordId, stage }: { recordId: string; stage: string }): Promise<void> {
    const cell = [...document.querySelectorAll(stageCell.cell)].find((candidate) => stageCell.recordId(candidate) === recordId);
    const opener = cell?.querySelector(stageCell.opener) ?? cell;
    if (!(opener instanceof HTMLElement)) throw new Error('The record’s row is no longer in the list');
    press(opener);
    await nextFrames(3);
    const option = [...document.querySelectorAll(stageCell.option)].find((candidate) => optionLabel(candidate) === stage);
    if (!(option instanceof HTMLElement)) throw new Error(`The list offered no "${stage}" to pick`);
    press(option);
  }
}

/** A whole click, as a pointer makes it: menus open on pointerdown, mousedown or click. */
function press(element: HTMLElement): void {
  const init = { bubbles: true, cancelable: true, composed: true, button: 0 };
  element.dispatchEvent(new PointerEvent('pointerdown', init));
  element.dispatchEvent(new MouseEvent('mousedown', init));
  element.dispatchEvent(new PointerEvent('pointerup', init));
  element.dispatchEvent(new MouseEvent('mouseup', init));
  element.click();
}
