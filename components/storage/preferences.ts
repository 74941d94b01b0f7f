import { browser } from 'wxt/browser';

// Small preferences live in extension storage, not IndexedDB: the content script reads them
// before it draws anything, and it must never open Dexie. Read through browser.storage itself
// rather than WXT's storage wrapper: the wrapper adds ~17 KB to a content script whose budget
// is 40 KB, for one boolean.

const DOCK_COLLAPSED = 'dockCollapsed';

/** The dock is collapsed in every tab once the user collapses it in one. */
export const dockCollapsed = {
  async get(): Promise<boolean> {
    const stored = await browser.storage.local.get(DOCK_COLLAPSED);
    return stored[DOCK_COLLAPSED] === true;
  },
  set(collapsed: boolean): Promise<void> {
    return browser.storage.local.set({ [DOCK_COLLAPSED]: collapsed });
  },
  /** Calls back on every change, from any tab; returns the unsubscribe. */
  watch(onChange: (collapsed: boolean) => void): () => void {
    const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      const change = changes[DOCK_COLLAPSED];
      if (area === 'local' && change) onChange(change.newValue === true);
    };
    browser.storage.onChanged.addListener(listener);
    // After an extension reload, storage is gone from an orphaned content script, and the
    // listener with it: unsubscribing then must not throw into the host page.
    return () => browser.storage?.onChanged.removeListener(listener);
  },
};
