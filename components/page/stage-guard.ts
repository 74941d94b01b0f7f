import type { Lifetime } from './lifetime';
import type { GateDecision } from '../../lib/gate';
import type { HostAdapter, MenuTracker } from '../../lib/hosts/adapter';
import { closestDeep, eventTarget } from '../../lib/hosts/dom';

type Block = Extract<GateDecision, { kind: 'block' }>;

export interface StageGuardOptions {
  adapter: HostAdapter;
  /** Synchronous: nothing may be awaited between the user's event and the block. */
  decide(stage: string): GateDecision;
  onBlocked(decision: Block): void;
  /** A move into a gated stage went through: the handoff happened. */
  onHandedOff(stage: string): void;
  isGated(stage: string): boolean;
}

// Every event of a commit gesture is held back, not only the click: a host may commit on
// pointerdown or mouseup just as well. The user is told once, on the click or the key.
export const GUARDED_EVENTS = ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click', 'keydown', 'keyup'] as const;
export const ANNOUNCING_EVENTS = new Set(['click', 'keydown']);
const MENU_TRIGGER = 'button, [role="button"], [role="combobox"], [aria-haspopup]';
const MENU_ITEM = '[role="option"], [role="menuitem"]';

/**
 * Listens on window in the capture phase, added at document_start: it runs before any
 * listener of the host page (React listens at its root), so a blocked event never reaches it.
 */
export function installStageGuard(lifetime: Lifetime, options: StageGuardOptions): void {
  const menu: MenuTracker = { openedBy: undefined };
  const onEvent = (event: Event) => {
    // An orphaned script keeps judging (lifetime.ts): only a newer guard relieves it.
    if (lifetime.isSuperseded) return;
    if (event.type === 'click') rememberMenuOpener(event, menu);
    const stage = options.adapter.stageCommit(event, menu);
    if (stage === undefined) return;
    const decision = options.decide(stage);
    if (decision.kind === 'allow') {
      if (ANNOUNCING_EVENTS.has(event.type) && options.isGated(stage)) options.onHandedOff(stage);
      return;
    }
    event.preventDefault();
    event.stopImmediatePropagation();
    if (ANNOUNCING_EVENTS.has(event.type)) options.onBlocked(decision);
  };
  for (const type of GUARDED_EVENTS) lifetime.addGuardListener(window, type, onEvent, true);
}

/** A click on a control that opens a menu (not on an item inside one) opens a new menu. */
function rememberMenuOpener(event: Event, menu: MenuTracker): void {
  const target = eventTarget(event);
  if (!target || closestDeep(target, MENU_ITEM)) return;
  menu.openedBy = closestDeep(target, MENU_TRIGGER);
}
