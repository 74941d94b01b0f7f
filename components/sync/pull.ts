import type { RecordRef } from '../../lib/record';
import type { TeamConnection } from '../../lib/sync/connection';
import { PullResponseSchema, MAX_PULL_LIMIT, type PullResponse } from '../../lib/sync/schemas';
import type { BatonDb } from '../storage/db';
import { applyPulled } from './apply';
import { REQUEST_TIMEOUT_MS } from './push';
import { teamRequest } from './team-request';

export async function pullCursor(db: BatonDb): Promise<number> {
  const row = await db.syncMeta.get('cursor');
  return row?.key === 'cursor' ? row.cursor : 0;
}

/** Pulls every change after the stored cursor, page by page, each applied with its cursor. */
export async function pullAll(db: BatonDb, connection: TeamConnection): Promise<RecordRef[]> {
  const touched: RecordRef[] = [];
  for (;;) {
    const cursor = await pullCursor(db);
    const page: PullResponse = await teamRequest(connection, `/v1/pull?cursor=${cursor}&limit=${MAX_PULL_LIMIT}`, PullResponseSchema, {
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    touched.push(...(await applyPulled(db, page.changes, page.cursor, connection.member.email)));
    if (!page.more) return touched;
  }
}
