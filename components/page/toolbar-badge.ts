import { i18n } from '#i18n';
import { isComplete, totals } from '../../lib/gate';
import type { PageRecord, ToolbarBadge } from '../../lib/message-schemas';

/** "4/6" on a record; on a board or list, how many of its records are not ready to hand off. */
export function toolbarBadge(records: PageRecord[], isListing: boolean): ToolbarBadge {
  if (!isListing) {
    const status = records[0]?.status;
    if (!status || status.checklists.length === 0) return { text: '', complete: false, tooltip: i18n.t('page.toolbar.idle') };
    const { filled, required } = totals(status.checklists);
    const complete = isComplete(status.checklists);
    return { text: `${filled}/${required}`, complete, tooltip: i18n.t('page.toolbar.record', [filled, required]) };
  }
  const open = records.filter((record) => !isComplete(record.status.checklists)).length;
  return {
    text: open > 0 ? String(open) : '',
    complete: open === 0,
    tooltip: open > 0 ? i18n.t('page.toolbar.listing', open) : i18n.t('page.toolbar.listingReady'),
  };
}
