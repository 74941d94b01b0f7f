import { browser } from 'wxt/browser';
import type { BatonDb } from './db';
import { vault } from './vault';

// Earlier versions kept the team connection (with its token) and the AI key in storage.local,
// which every content script Baton runs in a CRM tab can read. The worker moves them into the
// vault on every start, and whenever one appears there again (an extension page still open
// from before an update writes the old way). Copy first, then delete: a worker stopped in
// between copies the same values again next time. A value in storage.local is always the
// newer one (this version never writes one), so it wins over the vault's.

const CONNECTION = 'teamConnection';
const AI_SETTINGS = 'aiSettings';

export async function moveSecretsOutOfLocalStorage(db: BatonDb): Promise<void> {
  const stored = await browser.storage.local.get([CONNECTION, AI_SETTINGS]);
  if (stored[CONNECTION] !== undefined) {
    // Moved even when it no longer parses: it may still hold a token, and the vault's reader
    // treats an unreadable value as "not connected" just as before.
    await vault.put(db, 'teamConnection', stored[CONNECTION]);
    await browser.storage.local.remove(CONNECTION);
  }
  const settings = stored[AI_SETTINGS] as Record<string, unknown> | undefined;
  if (settings && typeof settings === 'object' && 'apiKey' in settings) {
    const { apiKey, ...rest } = settings;
    await (typeof apiKey === 'string' && apiKey ? vault.put(db, 'aiApiKey', apiKey) : vault.delete(db, 'aiApiKey'));
    await browser.storage.local.set({ [AI_SETTINGS]: rest });
  }
}

/** Moves at once and again on every write of the old kind; resolves once the first move is done. */
export function keepSecretsOutOfLocalStorage(db: BatonDb): Promise<void> {
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && (changes[CONNECTION]?.newValue !== undefined || changes[AI_SETTINGS]?.newValue !== undefined)) {
      void moveSecretsOutOfLocalStorage(db).catch((error: unknown) => console.error('Baton: moving secrets out of storage.local failed', error));
    }
  });
  return moveSecretsOutOfLocalStorage(db);
}
