import type { PageRecord } from '../../lib/message-schemas';
import { messenger } from '../../lib/messages';
import { toolbarBadge } from './toolbar-badge';
import type { Lifetime } from './lifetime';

/** Tells the worker what this tab's toolbar icon should say, only when that changes. */
export function toolbarReporter(lifetime: Lifetime, isListing: boolean) {
  let last = '';
  const send = (records: PageRecord[]) => {
    const badge = toolbarBadge(records, isListing);
    const key = JSON.stringify(badge);
    if (key === last || lifetime.isInvalid) return;
    last = key;
    void messenger.sendMessage('showToolbarBadge', badge).catch(() => undefined);
  };
  return {
    report: send,
    /** The page shows no record (or no board) any more. */
    clear: () => send([]),
  };
}
