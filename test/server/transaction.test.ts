import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { openPostgresSql, unixSocketOf } from '../../server/storage/postgres-sql';
import { openSql } from '../../server/storage/store';
import type { Sql } from '../../server/storage/sql';
import { BACKENDS, freshLocation } from './harness';

// The storage layer's transaction contract, on both drivers: statements a transaction issued
// and did not await are awaited before the commit, and a failure among them writes nothing.
describe.each(BACKENDS)('transactions on %s', (backend) => {
  let sql: Sql;

  beforeAll(async () => {
    sql = await openSql(await freshLocation(backend));
    await sql.exec('CREATE TABLE notes (id int PRIMARY KEY, text text NOT NULL)');
  });
  afterAll(() => sql.close());

  const count = async () => Number((await sql.query<{ n: number }>('SELECT count(*)::int AS n FROM notes'))[0]!.n);

  it('commits a last write it was not made to wait for', async () => {
    const result = await sql.transaction(async (tx) => {
      await tx.query('INSERT INTO notes VALUES (1, $1)', ['first']);
      void tx.query('INSERT INTO notes VALUES (2, $1)', ['second']);
      return 'done';
    });
    expect(result).toBe('done');
    expect(await sql.query('SELECT id, text FROM notes ORDER BY id')).toEqual([
      { id: 1, text: 'first' },
      { id: 2, text: 'second' },
    ]);
  });

  it('writes nothing when a last write it did not wait for fails', async () => {
    const before = await count();
    await expect(
      sql.transaction(async (tx) => {
        await tx.query('INSERT INTO notes VALUES (10, $1)', ['kept only if all is']);
        void tx.query('INSERT INTO notes VALUES (10, $1)', ['the same id again']);
        return 'done';
      }),
    ).rejects.toThrow(/duplicate key/);
    expect(await count()).toBe(before);
  });

  it('writes nothing when the work throws', async () => {
    const before = await count();
    await expect(
      sql.transaction(async (tx) => {
        await tx.query('INSERT INTO notes VALUES (20, $1)', ['rolled back']);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await count()).toBe(before);
  });
});

describe('a PostgreSQL URL naming a Unix socket, as libpq writes it', () => {
  it('reaches the database through the socket', async () => {
    const sql = openPostgresSql(inject('postgresSocketUrl'), { maxConnections: 1 });
    try {
      expect(await sql.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
    } finally {
      await sql.close();
    }
  });

  it('leaves a URL without one as it is', () => {
    expect(unixSocketOf('postgres://baton@db.internal:5432/baton')).toEqual({ url: 'postgres://baton@db.internal:5432/baton' });
    expect(unixSocketOf('postgres://baton@localhost:6000/baton?host=%2Frun%2Fpostgresql')).toEqual({
      url: 'postgres://baton@localhost:6000/baton',
      socketPath: '/run/postgresql/.s.PGSQL.6000',
    });
  });
});
