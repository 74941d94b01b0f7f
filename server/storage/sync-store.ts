import type { HandoffState } from '../../lib/handoff-state';
import { builtInOwnerField } from '../../lib/default-templates';
import { attributed, decideChange, type ChangeDecision } from '../../lib/sync/decide-change';
import type { FieldValue } from '../../lib/sync/field-merge';
import { MAX_PUSH_CHANGES, type Change, type HandoffKey, type PullResponse, type PushResult, type SyncedChange } from '../../lib/sync/schemas';
import { hashSecret } from '../secrets';
import { CALLER_BY_TOKEN_HASH, toCaller, type Caller, type CallerRow } from './members-store';
import type { Sql } from './sql';
import { GroupContext, type ReadContext } from './group-context';
import { NOTIFY_CHANGES } from './team-pokes';
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
  private readonly queue = new TeamPushQueue<Push, PushResult[]>((group) => this.pushGroupOrEach(group), (push) => push.changes.length, MAX_GROUP_CHANGES);

  constructor(private readonly sql: Sql) {}

  /** Decided and written in the team's order, together with whatever else of the team is waiting. */
  push(caller: Caller, changes: readonly Change[], now: number): Promise<PushResult[]> {
    return this.queue.push(caller.teamId, { caller, changes, now });
  }

  /**
   * The group in one transaction; if the database cannot store something in it (a value it
   * refuses, a limit it has), each change again in a transaction of its own, so that the one it
   * cannot store is refused alone and the rest are written. Anything else (the database away)
   * fails the pushes: the clients retry them later.
   */
  private async pushGroupOrEach(pushes: readonly Push[]): Promise<PushResult[][]> {
    try {
      return await this.pushTogether(pushes);
    } catch (error) {
      if (!isDataError(error)) throw error;
      const results: PushResult[][] = [];
      for (const push of pushes) {
        const answers: PushResult[] = [];
        for (const change of push.changes) answers.push(await this.pushAlone(push, change));
        results.push(answers);
      }
      return results;
    }
  }

  private async pushAlone(push: Push, change: Change): Promise<PushResult> {
    try {
      const [answers] = await this.pushTogether([{ ...push, changes: [change] }]);
      return answers![0]!;
    } catch (error) {
      if (!isDataError(error)) throw error;
      return { id: change.id, status: 'refused', reason: `the team server could not store this change (${(error as Error).message})` };
    }
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
      // Taking the team's numbers locks its row until COMMIT: another push of the team waits
      // here, so the numbers are committed in their order (see 002_team_rules.sql). Each change
      // gets the next number in push order; a retry leaves its number unused (gaps are harmless).
      const [[numbers], storedRows, ...contexts] = await Promise.all([
        tx.query<{ last_seq: number | string }>('UPDATE teams SET last_seq = last_seq + $2 WHERE id = $1 RETURNING last_seq', [teamId, all.length]),
        tx.query<{ id: string; seq: number }>(
          'SELECT id, seq FROM changes WHERE team_id = $1 AND id IN (SELECT jsonb_array_elements_text($2::text::jsonb))',
          [teamId, JSON.stringify(all.map(({ change }) => change.id))],
        ),
        ...all.map(({ change }) => readContext(tx, teamId, change)),
      ]);
      const firstSeq = Number(numbers!.last_seq) - all.length + 1;
      // Also the changes written here: two retries of one change in one group are one change.
      const stored = new Map(storedRows.map((row) => [row.id, row.seq]));
      const group = new GroupContext();
      const results: PushResult[][] = pushes.map(() => []);
      for (const [position, { caller, change, now, index }] of all.entries()) {
        const storedSeq = stored.get(change.id);
        const actor = { email: caller.email, role: caller.role };
        const read = group.over(change, contexts[position]!);
        // A retried change is answered from what is stored.
        const decision = decideChange(change, { ...read, seq: firstSeq + position, actor, ...(caller.seenSeq === undefined ? {} : { seenUpTo: caller.seenSeq }), ...(storedSeq === undefined ? {} : { storedSeq }) });
        if (decision.status === 'applied') {
          stored.set(change.id, decision.seq);
          group.applied(change, decision, read, actor);
          // Not awaited: the transaction awaits every write before its COMMIT, sent with them.
          void write(tx, caller, attributed(change, actor, decision), decision, now);
        }
        results[index]!.push(toResult(change, decision));
      }
      // Wakes the team's live streams in every server process, once this commits.
      if (stored.size > storedRows.length) void tx.query(NOTIFY_CHANGES, [String(teamId)]);
      return results;
    });
  }

  /**
   * A team's changes after the cursor. Given the token they go to (a live stream), the server
   * notes what that device has now been handed, in the same statement.
   */
  async pull(teamId: number, cursor: number, limit: number, token?: string): Promise<PullResponse> {
    const rows = token
      ? await this.sql.query<ChangeRow>(
          `WITH page AS (${teamChangesAfter('$1')}), ${SEEN_UPDATE} SELECT * FROM page ORDER BY seq`,
          [teamId, cursor, limit + 1, hashSecret(token), limit],
        )
      : await this.sql.query<ChangeRow>(teamChangesAfter('$1'), [teamId, cursor, limit + 1]);
    return toPage(rows, cursor, limit);
  }

  /**
   * Signs in by token and pulls the caller's team's changes, in one statement (caller undefined,
   * and the page empty, when the token opens no door). Pulls are half of all requests, and on a
   * small server each round trip to the database costs more than the reading it does.
   */
  async pullFor(token: string, cursor: number, limit: number): Promise<{ caller: Caller | undefined; page: PullResponse }> {
    const rows = await this.sql.query<CallerRow & Partial<ChangeRow>>(
      `WITH caller AS (${CALLER_BY_TOKEN_HASH}),
            page AS (SELECT c.* FROM caller, LATERAL (${teamChangesAfter('caller.team_id')}) c),
            ${SEEN_UPDATE}
       SELECT caller.*, page.* FROM caller LEFT JOIN page ON true ORDER BY page.seq`,
      [hashSecret(token), cursor, limit + 1, hashSecret(token), limit],
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

/**
 * Notes the highest change a page hands the device whose token hashes to $4 (the page is `page`,
 * up to $5 changes delivered; its one extra row only says there is more). Only a page that
 * starts where the device had been handed changes before ($2, the cursor, at most seen_seq)
 * moves it: a pull from further on skipped what lies between. A device from before the upgrade
 * (NULL) is taken at its word once. Runs in the statement that reads the page: no round trip.
 */
const SEEN_UPDATE = `seen AS (
  UPDATE tokens SET seen_seq = delivered.seq
    FROM (SELECT max(seq) AS seq FROM (SELECT seq FROM page ORDER BY seq LIMIT $5) d) delivered
   WHERE hash = $4 AND (seen_seq IS NULL OR ($2 <= seen_seq AND delivered.seq > seen_seq)))`;

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

/** What a change's rule needs to know of its handoff, in one round trip. */
async function readContext(tx: Sql, teamId: number, change: Change): Promise<ReadContext> {
  if (!('handoff' in change)) return { state: 'draft', facts: {} };
  const [row] = await tx.query<{ state: HandoffState | null; sender: string | null; sender_role: string | null; next_owner: string | null; owner_field: string | null; field: FieldValue | null }>(
    `SELECT h.state, m.email AS sender, m.role AS sender_role, o.field_id AS owner_field,
            (SELECT value FROM field_values WHERE team_id = $1 AND ${KEY_COLUMNS} AND field_id = o.field_id) AS next_owner,
            (SELECT json_build_object('value', f.value, 'seq', f.seq, 'by', fm.email)
               FROM field_values f JOIN members fm ON fm.id = f.member_id
              WHERE f.team_id = $1 AND f.host = $2 AND f.object_type = $3 AND f.record_id = $4
                AND f.template_id = $5 AND f.field_id = $6) AS field
       FROM (SELECT COALESCE((SELECT body->>'ownerField' FROM templates WHERE team_id = $1 AND id = $5), $7::text) AS field_id) o
       LEFT JOIN handoffs h ON h.team_id = $1 AND h.host = $2 AND h.object_type = $3 AND h.record_id = $4 AND h.template_id = $5
       LEFT JOIN members m ON m.id = h.owner_id`,
    [...keyParams(teamId, change.handoff), change.kind === 'field' ? change.fieldId : null, builtInOwnerField(change.handoff.templateId) ?? null],
  );
  const state = row!.state ?? 'draft';
  const facts = {
    ...(row!.sender ? { sender: row!.sender, senderIsLead: row!.sender_role !== 'member' } : {}),
    ...(row!.next_owner ? { nextOwner: row!.next_owner } : {}),
    sent: state !== 'draft' && state !== 'ready',
  };
  return {
    state,
    facts,
    ...(row!.owner_field ? { ownerField: row!.owner_field } : {}),
    ...(row!.field ? { field: { ...row!.field, seq: Number(row!.field.seq) } } : {}),
  };
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
  const report = field && decision.reportsTitle ? field : undefined;
  params.push(host, objectType, recordId, templateId, decision.state ?? null, report?.recordTitle ?? null, report?.recordUrl ?? null, decision.adopts ?? false);
  const upsertHandoff = `INSERT INTO handoffs (team_id, host, object_type, record_id, template_id, state, owner_id, title, url, updated_at)
     VALUES ($2, $10, $11, $12, $13, COALESCE($14::text, 'draft'), $5, $15, $16, $6)
     ON CONFLICT (team_id, host, object_type, record_id, template_id) DO UPDATE SET
       state = COALESCE($14::text, handoffs.state), title = COALESCE($15, handoffs.title),
       url = COALESCE($16, handoffs.url), updated_at = $6,
       owner_id = CASE WHEN $17::boolean THEN $5 ELSE handoffs.owner_id END`;
  if (!field) return tx.query(`WITH change AS (${insertChange}) ${upsertHandoff}`, params);
  params.push(field.fieldId, field.value);
  return tx.query(
    `WITH change AS (${insertChange}), handoff AS (${upsertHandoff})
     INSERT INTO field_values (team_id, host, object_type, record_id, template_id, field_id, value, seq, member_id)
     VALUES ($2, $10, $11, $12, $13, $18, $19, $1, $5)
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

/**
 * The database refused what it was given (SQLSTATE classes 22 data exception, 23 integrity,
 * 54 program limit): the change is at fault, not the server, and retrying it cannot help.
 */
function isDataError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^(22|23|54)/.test(code);
}
