import { browser } from 'wxt/browser';
import { clickupHosts, originPattern } from '../../components/storage/clickup-hosts';
import { clickup } from '../../lib/hosts/clickup';
import { hubspot } from '../../lib/hosts/hubspot';
import { pipedrive } from '../../lib/hosts/pipedrive';
import { salesforce } from '../../lib/hosts/salesforce';
import type { HostApp } from '../../lib/record';

/**
 * After an install or update, tabs already open on a host app still run the old, orphaned
 * script, which cannot guard anything: give them the new one at once instead of waiting for
 * the user to reload. (It starts late, after the host's own scripts; the guard listens on
 * window in the capture phase, which still runs first.)
 */
export function reinjectOnUpdate(): void {
  browser.runtime.onInstalled.addListener(() => void reinject());
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
