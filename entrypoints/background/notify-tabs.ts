import { browser } from 'wxt/browser';
import type { RecordStatus } from '../../lib/message-schemas';
import { messenger } from '../../lib/messages';

/**
 * Dexie's live queries reach extension pages but never content scripts, so each tab's guard
 * is told here. Tabs without our content script simply do not answer.
 */
export async function notifyTabs(status: RecordStatus): Promise<void> {
  const tabs = await browser.tabs.query({});
  await Promise.allSettled(
    tabs.flatMap((tab) => (tab.id === undefined ? [] : [messenger.sendMessage('recordChanged', status, tab.id)])),
  );
}
