import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { ListingAdapter } from '../../../lib/hosts/adapter';
import type { RecordStatus } from '../../../lib/message-schemas';
import type { HostApp, RecordRef } from '../../../lib/record';
import { renderBadge } from './badges';

export interface ListingWatch {
  /** The status of a record shown on the page, once loaded. */
  status(recordId: string): RecordStatus | undefined;
  /** A record changed (typed in another tab or in the move dialog): redraw its badges. */
  update(status: RecordStatus): void;
  /** Every record on the page with its status, in page order. */
  records(): { item: Element; recordId: string; status: RecordStatus | undefined }[];
  stop(): void;
}

/**
 * Badges every card and row of a board or list, including those drawn later (lazy loading,
 * virtual scrolling, filters, re-renders). Only added nodes and recycled rows are looked at,
 * never the whole page per mutation; unknown records are asked for in one batch per frame.
 */
export function watchListing(
  ctx: ContentScriptContext,
  host: HostApp,
  listing: ListingAdapter,
  load: (refs: RecordRef[]) => Promise<RecordStatus[]>,
  onChange: () => void,
): ListingWatch {
  const statuses = new Map<string, RecordStatus>();
  const loading = new Set<string>();
  const pending = new Set<Element>();
  let scheduled = false;

  const isItem = (element: Element) =>
    element.matches(listing.itemSelector) && !(listing.ignoreSelector && element.closest(listing.ignoreSelector));

  const collect = (root: Element) => {
    if (isItem(root)) pending.add(root);
    for (const item of root.querySelectorAll(listing.itemSelector)) if (isItem(item)) pending.add(item);
  };

  const badge = (item: Element, recordId: string) => renderBadge(listing.badgeSlot(item), recordId, statuses.get(recordId));

  const flush = () => {
    scheduled = false;
    const missing: string[] = [];
    for (const item of pending) {
      const recordId = item.isConnected ? listing.itemRecordId(item) : undefined;
      if (!recordId) continue;
      badge(item, recordId);
      if (!statuses.has(recordId) && !loading.has(recordId)) missing.push(recordId);
    }
    pending.clear();
    if (missing.length > 0) void fetchStatuses(missing);
  };

  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    // A frame, not a timer: badges arrive with the rows, and a burst of mutations is one pass.
    requestAnimationFrame(flush);
  };

  async function fetchStatuses(recordIds: string[]) {
    for (const id of recordIds) loading.add(id);
    try {
      const loaded = await load(recordIds.map((recordId) => ({ host, objectType: listing.objectType, recordId })));
      for (const status of loaded) statuses.set(status.ref.recordId, status);
      redraw(new Set(recordIds));
    } finally {
      for (const id of recordIds) loading.delete(id);
    }
  }

  /** Re-badges the items showing these records: a rare event (a reply, an edit), so one query. */
  function redraw(recordIds: Set<string>) {
    for (const item of document.querySelectorAll(listing.itemSelector)) {
      const recordId = isItem(item) ? listing.itemRecordId(item) : undefined;
      if (recordId && recordIds.has(recordId)) badge(item, recordId);
    }
    onChange();
  }

  const observer = new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      if (mutation.type === 'attributes') {
        const target = mutation.target as Element;
        const item = isItem(target) ? target : target.closest(listing.itemSelector);
        if (item && isItem(item)) pending.add(item);
        continue;
      }
      for (const node of mutation.addedNodes) if (node instanceof Element && node.localName !== 'baton-badge') collect(node);
    }
    if (pending.size > 0) schedule();
  });
  observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: listing.recycledAttributes });
  ctx.onInvalidated(() => observer.disconnect());
  collect(document.body);
  schedule();

  return {
    status: (recordId) => statuses.get(recordId),
    update(status) {
      if (status.ref.host !== host || status.ref.objectType !== listing.objectType) return;
      statuses.set(status.ref.recordId, status);
      redraw(new Set([status.ref.recordId]));
    },
    records() {
      const seen = new Set<string>();
      const records: { item: Element; recordId: string; status: RecordStatus | undefined }[] = [];
      for (const item of document.querySelectorAll(listing.itemSelector)) {
        const recordId = isItem(item) ? listing.itemRecordId(item) : undefined;
        if (!recordId || seen.has(recordId)) continue;
        seen.add(recordId);
        records.push({ item, recordId, status: statuses.get(recordId) });
      }
      return records;
    },
    stop: () => observer.disconnect(),
  };
}
