import type { Lifetime } from './lifetime';

/** Changes are batched: one read per this many ms at most, never one per mutation. */
const READ_DELAY_MS = 150;

/**
 * What the host changes when it shows another stage: its stage control's text (React and
 * Angular update text nodes in place), the current step's class (Salesforce's Path), the
 * selected stage's aria-selected (Pipedrive) or a status attribute. Not every class change on
 * the page is a stage change, but each costs only a timer check here.
 */
const STAGE_ATTRIBUTES = ['class', 'aria-selected', 'aria-label', 'title', 'data-status'];

/**
 * Safety net: reports the stage the record page shows whenever it changes, whatever changed
 * it (the user, a colleague's save pushed by the server, a workflow). `read` is the adapter's
 * currentStage; `onStage` hears each new value, and undefined while no stage is drawn.
 */
export function watchShownStage(lifetime: Lifetime, read: () => string | undefined, onStage: (stage: string | undefined) => void) {
  let shown: string | undefined;
  let pending: number | undefined;
  const check = () => {
    pending = undefined;
    const stage = read();
    if (stage === shown) return;
    shown = stage;
    onStage(stage);
  };
  const observer = new MutationObserver(() => {
    pending ??= lifetime.setTimeout(check, READ_DELAY_MS);
  });
  observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: STAGE_ATTRIBUTES });
  const forget = lifetime.onInvalidated(() => observer.disconnect());
  check();
  return {
    /** Another record is shown: its stage is news even when it reads the same. */
    reread() {
      shown = undefined;
      check();
    },
    stop() {
      forget();
      observer.disconnect();
      if (pending !== undefined) clearTimeout(pending);
    },
  };
}
