import { useLiveQuery } from 'dexie-react-hooks';
import { syncStatusLine, type SyncStatusLine } from '../../lib/sync/status-line';
import { batonDb } from '../storage/db';
import { syncPhase } from './link';

/** Where this device's sync stands, live from IndexedDB; undefined when not connected. */
export function useSyncState(): SyncStatusLine | undefined {
  return useLiveQuery(async () => {
    const db = batonDb();
    return db.transaction('r', db.syncMeta, db.outbox, async () => {
      if (!(await db.syncMeta.get('link'))) return undefined;
      const phase = await syncPhase(db);
      const entries = await db.outbox.toArray();
      const refused = entries.filter((entry) => entry.refused).length;
      return syncStatusLine(phase ?? 'syncing', entries.length - refused, refused);
    });
  }, []);
}
