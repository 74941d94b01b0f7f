import { chmod, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../server/storage/migrate';
import type { Sql } from '../../server/storage/sql';
import { openSql } from '../../server/storage/store';

// The embedded database holds every email and draft of the team: only the server's own user may
// read or write it (issue 21, item 4). PostgreSQL keeps its own data directory, so this is
// about PGlite alone.

const made: string[] = [];
afterEach(async () => {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function scratchDir(): Promise<string> {
  const parent = await mkdtemp(join(tmpdir(), 'baton-data-dir-'));
  made.push(parent);
  return join(parent, 'data');
}

/** Every directory and file under `dir` (itself included) with its permission bits. */
async function modes(dir: string): Promise<{ path: string; mode: number; directory: boolean }[]> {
  const entries = await readdir(dir, { recursive: true });
  return Promise.all(
    ['', ...entries].map(async (entry) => {
      const info = await stat(join(dir, entry));
      return { path: entry || '.', mode: info.mode & 0o777, directory: info.isDirectory() };
    }),
  );
}

function openToOthers(entries: { path: string; mode: number }[]): string[] {
  return entries.filter(({ mode }) => (mode & 0o077) !== 0).map(({ path, mode }) => `${path} ${mode.toString(8)}`);
}

/** Enough writes for PostgreSQL to start new WAL segments and checkpoint them. */
async function writeMuch(sql: Sql): Promise<void> {
  await sql.exec(`CREATE TABLE IF NOT EXISTS filler (body text)`);
  for (let round = 0; round < 2; round += 1) {
    await sql.query(`INSERT INTO filler SELECT md5(random()::text) || repeat('x', 2000) FROM generate_series(1, 5000)`);
    await sql.query('SELECT pg_switch_wal()');
    await sql.exec('CHECKPOINT');
  }
}

describe('the embedded database’s data directory', () => {
  it('is created owner-only, and stays so as the database writes, checkpoints and starts new WAL segments', async () => {
    const dir = await scratchDir();
    const sql = await openSql({ kind: 'pglite', dataDir: dir });
    try {
      await migrate(sql);
      await writeMuch(sql);
    } finally {
      await sql.close();
    }
    const entries = await modes(dir);
    expect(entries.find((entry) => entry.path === '.')?.mode.toString(8)).toBe('700');
    expect(entries.filter((entry) => entry.path.startsWith('pg_wal/0')).length).toBeGreaterThan(1);
    expect(openToOthers(entries)).toEqual([]);
  });

  it('an existing directory others could read is made owner-only at start, says so in the log, and keeps its data', async () => {
    const dir = await scratchDir();
    const first = await openSql({ kind: 'pglite', dataDir: dir });
    await first.exec(`CREATE TABLE kept (body text); INSERT INTO kept VALUES ('ana@example.com draft')`);
    await first.close();
    // What the issue found: the directory 0755, PGlite's files 0666.
    for (const { path, directory } of await modes(dir)) await chmod(join(dir, path), directory ? 0o755 : 0o666);

    const lines: string[] = [];
    const sql = await openSql({ kind: 'pglite', dataDir: dir }, { log: (line) => lines.push(line) });
    try {
      expect(await sql.query('SELECT body FROM kept')).toEqual([{ body: 'ana@example.com draft' }]);
      await writeMuch(sql);
    } finally {
      await sql.close();
    }
    expect(openToOthers(await modes(dir))).toEqual([]);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(dir);
    expect(lines[0]).toMatch(/owner-only/);
  });

  it('an owner-only directory opens without a word in the log', async () => {
    const dir = await scratchDir();
    await (await openSql({ kind: 'pglite', dataDir: dir })).close();
    const lines: string[] = [];
    await (await openSql({ kind: 'pglite', dataDir: dir }, { log: (line) => lines.push(line) })).close();
    expect(lines).toEqual([]);
  });
});
