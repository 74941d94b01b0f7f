import type { TeamConnection } from '../../lib/sync/connection';
import type { SyncPhase } from '../../lib/sync/local-sync';
import type { BatonDb } from '../storage/db';
import { teamConnection } from '../storage/team-connection';
import { outboxTables } from './outbox';

/**
 * Joins this device's store to a team server: from now on local changes queue for it, and the
 * first pull (from cursor 0) brings every teammate's handoffs. Storage follows IndexedDB, so a
 * crash between the two leaves a link the worker ignores until the connection is stored.
 */
export async function linkDevice(db: BatonDb, connection: TeamConnection): Promise<void> {
  await db.transaction('rw', outboxTables(db), async () => {
    await db.syncMeta.bulkPut([
      { key: 'link', server: connection.server, email: connection.member.email },
      { key: 'cursor', cursor: 0 },
      { key: 'status', phase: 'syncing', at: Date.now() },
    ]);
  });
  await teamConnection.set(connection, db);
}

/**
 * Leaves the team server. Drafts, logs and answers stay on this device; changes still waiting
 * are not sent (another server's sequence numbers mean nothing here), and the next connection
 * starts afresh. The settings page says how many would be dropped before it asks here.
 */
export async function unlinkDevice(db: BatonDb): Promise<void> {
  await teamConnection.clear(db);
  await db.transaction('rw', outboxTables(db), async () => {
    await Promise.all([db.outbox.clear(), db.syncMeta.clear(), db.fieldSeqs.clear()]);
  });
}

export async function setSyncPhase(db: BatonDb, phase: SyncPhase, message?: string): Promise<void> {
  // Only while linked: a worker finishing a push after Disconnect must not bring a status back.
  await db.transaction('rw', db.syncMeta, async () => {
    if (await db.syncMeta.get('link')) await db.syncMeta.put({ key: 'status', phase, at: Date.now(), ...(message ? { message } : {}) });
  });
}

export async function syncPhase(db: BatonDb): Promise<SyncPhase | undefined> {
  const status = await db.syncMeta.get('status');
  return status?.key === 'status' ? status.phase : undefined;
}
