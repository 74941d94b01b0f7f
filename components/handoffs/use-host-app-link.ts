import { useEffect, useState } from 'react';
import { isHostAppUrl } from '../../lib/hosts/origins';
import { clickupHosts } from '../storage/clickup-hosts';

/** Read once per page: the team's own ClickUp domains, which are host apps too. */
let whiteLabel: Promise<string[]> | undefined;

/**
 * A record's link as Baton shows it: only a page of a host app. Links come from the tab's
 * own address, but an imported file may carry any https address.
 */
export function useHostAppLink(url: string | undefined): string | undefined {
  const [origins, setOrigins] = useState<string[]>();
  useEffect(() => {
    void (whiteLabel ??= clickupHosts.getValue()).then(setOrigins);
  }, []);
  return url && origins && isHostAppUrl(url, origins) ? url : undefined;
}
