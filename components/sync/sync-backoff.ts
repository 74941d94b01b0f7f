import type { SyncPhase } from '../../lib/sync/local-sync';
import { retryDelay } from '../../lib/sync/retry-delay';
import type { BatonDb } from '../storage/db';
import { TeamServerError } from './team-request';

// The backoff lives in IndexedDB beside the status, not in the worker's memory: MV3 stops an idle
// worker after 30 s, and a restarted worker must neither forget a 5-minute wait nor start over at 1 s.

/**
 * Unreachable (network, timeout) reads "offline", and so does a server that says it is
 * unavailable for now (502, 503, 504: restarting, its database away); a server that answered
 * with another error reads "failing".
 */
export function failurePhase(error: unknown): SyncPhase {
  return error instanceof TeamServerError && error.status >= 400 && !UNAVAILABLE.has(error.status) ? 'failing' : 'offline';
}

const UNAVAILABLE = new Set([502, 503, 504]);

/** Records one more failure in a row; returns when the outbox is next pushed. Nothing when not linked. */
export async function recordSyncFailure(db: BatonDb, error: unknown, now = Date.now(), random = Math.random): Promise<number> {
  const message = error instanceof Error ? error.message : String(error);
  return db.transaction('rw', db.syncMeta, async () => {
    const status = await db.syncMeta.get('status');
    const failures = (status?.key === 'status' ? (status.failures ?? 0) : 0) + 1;
    const retryAt = now + retryDelay(failures, random);
    // Only while linked: a worker finishing a push after Disconnect must not bring a status back.
    if (await db.syncMeta.get('link')) await db.syncMeta.put({ key: 'status', phase: failurePhase(error), message, at: now, failures, retryAt });
    return retryAt;
  });
}

/** False while a failed push waits out its backoff: a keystroke or a pull does not send it early. */
export async function pushDue(db: BatonDb, now = Date.now()): Promise<boolean> {
  const status = await db.syncMeta.get('status');
  return status?.key !== 'status' || status.retryAt === undefined || status.retryAt <= now;
}
