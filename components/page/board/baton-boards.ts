import { browser } from 'wxt/browser';
import type { Lifetime } from '../lifetime';
import type { HostAdapter, ListingAdapter } from '../../../lib/hosts/adapter';
import { isOwnExtension, messenger } from '../../../lib/messages';
import type { DragGuard } from './drag-support';
import { toolbarReporter } from '../toolbar-reporter';
import { startListingPage, type ListingPage } from './listing-page';

/**
 * Boards and lists of one host app. A content script of its own, injected by the worker when
 * a board or list shows: the script every page carries (baton-page.ts) stays small for its
 * 5 ms budget at injection.
 * `guardDrags` is the guard for the app's drag library, chosen by the entrypoint.
 */
export function startBoards(lifetime: Lifetime, adapter: HostAdapter & { listing: ListingAdapter }, guardDrags: DragGuard): void {
  let page: ListingPage | undefined;
  const toolbar = toolbarReporter(lifetime, true);
  // What the worker asks before injecting this script again (entrypoints/background/boards.ts).
  Object.assign(globalThis, { batonBoardsRunning: () => !lifetime.isInvalid });

  // The icon counts incomplete records: their statuses are all it reads.
  const reportToolbar = () => page && toolbar.report(() => (page?.statuses() ?? []).map((status) => ({ status })));

  // From our own worker only; the worker parsed each message before it was sent.
  const own = (sender: { id?: string }) => isOwnExtension(sender, browser.runtime.id);
  const unsubscribe = [
    messenger.onMessage('recordChanged', ({ data, sender }) => {
      if (own(sender)) page?.update(data);
    }),
    messenger.onMessage('refreshStatus', ({ sender }) => {
      if (own(sender)) page?.refresh();
    }),
    messenger.onMessage('moveDialogClosed', ({ data, sender }) => {
      if (own(sender)) page?.answer(data.confirmed);
    }),
    messenger.onMessage('listingRecords', ({ sender }) => (own(sender) && page ? page.records() : [])),
  ];
  // An orphaned script (extension reloaded) takes its badges, styles and any open dialog with
  // it: a dialog left behind would cover the board with nothing to answer it.
  lifetime.onInvalidated(() => page?.stop());
  lifetime.removeOnEnd(...unsubscribe);

  function openPage(url: URL) {
    if (lifetime.isInvalid) return;
    const wasListing = page !== undefined;
    page?.stop();
    page = undefined;
    if (adapter.listing.isListingUrl(url)) {
      page = startListingPage(lifetime, adapter.host, adapter.listing, guardDrags, reportToolbar);
    } else if (wasListing && !adapter.isRecordUrl(url)) {
      // To a record, its own script speaks for the toolbar; anywhere else it says nothing.
      toolbar.clear();
    }
  }

  lifetime.watchLocation(openPage);
  openPage(new URL(location.href));
}
