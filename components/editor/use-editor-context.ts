import { useEffect, useState } from 'react';
import type { ManagedPolicy } from '../../lib/managed-policy';
import type { SeenStages } from '../../lib/seen-stages';
import type { TeamConnection } from '../../lib/sync/connection';
import { useManagedPolicy } from '../managed/use-managed-policy';
import { seenStages } from '../storage/seen-stages';
import { teamConnection } from '../storage/team-connection';

/** What the editor needs from extension storage: policy (locks), team connection (publish), seen stage labels. */
export function useEditorContext(): { policy: ManagedPolicy; connection: TeamConnection | null; seen: SeenStages } {
  const policy = useManagedPolicy();
  const [connection, setConnection] = useState<TeamConnection | null>(null);
  const [seen, setSeen] = useState<SeenStages>({});
  useEffect(() => {
    void teamConnection.get().then(setConnection);
    void seenStages.get().then(setSeen);
    return teamConnection.watch(setConnection, { initial: true });
  }, []);
  return { policy, connection, seen };
}
