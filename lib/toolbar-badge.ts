import { isComplete, totals } from './gate';
import type { PageRecord, ToolbarBadge } from './message-schemas';

/** "4/6" on a record; on a board or list, how many of its records are not ready to hand off. */
export function toolbarBadge(records: PageRecord[], isListing: boolean): ToolbarBadge {
  if (!isListing) {
    const status = records[0]?.status;
    if (!status || status.checklists.length === 0) return { text: '', complete: false, tooltip: 'Baton' };
    const { filled, required } = totals(status.checklists);
    const complete = isComplete(status.checklists);
    return { text: `${filled}/${required}`, complete, tooltip: `Baton: ${filled} of ${required} required fields filled on this record` };
  }
  const open = records.filter((record) => !isComplete(record.status.checklists)).length;
  return {
    text: open > 0 ? String(open) : '',
    complete: open === 0,
    tooltip: open > 0 ? `Baton: ${open} record${open === 1 ? '' : 's'} on this page not ready to hand off` : 'Baton: every record on this page is ready',
  };
}
