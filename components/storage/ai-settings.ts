import { browser } from 'wxt/browser';
import * as z from 'zod/mini';
import { AiSettingsSchema, parseAiSettings, type AiSettings } from '../../lib/ai/settings';
import { batonDb, type BatonDb } from './db';
import { vault } from './vault';

// The person's AI provider choice. Everything but the API key is in extension storage, where
// the panel (in Firefox framed without IndexedDB broadcasts) and the settings page read and
// watch it; the key is in the extension origin's IndexedDB (vault.ts), out of reach of the
// content scripts that storage.local is open to. Only the worker and the settings form read it.

const KEY = 'aiSettings';
const ApiKeySchema = AiSettingsSchema.shape.apiKey;
/** What goes to storage.local: the settings without their key. */
const LocalAiSettingsSchema = z.omit(AiSettingsSchema, { apiKey: true });

export const aiSettings = {
  /** The settings without the key (apiKey reads ''): what the panel needs to say where text would go. */
  async get(): Promise<AiSettings> {
    return { ...parseAiSettings((await browser.storage.local.get(KEY))[KEY]), apiKey: '' };
  },
  /** The settings with the key: for the worker that calls the endpoint and the form that edits it. */
  async withKey(db: BatonDb = batonDb()): Promise<AiSettings> {
    const key = ApiKeySchema.safeParse(await vault.get(db, 'aiApiKey'));
    return { ...(await aiSettings.get()), apiKey: key.success ? key.data : '' };
  },
  async set(settings: AiSettings, db: BatonDb = batonDb()): Promise<void> {
    const { apiKey, ...rest } = AiSettingsSchema.parse(settings);
    // The key first: a failure here leaves the old settings whole rather than new ones keyless.
    await (apiKey ? vault.put(db, 'aiApiKey', apiKey) : vault.delete(db, 'aiApiKey'));
    await browser.storage.local.set({ [KEY]: LocalAiSettingsSchema.parse(rest) });
  },
  /** Calls back on every change, from any context; returns the unsubscribe. The key is not watched. */
  watch(onChange: (settings: AiSettings) => void): () => void {
    const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      const change = changes[KEY];
      if (area === 'local' && change) onChange({ ...parseAiSettings(change.newValue), apiKey: '' });
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage?.onChanged.removeListener(listener);
  },
};
