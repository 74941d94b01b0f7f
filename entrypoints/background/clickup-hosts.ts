import { browser } from 'wxt/browser';
import { clickupHosts, originPattern } from '../../components/storage/clickup-hosts';

const SCRIPT_ID = 'clickup-white-label';

/** Keeps the ClickUp content script registered on the team's own ClickUp domains. */
export function registerClickupHosts(): void {
  void sync(undefined);
  clickupHosts.watch((hosts) => void sync(hosts ?? []));
}

async function sync(known: string[] | undefined): Promise<void> {
  const hosts = known ?? (await clickupHosts.getValue());
  const registered = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (registered.length > 0) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  if (hosts.length === 0) return;
  await browser.scripting.registerContentScripts([
    {
      id: SCRIPT_ID,
      matches: hosts.map(originPattern),
      js: ['content-scripts/clickup.js'],
      runAt: 'document_start',
      persistAcrossSessions: true,
    },
  ]);
}
