import type { TeamConnection } from '../../lib/sync/connection';
import { MAX_PUSH_CHANGES, PushResponseSchema, type PushResult } from '../../lib/sync/schemas';
import type { OutboxEntry } from '../../lib/sync/local-sync';
import type { BatonDb } from '../storage/db';
import { outboxTables } from './outbox';
import { teamRequest, TeamServerError } from './team-request';

/** A push or pull the server has not answered by then is given up and retried: a hung request must not stall sync. */
export const REQUEST_TIMEOUT_MS = 20_000;

/** Statuses that refuse what was sent (as opposed to the server being down or us being revoked). */
const REFUSALS = new Set([400, 403, 404, 409, 413, 422]);

/**
 * Sends what waits in the outbox, in turns of at most MAX_PUSH_CHANGES, until nothing waits.
 * Throws TeamServerError when the server cannot be reached, is failing, or revoked us: the
 * outbox is untouched then and the next attempt sends the same changes (ids make it safe).
 */
export async function pushOutbox(db: BatonDb, connection: TeamConnection): Promise<void> {
  for (;;) {
    const batch = await db.outbox.orderBy('order').filter((entry) => !entry.refused).limit(MAX_PUSH_CHANGES).toArray();
    if (batch.length === 0) return;
    await pushBatch(db, connection, batch);
  }
}

async function pushBatch(db: BatonDb, connection: TeamConnection, batch: OutboxEntry[]): Promise<void> {
  await db.outbox.bulkUpdate(batch.map((entry) => ({ key: entry.order!, changes: { pushedAt: Date.now() } })));
  try {
    const { results } = await teamRequest(connection, '/v1/push', PushResponseSchema, {
      body: { changes: batch.map((entry) => entry.change) },
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    await acknowledge(db, batch, results);
  } catch (error) {
    if (!(error instanceof TeamServerError) || !REFUSALS.has(error.status)) throw error;
    // The push as a whole was refused: find which change it was by sending them one by one,
    // so one bad change does not hold back the rest. What stays refused is kept and shown.
    if (batch.length > 1) {
      for (const entry of batch) await pushBatch(db, connection, [entry]);
      return;
    }
    await db.outbox.update(batch[0]!.order!, { refused: { reason: error.message, at: Date.now() } });
  }
}

async function acknowledge(db: BatonDb, batch: OutboxEntry[], results: PushResult[]): Promise<void> {
  const byId = new Map(results.map((result) => [result.id, result]));
  await db.transaction('rw', outboxTables(db), async () => {
    for (const entry of batch) {
      const result = byId.get(entry.id);
      if (!result) continue;
      if (result.status === 'refused') {
        await db.outbox.update(entry.order!, { refused: { reason: result.reason ?? 'refused by the team server', at: Date.now() } });
        continue;
      }
      await db.outbox.delete(entry.order!);
      const { change } = entry;
      if (change.kind !== 'field' || result.seq === undefined) continue;
      const key = [change.handoff.host, change.handoff.objectType, change.handoff.recordId, change.handoff.templateId, change.fieldId] as const;
      const known = await db.fieldSeqs.get([...key]);
      if ((known?.seq ?? 0) < result.seq) await db.fieldSeqs.put({ ...change.handoff, field: change.fieldId, seq: result.seq });
    }
  });
}
