import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { HostAdapter } from '../../lib/hosts/adapter';
import { isOwnExtension, messenger } from '../../lib/messages';
import { insertIntoComposer } from './composer';
import { createRecordPage } from './record-page';
import { installStageGuard } from './stage-guard';
import { toolbarBadge } from '../../lib/toolbar-badge';

/**
 * Wires one host app's adapter to the stage guard, the record page and the extension. Runs at
 * document_start: the guard is in place before the host's own scripts run. Boards and lists
 * are another content script's (board/baton-boards.ts), injected when the page is idle.
 */
export function startBaton(ctx: ContentScriptContext, adapter: HostAdapter): void {
  let onRecordPage = false;
  let lastBadge = '';

  const reportToolbar = () => {
    if (!onRecordPage) return;
    const badge = toolbarBadge(record.records(), false);
    const key = JSON.stringify(badge);
    if (key === lastBadge || ctx.isInvalid) return;
    lastBadge = key;
    void messenger.sendMessage('showToolbarBadge', badge).catch(() => undefined);
  };
  const record = createRecordPage(ctx, adapter, reportToolbar);
  installStageGuard(ctx, { adapter, decide: record.decide, onBlocked: record.onBlocked, onHandedOff: record.onHandedOff, isGated: record.isGated });

  // Everything below comes from our own worker; its sender is checked, its shape was parsed
  // by the worker before it was sent (message-schemas.ts).
  const own = (sender: { id?: string }) => isOwnExtension(sender, browser.runtime.id);
  const unsubscribe = [
    messenger.onMessage('recordChanged', ({ data, sender }) => {
      if (!own(sender)) return;
      record.update(data);
    }),
    messenger.onMessage('refreshStatus', ({ sender }) => {
      if (own(sender)) record.reload();
    }),
    messenger.onMessage('pageRecords', ({ sender }) => (own(sender) ? record.records() : [])),
    messenger.onMessage('insertIntoComposer', ({ data, sender }) =>
      own(sender) ? insertIntoComposer(document, adapter.composers, data.text) : { inserted: false },
    ),
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
    const wasRecordPage = onRecordPage;
    onRecordPage = adapter.isRecordUrl(url);
    if (onRecordPage) return record.open(url);
    record.close();
    if (adapter.listing?.isListingUrl(url)) void messenger.sendMessage('openBoards', url.href).catch(() => undefined);
    // Leaving a record for a page that is neither: the toolbar says nothing any more.
    if (wasRecordPage && !adapter.listing?.isListingUrl(url)) {
      lastBadge = '';
      void messenger.sendMessage('showToolbarBadge', toolbarBadge([], false)).catch(() => undefined);
    }
  }

  // The event fires as the navigation starts, before location.href changes: use its URL.
  ctx.addEventListener(window, 'wxt:locationchange', (event) => openPage(event.newUrl));
  openPage(new URL(location.href));
}
