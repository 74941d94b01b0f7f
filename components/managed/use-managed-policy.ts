import { useEffect, useState } from 'react';
import type { ManagedPolicy } from '../../lib/managed-policy';
import { managedPolicy } from '../storage/managed-policy';

/** The organization's policy, kept current while the page is open (read at start and on change). */
export function useManagedPolicy(): ManagedPolicy {
  const [policy, setPolicy] = useState<ManagedPolicy>({});
  useEffect(() => {
    void managedPolicy.get().then(setPolicy);
    return managedPolicy.watch(setPolicy);
  }, []);
  return policy;
}
