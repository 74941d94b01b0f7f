import type { HandoffState } from '../../lib/handoff-state';
import { decideChange, type ChangeDecision } from '../../lib/sync/decide-change';
import type { FieldValue } from '../../lib/sync/field-merge';
import { MAX_PUSH_CHANGES, type Change, type HandoffKey, type PullResponse, type PushResult, type SyncedChange } from '../../lib/sync/schemas';
import { hashSecret } from '../secrets';
import { CALLER_BY_TOKEN_HASH, toCaller, type Caller, type CallerRow } from './members-store';
import type { Sql } from './sql';
import { GroupContext } from './group-context';
import { TeamPushQueue } from './team-push-queue';

const KEY_COLUMNS = 'host = $2 AND object_type = $3 AND record_id = $4 AND template_id = $5';

/** One request's push, as it waits for its team's turn. */
interface Push {
  caller: Caller;
  changes: readonly Change[];
  now: number;
}

/** A team's pushes grouped into one transaction hold at most this many changes. */
const MAX_GROUP_CHANGES = 2 * MAX_PUSH_CHANGES;

export class SyncStore {
  private readonly queue = new TeamPushQueue<Push, PushResult[]>((group) => this.pushTogether(group), (push) => push.changes.length, MAX_GROUP_CHANGES);

  constructor(private readonly sql: Sql) {}

  /** Decided and written in the team's order, together with whatever else of the team is waiting. */
  push(caller: Caller, changes: readonly Change[], now: number): Promise<PushResult[]> {
    return this.queue.push(caller.teamId, { caller, changes, now });
  }

  /**
   * One transaction: every change of these pushes (one team's) is decided by lib/sync in server
   * order and written, or none is. The team's row lock is held from the first statement to the
   * commit, and under load every round trip while it is held delays the team's other pushes.
   * So the group takes two round trips, whatever its size: BEGIN, the lock and every change's
   * reads go out together (the driver pipelines them; the database runs them in order), then,
   * once all is decided here, every write together with COMMIT.
   */
  private pushTogether(pushes: readonly Push[]): Promise<PushResult[][]> {
    const teamId = pushes[0]!.caller.teamId;
    const all = pushes.flatMap((push, index) => push.changes.map((change) => ({ ...push, change, index })));
    return this.sql.transaction(async (tx) => {
      // The team's row lock orders this push after any other push of the team still open, so
      // the sequence numbers drawn below are committed in their order (see 001_init.sql). The
      // reads run in change order, so the numbers they draw rise in that order too.
      const [, storedRows, ...contexts] = await Promise.all([
        tx.query('SELECT id FROM teams WHERE id = $1 FOR UPDATE', [teamId]),
        tx.query<{ id: string; seq: number }>(
          'SELECT id, seq FROM changes WHERE team_id = $1 AND id IN (SELECT jsonb_array_elements_text($2::text::jsonb))',
          [teamId, JSON.stringify(all.map(({ change }) => change.id))],
        ),
        ...all.map(({ change }) => readContext(tx, teamId, change)),
      ]);
      // Also the changes written here: two retries of one change in one group are one change.
      const stored = new Map(storedRows.map((row) => [row.id, row.seq]));
      const group = new GroupContext();
      const results: PushResult[][] = pushes.map(() => []);
      for (const [position, { caller, change, now, index }] of all.entries()) {
        const storedSeq = stored.get(change.id);
        // A retried change is answered from what is stored; the sequence number its read drew is
        // left unused (gaps are harmless: cursors only need order).
        const context = storedSeq === undefined ? { ...group.over(change, contexts[position]!), by: caller.email } : { seq: 0, state: 'draft' as const, storedSeq, by: caller.email };
        const decision = decideChange(change, context);
        if (decision.status === 'applied') {
          stored.set(change.id, decision.seq);
          group.applied(change, decision);
          // Not awaited: the transaction awaits every write before its COMMIT, sent with them.
          void write(tx, caller, change, decision, now);
        }
        results[index]!.push(toResult(change, decision));
      }
      return results;
    });
  }

  async pull(teamId: number, cursor: number, limit: number): Promise<PullResponse> {
    const rows = await this.sql.query<ChangeRow>(teamChangesAfter('$1'), [teamId, cursor, limit + 1]);
    return toPage(rows, cursor, limit);
  }

  /**
   * Signs in by token and pulls the caller's team's changes, in one statement (caller undefined,
   * and the page empty, when the token opens no door). Pulls are half of all requests, and on a
   * small server each round trip to the database costs more than the reading it does.
   */
  async pullFor(token: string, cursor: number, limit: number): Promise<{ caller: Caller | undefined; page: PullResponse }> {
    const rows = await this.sql.query<CallerRow & Partial<ChangeRow>>(
      `WITH caller AS (${CALLER_BY_TOKEN_HASH})
       SELECT caller.*, c.* FROM caller LEFT JOIN LATERAL (${teamChangesAfter('caller.team_id')}) c ON true ORDER BY c.seq`,
      [hashSecret(token), cursor, limit + 1],
    );
    // A team with nothing new still answers one row: the caller's, with no change.
    const changes = rows.filter((row): row is CallerRow & ChangeRow => row.seq !== null && row.seq !== undefined);
    return { caller: rows[0] && toCaller(rows[0]), page: toPage(changes, cursor, limit) };
  }
}

/**
 * A team's changes after the cursor ($2), oldest first, at most $3. `team` is the SQL that names
 * the team: a parameter, or the signed-in caller's column (a fixed text either way).
 */
function teamChangesAfter(team: '$1' | 'caller.team_id'): string {
  return `SELECT c.seq, c.body, c.server_at, c.old_value, c.overwritten, m.email AS changed_by
            FROM changes c JOIN members m ON m.id = c.member_id
           WHERE c.team_id = ${team} AND c.seq > $2 ORDER BY c.seq LIMIT $3`;
}

/** `rows` holds up to one more than the limit: that one only says there is more. */
function toPage(rows: ChangeRow[], cursor: number, limit: number): PullResponse {
  const page = rows.slice(0, limit).map(toSyncedChange);
  return { changes: page, cursor: page.at(-1)?.seq ?? cursor, more: rows.length > limit };
}

interface ChangeRow {
  seq: number;
  body: Change;
  server_at: number;
  old_value: string | null;
  overwritten: FieldValue | null;
  changed_by: string;
}

function toSyncedChange(row: ChangeRow): SyncedChange {
  return {
    seq: row.seq,
    by: row.changed_by,
    serverAt: row.server_at,
    change: row.body,
    ...(row.old_value === null ? {} : { oldValue: row.old_value }),
    ...(row.overwritten === null ? {} : { overwritten: row.overwritten }),
  };
}

function keyParams(teamId: number, key: HandoffKey): unknown[] {
  return [teamId, key.host, key.objectType, key.recordId, key.templateId];
}

/** A new sequence number, and what the change's rule needs to know, in one round trip. */
async function readContext(tx: Sql, teamId: number, change: Change): Promise<{ seq: number; state: HandoffState; field?: FieldValue }> {
  if (!('handoff' in change)) {
    const [row] = await tx.query<{ seq: number }>("SELECT nextval('change_seq') AS seq");
    return { seq: row!.seq, state: 'draft' };
  }
  const [row] = await tx.query<{ seq: number; state: HandoffState | null; field: FieldValue | null }>(
    `SELECT nextval('change_seq') AS seq,
            (SELECT state FROM handoffs WHERE team_id = $1 AND ${KEY_COLUMNS}) AS state,
            (SELECT json_build_object('value', f.value, 'seq', f.seq, 'by', m.email)
               FROM field_values f JOIN members m ON m.id = f.member_id
              WHERE f.team_id = $1 AND f.host = $2 AND f.object_type = $3 AND f.record_id = $4
                AND f.template_id = $5 AND f.field_id = $6) AS field`,
    [...keyParams(teamId, change.handoff), change.kind === 'field' ? change.fieldId : null],
  );
  return { seq: row!.seq, state: row!.state ?? 'draft', ...(row!.field ? { field: row!.field } : {}) };
}

/**
 * The change, the handoff's row and the field's value, in one statement. Returns the statement
 * itself (the transaction tracks it): a write nobody awaits reports its failure at COMMIT.
 */
function write(tx: Sql, caller: Caller, change: Change, decision: Extract<ChangeDecision, { status: 'applied' }>, now: number): Promise<unknown> {
  const params: unknown[] = [
    decision.seq,
    caller.teamId,
    change.id,
    change.kind,
    caller.memberId,
    now,
    JSON.stringify(change),
    decision.field?.oldValue ?? null,
    decision.field?.overwritten ? JSON.stringify(decision.field.overwritten) : null,
  ];
  const insertChange = `INSERT INTO changes (seq, team_id, id, kind, member_id, server_at, body, old_value, overwritten)
     VALUES ($1, $2, $3, $4, $5, $6, $7::text::jsonb, $8, $9::text::jsonb)`;
  if (!('handoff' in change)) return tx.query(insertChange, params);
  const { host, objectType, recordId, templateId } = change.handoff;
  const field = change.kind === 'field' ? change : undefined;
  params.push(host, objectType, recordId, templateId, decision.state ?? null, field?.recordTitle ?? null, field?.recordUrl ?? null);
  const upsertHandoff = `INSERT INTO handoffs (team_id, host, object_type, record_id, template_id, state, owner_id, title, url, updated_at)
     VALUES ($2, $10, $11, $12, $13, COALESCE($14::text, 'draft'), $5, $15, $16, $6)
     ON CONFLICT (team_id, host, object_type, record_id, template_id) DO UPDATE SET
       state = COALESCE($14::text, handoffs.state), title = COALESCE($15, handoffs.title),
       url = COALESCE($16, handoffs.url), updated_at = $6`;
  if (!field) return tx.query(`WITH change AS (${insertChange}) ${upsertHandoff}`, params);
  params.push(field.fieldId, field.value);
  return tx.query(
    `WITH change AS (${insertChange}), handoff AS (${upsertHandoff})
     INSERT INTO field_values (team_id, host, object_type, record_id, template_id, field_id, value, seq, member_id)
     VALUES ($2, $10, $11, $12, $13, $17, $18, $1, $5)
     ON CONFLICT (team_id, host, object_type, record_id, template_id, field_id) DO UPDATE SET
       value = EXCLUDED.value, seq = EXCLUDED.seq, member_id = EXCLUDED.member_id`,
    params,
  );
}

function toResult(change: Change, decision: ChangeDecision): PushResult {
  switch (decision.status) {
    case 'duplicate':
      return { id: change.id, status: 'duplicate', seq: decision.seq };
    case 'refused':
      return { id: change.id, status: 'refused', reason: decision.reason };
    case 'applied':
      return { id: change.id, status: 'applied', seq: decision.seq, ...(decision.field?.overwritten ? { overwritten: decision.field.overwritten } : {}) };
  }
}
