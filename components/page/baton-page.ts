import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { HostAdapter } from '../../lib/hosts/adapter';
import { isOwnExtension, messenger } from '../../lib/messages';
import type { DragGuard } from './board/drag-support';
import { startListingPage, type ListingPage } from './board/listing-page';
import { createRecordPage, afterLoad } from './record-page';
import { installStageGuard } from './stage-guard';
import { toolbarBadge } from '../../lib/toolbar-badge';

/**
 * Wires one host app's adapter to the guard, the pages and the extension. Runs at
 * document_start: the guard is in place before the host's own scripts run. `guardDrags` is
 * the guard for the drag library of the app's board, chosen by its entrypoint so each
 * content script carries only its own.
 */
export function startBaton(ctx: ContentScriptContext, adapter: HostAdapter, guardDrags?: DragGuard): void {
  let listing: ListingPage | undefined;
  let pageUrl: URL | undefined;
  let lastBadge = '';

  const reportToolbar = () => {
    const badge = toolbarBadge(listing ? listing.records() : record.records(), Boolean(listing));
    const key = JSON.stringify(badge);
    if (key === lastBadge || ctx.isInvalid) return;
    lastBadge = key;
    void messenger.sendMessage('showToolbarBadge', badge).catch(() => undefined);
  };
  const record = createRecordPage(ctx, adapter, reportToolbar);
  installStageGuard(ctx, { adapter, decide: record.decide, onBlocked: record.onBlocked });

  // Everything below comes from our own worker; its sender is checked, its shape was parsed
  // by the worker before it was sent (message-schemas.ts).
  const own = (sender: { id?: string }) => isOwnExtension(sender, browser.runtime.id);
  const unsubscribe = [
    messenger.onMessage('recordChanged', ({ data, sender }) => {
      if (!own(sender)) return;
      record.update(data);
      listing?.update(data);
    }),
    messenger.onMessage('refreshStatus', ({ sender }) => {
      if (own(sender)) record.reload();
    }),
    messenger.onMessage('moveDialogClosed', ({ data, sender }) => {
      if (own(sender)) listing?.answer(data.confirmed);
    }),
    messenger.onMessage('pageRecords', ({ sender }) => (own(sender) ? (listing?.records() ?? record.records()) : [])),
  ];
  ctx.onInvalidated(() => {
    // After an extension reload the extension APIs are gone from this orphaned script, and
    // our listeners with them: unsubscribing would throw into the host page.
    if (browser.runtime?.id) for (const stop of unsubscribe) stop();
  });
  // After an extension reload this script is orphaned; the context notices only when asked,
  // so ask every second and let it remove our listeners and the dock.
  ctx.setInterval(() => undefined, 1000);

  /** A new page of the host app (load or SPA navigation). */
  function openPage(url: URL) {
    if (ctx.isInvalid) return;
    pageUrl = url;
    listing?.stop();
    listing = undefined;
    if (adapter.isRecordUrl(url)) return record.open(url);
    record.close();
    const listingAdapter = adapter.listing;
    if (!listingAdapter?.isListingUrl(url)) return;
    afterLoad(ctx, () => {
      if (pageUrl === url) listing = startListingPage(ctx, adapter.host, listingAdapter, guardDrags, reportToolbar);
    });
  }

  // The event fires as the navigation starts, before location.href changes: use its URL.
  ctx.addEventListener(window, 'wxt:locationchange', (event) => openPage(event.newUrl));
  openPage(new URL(location.href));
}
