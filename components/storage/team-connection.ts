import { browser } from 'wxt/browser';
import { TeamConnectionSchema, type TeamConnection } from '../../lib/sync/connection';

// The team connection lives in extension storage (not IndexedDB) so the worker, every extension
// page and the settings page read one copy and hear when it changes. A stored value that no
// longer parses (an older build wrote it) reads as "not connected" rather than half a connection.

const KEY = 'teamConnection';

export const teamConnection = {
  async get(): Promise<TeamConnection | null> {
    const stored = await browser.storage.local.get(KEY);
    const parsed = TeamConnectionSchema.safeParse(stored[KEY]);
    return parsed.success ? parsed.data : null;
  },
  set(connection: TeamConnection): Promise<void> {
    return browser.storage.local.set({ [KEY]: TeamConnectionSchema.parse(connection) });
  },
  clear(): Promise<void> {
    return browser.storage.local.remove(KEY);
  },
  /** Calls back on every change, from any context; returns the unsubscribe. */
  watch(onChange: (connection: TeamConnection | null) => void): () => void {
    const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      const change = changes[KEY];
      if (area !== 'local' || !change) return;
      const parsed = TeamConnectionSchema.safeParse(change.newValue);
      onChange(parsed.success ? parsed.data : null);
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage?.onChanged.removeListener(listener);
  },
};
