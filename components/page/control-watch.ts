import type { Lifetime } from './lifetime';
import type { GuardStatus } from '../../lib/panel-location';

/** How long the host may take to draw its stage control, or to redraw it after a re-render. */
export const CONTROL_GRACE_MS = 3000;
/** Mutations are batched: one lookup per this many ms at most, never one per mutation. */
const CHECK_DELAY_MS = 150;

/**
 * Reports whether the control the guard relies on is on the page. A control that cannot be
 * found within the grace period makes the guard visibly inactive instead of silently passing.
 */
export function watchStageControl(
  lifetime: Lifetime,
  /** Re-reads the page after a change; true while the control is there. */
  isPresent: () => boolean,
  /**
   * Called after every batched check, not only on a change: the host re-rendered, so what
   * Baton shows of it (the record title) may have changed too.
   */
  onStatus: (status: GuardStatus) => void,
): () => void {
  let missingSince: number | undefined = Date.now();
  let pending: number | undefined;
  const check = () => {
    pending = undefined;
    if (isPresent()) {
      missingSince = undefined;
      onStatus('active');
      return;
    }
    missingSince ??= Date.now();
    const missingFor = Date.now() - missingSince;
    if (missingFor >= CONTROL_GRACE_MS) return onStatus('inactive');
    onStatus('searching');
    schedule(CONTROL_GRACE_MS - missingFor);
  };
  const schedule = (delay = CHECK_DELAY_MS) => {
    pending ??= lifetime.setTimeout(check, delay);
  };
  const observer = new MutationObserver(() => schedule());
  observer.observe(document.documentElement, { childList: true, subtree: true });
  const forget = lifetime.onInvalidated(() => observer.disconnect());
  check();
  return () => {
    forget();
    observer.disconnect();
    if (pending !== undefined) clearTimeout(pending);
  };
}
