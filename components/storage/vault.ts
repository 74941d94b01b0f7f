import { liveQuery } from 'dexie';
import type { BatonDb } from './db';

// What Baton keeps from CRM pages: rows in the extension origin's IndexedDB, which only the
// worker and Baton's own pages can open (a content script's IndexedDB is the CRM's). Each
// value is parsed by its reader, as anything read back from storage is.

export type VaultKey = 'teamConnection' | 'aiApiKey' | 'teamPolicyNotice';
export interface VaultEntry {
  key: VaultKey;
  value: unknown;
}

export const vault = {
  async get(db: BatonDb, key: VaultKey): Promise<unknown> {
    return (await db.vault.get(key))?.value;
  },
  put(db: BatonDb, key: VaultKey, value: unknown): Promise<unknown> {
    return db.vault.put({ key, value });
  },
  delete(db: BatonDb, key: VaultKey): Promise<void> {
    return db.vault.delete(key);
  },
  /**
   * Calls back with the value whenever it changes, in any of Baton's contexts (Dexie tells
   * them by BroadcastChannel); returns the unsubscribe. Like storage.onChanged, which it
   * replaces, it does not call back with the value it starts from, unless asked (`initial`):
   * a page showing the value asks, since a value written between its own first read and this
   * query's would otherwise never reach it (the worker moves a connection in as pages open).
   */
  watch(db: BatonDb, key: VaultKey, onChange: (value: unknown) => void, { initial = false } = {}): () => void {
    let first = !initial;
    const subscription = liveQuery(() => db.vault.get(key)).subscribe({
      next: (entry) => (first ? (first = false) : onChange(entry?.value)),
      error: (error: unknown) => console.error(`Baton: watching ${key} failed`, error),
    });
    return () => subscription.unsubscribe();
  },
};
