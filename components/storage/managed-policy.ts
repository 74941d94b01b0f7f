import { browser } from 'wxt/browser';
import { parseManagedPolicy, type ManagedPolicy } from '../../lib/managed-policy';

// Managed storage is read-only for the extension and absent where no policy is installed (and
// in some browsers altogether): every failure to read it means "nothing is managed".

export const managedPolicy = {
  async get(): Promise<ManagedPolicy> {
    try {
      return parseManagedPolicy(await browser.storage.managed.get(null));
    } catch {
      return {};
    }
  },
  /** Calls back with the whole policy whenever the administrator changes it. */
  watch(onChange: (policy: ManagedPolicy) => void): () => void {
    const listener = (_changes: unknown, area: string) => {
      if (area === 'managed') void managedPolicy.get().then(onChange);
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage?.onChanged.removeListener(listener);
  },
};
