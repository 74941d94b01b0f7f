import { isComplete, totals } from '../../lib/gate';
import type { PageRecord, ToolbarBadge } from '../../lib/message-schemas';

/**
 * "4/6" on a record; on a board or list, how many of its records are not ready to hand off.
 * No words here: this runs at injection, and the worker words the tooltip (toolbar.ts).
 */
export function toolbarBadge(records: PageRecord[], isListing: boolean): ToolbarBadge {
  if (!isListing) {
    const status = records[0]?.status;
    if (!status || status.checklists.length === 0) return { text: '', complete: false, summary: { kind: 'idle' } };
    const { filled, required } = totals(status.checklists);
    return { text: `${filled}/${required}`, complete: isComplete(status.checklists), summary: { kind: 'record', filled, required } };
  }
  const open = records.filter((record) => !isComplete(record.status.checklists)).length;
  return { text: open > 0 ? String(open) : '', complete: open === 0, summary: { kind: 'listing', open } };
}
