import { useEffect, useState } from 'react';
import { isHostAppOrigin } from '../../lib/hosts/origins';
import { clickupHosts } from '../storage/clickup-hosts';

/**
 * Any https page may frame the panel (web-accessible for white-label ClickUp domains): it
 * shows drafts only inside a host app's page (or opened on its own), never in another site.
 * Where the browser does not say who frames it (no ancestorOrigins), storage partitioning
 * still gives a foreign site's frame an empty store.
 */
export function useEmbedderAllowed(): boolean | undefined {
  const [allowed, setAllowed] = useState<boolean>();
  useEffect(() => {
    const top = location.ancestorOrigins?.[location.ancestorOrigins.length - 1];
    if (!top) return setAllowed(true);
    void clickupHosts.getValue().then((hosts) => setAllowed(isHostAppOrigin(top, hosts)));
  }, []);
  return allowed;
}
