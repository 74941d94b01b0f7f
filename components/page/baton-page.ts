import { i18n } from '#i18n';
import { browser } from 'wxt/browser';
import type { Lifetime } from './lifetime';
import type { HostAdapter } from '../../lib/hosts/adapter';
import { isOwnExtension, messenger } from '../../lib/messages';
import { pageTools } from './page-tools';
import { createRecordPage } from './record-page';
import { installStageGuard } from './stage-guard';
import { toolbarReporter } from './toolbar-reporter';

/**
 * Wires one host app's adapter to the stage guard, the record page and the extension. Runs at
 * document_start: the guard is in place before the host's own scripts run. Boards and lists
 * are another content script's (board/baton-boards.ts), injected when the page is idle.
 */
export function startBaton(lifetime: Lifetime, adapter: HostAdapter): void {
  let onRecordPage = false;
  const toolbar = toolbarReporter(lifetime, false);
  const record = createRecordPage(lifetime, adapter, () => onRecordPage && toolbar.report(record.records));
  installStageGuard(lifetime, { adapter, decide: record.decide, onBlocked: record.onBlocked, onHandedOff: record.onHandedOff, isGated: record.isGated });

  // Everything below comes from our own worker; its sender is checked, its shape was parsed
  // by the worker before it was sent (message-schemas.ts).
  const own = (sender: { id?: string }) => isOwnExtension(sender, browser.runtime.id);
  /** The page tools the worker injected for this request (page-tools.ts); none for anyone else. */
  const toolsFor = (sender: { id?: string }) => (own(sender) ? pageTools() : undefined);
  const requireTools = (sender: { id?: string }) => {
    const tools = toolsFor(sender);
    if (!tools) throw new Error(i18n.t('page.toolsMissing'));
    return tools;
  };
  const unsubscribe = [
    messenger.onMessage('recordChanged', ({ data, sender }) => {
      if (!own(sender)) return;
      record.update(data);
    }),
    messenger.onMessage('refreshStatus', ({ sender }) => {
      if (own(sender)) record.reload();
    }),
    messenger.onMessage('pageRecords', ({ sender }) => (own(sender) ? record.records() : [])),
    messenger.onMessage('pageOutline', ({ sender }) => requireTools(sender).pageOutline(adapter, document, new URL(location.href))),
    messenger.onMessage('pageNotesText', ({ sender }) => requireTools(sender).recordNotesText(document, adapter.notesText)),
    // Without the tools (not injected), nothing is inserted: the panel copies the brief instead.
    messenger.onMessage('insertIntoComposer', ({ data, sender }) => {
      const tools = toolsFor(sender);
      return tools ? tools.insertIntoComposer(document, adapter, data.text) : { inserted: false, reason: i18n.t('page.toolsMissing') };
    }),
  ];
  lifetime.removeOnEnd(...unsubscribe);

  /** A new page of the host app (load or SPA navigation). */
  function openPage(url: URL) {
    if (lifetime.isInvalid) return;
    const wasRecordPage = onRecordPage;
    onRecordPage = adapter.isRecordUrl(url);
    if (onRecordPage) return record.open(url);
    record.close();
    const onListingPage = adapter.listing?.isListingUrl(url) ?? false;
    if (onListingPage) void messenger.sendMessage('openBoards', url.href).catch(() => undefined);
    // Leaving a record for a page that is neither: the toolbar says nothing any more.
    else if (wasRecordPage) toolbar.clear();
  }

  lifetime.watchLocation(openPage);
  openPage(new URL(location.href));
}
