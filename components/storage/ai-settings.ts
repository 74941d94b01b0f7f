import { browser } from 'wxt/browser';
import { AiSettingsSchema, parseAiSettings, type AiSettings } from '../../lib/ai/settings';

// The person's AI provider choice, in extension storage: the worker (which calls an endpoint)
// and the panel and settings pages read one copy. Never in IndexedDB: no Dexie version for it.

const KEY = 'aiSettings';

export const aiSettings = {
  async get(): Promise<AiSettings> {
    return parseAiSettings((await browser.storage.local.get(KEY))[KEY]);
  },
  set(settings: AiSettings): Promise<void> {
    return browser.storage.local.set({ [KEY]: AiSettingsSchema.parse(settings) });
  },
  /** Calls back on every change, from any context; returns the unsubscribe. */
  watch(onChange: (settings: AiSettings) => void): () => void {
    const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      const change = changes[KEY];
      if (area === 'local' && change) onChange(parseAiSettings(change.newValue));
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage?.onChanged.removeListener(listener);
  },
};
