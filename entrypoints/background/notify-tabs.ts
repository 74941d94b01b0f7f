import { browser } from 'wxt/browser';
import { clickupHosts, originPattern } from '../../components/storage/clickup-hosts';
import { ALL_HOST_MATCHES } from '../../lib/hosts/all';
import type { RecordStatus } from '../../lib/message-schemas';
import { messenger } from '../../lib/messages';

/**
 * Dexie's live queries reach extension pages but never content scripts, so each tab's guard
 * is told here. Tabs without our content script simply do not answer.
 */
export function notifyTabs(...statuses: RecordStatus[]): Promise<void> {
  // The tabs are looked up once for all: a hundred statuses are a hundred messages per tab,
  // not also a hundred tab queries competing with the tabs' own status requests.
  return toEveryTab(async (tabId) => void (await Promise.allSettled(statuses.map((status) => messenger.sendMessage('recordChanged', status, tabId)))));
}

/** Templates changed: every tab asks for its record's status again. */
export function refreshTabs(): Promise<void> {
  return toEveryTab((tabId) => messenger.sendMessage('refreshStatus', undefined, tabId));
}

/** Tabs of the host apps only (and the team's own ClickUp domains): no other tab has our script. */
async function toEveryTab(send: (tabId: number) => Promise<void>): Promise<void> {
  const whiteLabel = (await clickupHosts.getValue()).map(originPattern);
  const tabs = await browser.tabs.query({ url: [...ALL_HOST_MATCHES, ...whiteLabel] });
  await Promise.allSettled(tabs.flatMap((tab) => (tab.id === undefined ? [] : [send(tab.id)])));
}
