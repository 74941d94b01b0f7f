import { browser } from 'wxt/browser';
import { clickupHosts, originPattern } from '../../components/storage/clickup-hosts';
import { clickup } from '../../lib/hosts/clickup';
import { hubspot } from '../../lib/hosts/hubspot';
import { pipedrive } from '../../lib/hosts/pipedrive';
import { salesforce } from '../../lib/hosts/salesforce';
import type { HostApp } from '../../lib/record';

/** Set in storage.session, which the browser empties when the extension is updated, turned off or reloaded. */
const INJECTED = 'openTabsInjected';

/**
 * After an install, an update, or the extension being turned off and on, tabs already open
 * on a host app still run the old, orphaned script, which keeps blocking gated moves on the
 * last checklist it knew but can no longer learn of a change: give them the new one at once
 * instead of waiting for the user to reload. Turning the extension on again fires no
 * onInstalled, so this runs on the worker's first start since the extension was loaded,
 * which storage.session tells apart from a restart after idling. (It starts late, after the
 * host's own scripts; the guard listens on window in the capture phase, which still runs first.)
 */
export async function reinjectOnUpdate(): Promise<void> {
  if ((await browser.storage.session.get(INJECTED))[INJECTED] === true) return;
  await browser.storage.session.set({ [INJECTED]: true });
  await reinject();
}

async function reinject(): Promise<void> {
  const whiteLabel = (await clickupHosts.getValue()).map(originPattern);
  for (const app of [hubspot, salesforce, pipedrive, clickup]) {
    const matches = app.host === 'clickup' ? [...app.matches, ...whiteLabel] : app.matches;
    const tabs = await browser.tabs.query({ url: matches });
    await Promise.allSettled(tabs.flatMap((tab) => (tab.id === undefined ? [] : [injectUnlessRunning(tab.id, app.host)])));
  }
}

/**
 * A tab that loaded after the install already runs this version's script (from the
 * manifest). Scripts of this version share one isolated world, so its mark is visible here;
 * an orphaned older script lives in another world and does not count.
 */
async function injectUnlessRunning(tabId: number, host: HostApp): Promise<void> {
  const target = { tabId, frameIds: [0] };
  const [probe] = await browser.scripting.executeScript({ target, func: () => 'batonLifetime:record' in globalThis });
  if (probe?.result === true) return;
  await browser.scripting.executeScript({ target, files: [`/content-scripts/${host}.js`] });
}
