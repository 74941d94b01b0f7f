import { readdir, readFile } from 'node:fs/promises';
import type { Sql } from './sql';

const MIGRATIONS = new URL('../migrations/', import.meta.url);
/** Any fixed number: server processes starting together take turns migrating. */
const MIGRATION_LOCK = 7_104_211;

/**
 * Applies the SQL files in server/migrations/ not applied yet, in name order, each once.
 * Forward only: a database that has a migration this server does not know was upgraded by a
 * newer server, whose tables this one would misread, so it refuses to run on it.
 */
export async function migrate(sql: Sql): Promise<string[]> {
  const files = (await readdir(MIGRATIONS)).filter((name) => name.endsWith('.sql')).sort();
  return sql.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.exec('CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at bigint NOT NULL)');
    const applied = new Set((await tx.query<{ name: string }>('SELECT name FROM schema_migrations')).map((row) => row.name));
    const newest = [...applied].filter((name) => !files.includes(name)).sort().at(-1);
    if (newest) throw new Error(`this database was upgraded by a newer Baton server (migration ${newest}); run that version or newer`);
    const pending = files.filter((name) => !applied.has(name));
    for (const name of pending) {
      await tx.exec(await readFile(new URL(name, MIGRATIONS), 'utf8'));
      await tx.query('INSERT INTO schema_migrations (name, applied_at) VALUES ($1, $2)', [name, Date.now()]);
    }
    return pending;
  });
}
