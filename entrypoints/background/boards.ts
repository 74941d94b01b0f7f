import { browser } from 'wxt/browser';
import { clickup } from '../../lib/hosts/clickup';
import { hubspot } from '../../lib/hosts/hubspot';
import { pipedrive } from '../../lib/hosts/pipedrive';
import { salesforce } from '../../lib/hosts/salesforce';

const APPS = [hubspot, salesforce, pipedrive, clickup];

/**
 * Injects a host app's boards script (badges, drag guard) into a tab showing one of its boards
 * or lists. Asked by the record script, which every page of the app carries; the boards
 * script itself then follows the tab's SPA navigation.
 */
export async function injectBoards(tabId: number, url: URL): Promise<void> {
  const app = APPS.find((candidate) => candidate.listing?.isListingUrl(url));
  if (!app) return;
  // Once per page load: the script follows SPA navigation itself (see baton-boards.ts).
  const [{ result: running } = { result: false }] = await browser.scripting.executeScript({
    target: { tabId, frameIds: [0] },
    func: () => (globalThis as { batonBoardsRunning?: () => boolean }).batonBoardsRunning?.() === true,
  });
  if (running) return;
  await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: [`/content-scripts/${app.host}-boards.js`] });
}
