import { useEffect, useState } from 'react';
import type { TeamConnection } from '../../../lib/sync/connection';
import { teamConnection } from '../../storage/team-connection';

/** The stored team connection, kept current; undefined while the first read runs, null when none. */
export function useTeamConnection(): TeamConnection | null | undefined {
  const [connection, setConnection] = useState<TeamConnection | null>();
  useEffect(() => {
    let live = true;
    void teamConnection.get().then((stored) => live && setConnection(stored));
    const unwatch = teamConnection.watch(setConnection, { initial: true });
    return () => {
      live = false;
      unwatch();
    };
  }, []);
  return connection;
}
