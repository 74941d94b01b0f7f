import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../server/storage/migrate';
import type { Sql } from '../../server/storage/sql';
import { openSql, storeOver } from '../../server/storage/store';
import { BACKENDS, fieldChange, freshLocation, START } from './harness';

// A database written by the previous schema (one global change sequence) keeps every change and
// cursor when the server upgrades, and each team numbers on from its own highest change.

describe.each(BACKENDS)('upgrading a database on %s', (backend) => {
  let sql: Sql;

  beforeAll(async () => {
    sql = await openSql(await freshLocation(backend));
    await sql.exec(await readFile(new URL('../../server/migrations/001_init.sql', import.meta.url), 'utf8'));
    await sql.exec(`CREATE TABLE schema_migrations (name text PRIMARY KEY, applied_at bigint NOT NULL);
      INSERT INTO schema_migrations VALUES ('001_init.sql', 0);
      INSERT INTO teams (id, name, created_at) VALUES (1, 'a', 0), (2, 'b', 0);
      INSERT INTO members (id, team_id, email, role, created_at) VALUES (1, 1, 'ana@a.test', 'admin', 0), (2, 2, 'bo@b.test', 'admin', 0);
      INSERT INTO changes (seq, team_id, id, kind, member_id, server_at, body) VALUES
        (1, 1, 'old-change-1', 'move', 1, 0, '{}'), (2, 2, 'old-change-2', 'move', 2, 0, '{}'), (7, 1, 'old-change-7', 'move', 1, 0, '{}');`);
  });
  afterAll(() => sql.close());

  it('keeps old changes, and a team numbers on from its own highest', async () => {
    expect(await migrate(sql)).toContain('002_team_rules.sql');
    const store = storeOver(sql);
    const ana = { memberId: 1, teamId: 1, email: 'ana@a.test', role: 'admin' as const, team: 'a', seenSeq: 0 };
    const bo = { memberId: 2, teamId: 2, email: 'bo@b.test', role: 'admin' as const, team: 'b', seenSeq: 0 };
    const [ours] = await store.sync.push(ana, [fieldChange('new')], START);
    const [theirs] = await store.sync.push(bo, [fieldChange('new')], START);
    expect(ours!.seq).toBe(8);
    expect(theirs!.seq).toBe(3);
    expect((await store.sync.pull(1, 0, 500)).changes.map((change) => change.seq)).toEqual([1, 7, 8]);
  });
});
