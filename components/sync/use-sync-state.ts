import { useLiveQuery } from 'dexie-react-hooks';
import { syncStatusLine, type SyncStatusLine } from '../../lib/sync/status-line';
import { batonDb } from '../storage/db';

/** Where this device's sync stands, live from IndexedDB; undefined when not connected. */
export function useSyncState(): SyncStatusLine | undefined {
  return useLiveQuery(async () => {
    const db = batonDb();
    return db.transaction('r', db.syncMeta, db.outbox, async () => {
      if (!(await db.syncMeta.get('link'))) return undefined;
      const status = await db.syncMeta.get('status');
      const entries = await db.outbox.toArray();
      const refused = entries.filter((entry) => entry.refused).length;
      if (status?.key !== 'status') return syncStatusLine('syncing', entries.length - refused, refused);
      return syncStatusLine(status.phase, entries.length - refused, refused, status.retryAt);
    });
  }, []);
}
