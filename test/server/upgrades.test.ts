import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../server/storage/migrate';
import type { Sql } from '../../server/storage/sql';
import { openSql, openStore, type DatabaseLocation } from '../../server/storage/store';
import { BACKENDS, freshLocation } from './harness';

// Migrations only go forward, run at start under an advisory lock: processes starting together
// migrate once, and a server never runs on a schema newer than it knows (issue 24, Operable).

const opened: Sql[] = [];
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((sql) => sql.close()));
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function scratchDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'baton-upgrade-'));
  dirs.push(dir);
  return dir;
}

async function connect(location: DatabaseLocation): Promise<Sql> {
  const sql = await openSql(location);
  opened.push(sql);
  return sql;
}

const MIGRATION_FILES = (await readdir(new URL('../../server/migrations/', import.meta.url))).filter((name) => name.endsWith('.sql')).sort();

describe.each(BACKENDS)('upgrading on %s', (backend) => {
  it('two servers starting together on one database migrate it once', async () => {
    const location = await freshLocation(backend);
    // PostgreSQL: two connections, as two processes have. PGlite: one process owns the data
    // directory, so its two starts share the one connection.
    const first = await connect(location);
    const second = backend === 'postgres' ? await connect(location) : first;
    const applied = await Promise.all([migrate(first), migrate(second)]);
    expect(applied.flat().sort()).toEqual(MIGRATION_FILES);
    expect(await first.query('SELECT name FROM schema_migrations ORDER BY name')).toEqual(MIGRATION_FILES.map((name) => ({ name })));
  });

  it('refuses a database a newer server upgraded, naming the migration it lacks, and changes nothing', async () => {
    const location = await freshLocation(backend);
    const sql = await connect(location);
    await migrate(sql);
    await sql.query('INSERT INTO schema_migrations (name, applied_at) VALUES ($1, 0)', ['099_from_the_future.sql']);
    const before = await sql.query('SELECT name, applied_at FROM schema_migrations ORDER BY name');

    await expect(migrate(sql)).rejects.toThrow(
      'this database was upgraded by a newer Baton server (migration 099_from_the_future.sql); run that version or newer',
    );
    expect(await sql.query('SELECT name, applied_at FROM schema_migrations ORDER BY name')).toEqual(before);
  });

  it('a server opening such a database does not start', async () => {
    // A data directory on disk for PGlite: the server opens it after the newer one closed it.
    const location: DatabaseLocation = backend === 'pglite' ? { kind: 'pglite', dataDir: await scratchDir() } : await freshLocation(backend);
    const newer = await openSql(location);
    await migrate(newer);
    await newer.query("INSERT INTO schema_migrations (name, applied_at) VALUES ('003_x.sql', 0)");
    await newer.close();
    await expect(openStore(location)).rejects.toThrow(/\(migration 003_x\.sql\); run that version or newer/);
  });
});
