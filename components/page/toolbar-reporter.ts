import type { PageRecord } from '../../lib/message-schemas';
import { messenger } from '../../lib/messages';
import { toolbarBadge } from './toolbar-badge';
import type { Lifetime } from './lifetime';

/** The icon may lag the page this long at most; meanwhile the host page gets the thread. */
const REPORT_IDLE_TIMEOUT_MS = 500;

/**
 * Tells the worker what this tab's toolbar icon should say, only when that changes, in idle
 * time: the first report would otherwise be a message sent at injection, where the budget is
 * 5 ms, and it only says "nothing yet" before the record's status arrives.
 */
export function toolbarReporter(lifetime: Lifetime, isListing: boolean) {
  let last = '';
  // Read at idle time, not when the page changes: listing a board's thousand records costs
  // tens of milliseconds, and badges being drawn should not wait for the toolbar icon.
  let latest: () => PageRecord[] = () => [];
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    const badge = toolbarBadge(latest(), isListing);
    const key = JSON.stringify(badge);
    if (key === last) return;
    last = key;
    void messenger.sendMessage('showToolbarBadge', badge).catch(() => undefined);
  };
  const send = (records: () => PageRecord[]) => {
    latest = records;
    if (scheduled || lifetime.isInvalid) return;
    scheduled = true;
    lifetime.requestIdleCallback(flush, { timeout: REPORT_IDLE_TIMEOUT_MS });
  };
  return {
    report: send,
    /** The page shows no record (or no board) any more. */
    clear: () => send(() => []),
  };
}
