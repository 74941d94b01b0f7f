import type { RecordRef } from '../../lib/record';
import type { TeamConnection } from '../../lib/sync/connection';
import type { BatonDb } from '../storage/db';
import { pullAll } from './pull';
import { pushOutbox } from './push';
import { pushDue } from './sync-backoff';
import { TeamServerError } from './team-request';

/**
 * One sync: push what waits (unless a failed push is waiting out its backoff), then pull. A push
 * that fails does not keep the pull from running: teammates' changes still arrive while the
 * server refuses or fails ours. The push's failure is thrown after the pull, for the loop to
 * back off; a revoked token (401) is thrown at once, since a pull would be refused too.
 * Resolves to 'deferred' when the push was left for its retry time (the status keeps saying why).
 */
export async function syncCycle(
  db: BatonDb,
  connection: TeamConnection,
  onTouched: (refs: RecordRef[]) => Promise<void>,
  now = Date.now(),
): Promise<'synced' | 'deferred'> {
  let pushFailure: unknown;
  const due = await pushDue(db, now);
  if (due) {
    try {
      await pushOutbox(db, connection);
    } catch (error) {
      if (error instanceof TeamServerError && error.status === 401) throw error;
      pushFailure = error;
    }
  }
  await onTouched(await pullAll(db, connection));
  if (pushFailure !== undefined) throw pushFailure;
  return due ? 'synced' : 'deferred';
}
