import { randomBytes } from 'node:crypto';
import { access, mkdir, open, readdir, readFile, rename, rm, rmdir } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { lockDataDir, LOCK_FILE } from '../storage/data-dir-lock';
import { makeOwnerOnly } from '../storage/owner-only';
import { dumpOpenDataDir, openPgliteSql } from '../storage/pglite-sql';
import { ADMIN_FILE, runningServer } from './local-admin';

// Backups of the embedded database: `backup <file>` and `restore <file>`. A backup is PGlite's
// own copy of the data directory (a gzipped tarball), taken by the running server when one holds
// the directory (asked through local-admin.ts), else by opening the directory here. A restore
// builds the database beside the target, checks it opens as a Baton database, and only then
// moves it in: a bad file leaves the directory as it was. PostgreSQL is backed up with its own
// tools (pg_dump -Fc / pg_restore, see README).

/** Files of ours a data directory holds beside the database: never restored from a backup. */
const OUR_FILES = [LOCK_FILE, ADMIN_FILE];

/** The database in `dataDir` as a tarball: from the server holding it, or read here when none runs. */
export async function takeBackup(dataDir: string): Promise<Blob> {
  const server = await runningServer(dataDir);
  if (server) {
    const response = await server.post('/backup');
    if (!response.ok) throw new Error(`the running server could not take the backup: ${await response.text()}`);
    return response.blob();
  }
  if (!(await exists(join(dataDir, 'PG_VERSION')))) throw new Error(`there is no database in ${dataDir} to back up (is --data right?)`);
  const sql = await openPgliteSql(dataDir);
  try {
    return await dumpOpenDataDir(dataDir);
  } finally {
    await sql.close();
  }
}

/**
 * Writes the backup to `file`, owner-only (it holds every email and draft of the team), never
 * over an existing file, and whole or not at all: written beside it, then renamed.
 */
export async function writeBackup(file: string, backup: Blob): Promise<void> {
  if (await exists(file)) throw new Error(`${file} already exists; choose another name (a backup never overwrites a file)`);
  const partial = join(dirname(file), `.${basename(file)}.partial-${randomBytes(4).toString('hex')}`);
  const handle = await open(partial, 'wx', 0o600);
  try {
    await handle.writeFile(Buffer.from(await backup.arrayBuffer()));
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(partial, file);
}

/**
 * Restores `file` into `dataDir`. Refused while a server runs on the directory, and over a
 * database unless `force`: then the database there is moved aside, not deleted. Returns the
 * lines to print.
 */
export async function restoreBackup(file: string, dataDir: string, force: boolean): Promise<string[]> {
  const backup = new Blob([await readFile(file)]);
  const server = await runningServer(dataDir);
  if (server) throw new Error(`a Baton server (process ${server.pid}) is running on ${dataDir}: stop it, then restore`);
  const unlock = await lockDataDir(dataDir);
  try {
    const present = (await readdir(dataDir)).filter((name) => name !== LOCK_FILE);
    if (present.length > 0 && !force) {
      throw new Error(`${dataDir} is not empty (it holds a database?): restore into an empty directory, or add --force to move what is there aside and restore`);
    }
    const built = await buildBeside(dataDir, backup, file);
    const lines: string[] = [];
    if (present.length > 0) {
      const aside = `${dataDir}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      await moveEntries(dataDir, aside, present);
      lines.push(`What was in ${dataDir} is now in ${aside}: delete it once the restored server looks right.`);
    }
    await moveEntries(built, dataDir, await readdir(built));
    await rmdir(built);
    await makeOwnerOnly(dataDir);
    return [`Restored ${file} into ${dataDir}.`, ...lines];
  } finally {
    await unlock();
  }
}

/** The backup made into a database in a new folder beside `dataDir`, opened once to prove it is one of ours. */
async function buildBeside(dataDir: string, backup: Blob, file: string): Promise<string> {
  const built = resolve(dirname(dataDir), `.${basename(dataDir)}.restoring-${randomBytes(4).toString('hex')}`);
  try {
    const sql = await openPgliteSql(built, { loadDataDir: backup });
    try {
      await sql.query('SELECT name FROM schema_migrations');
    } finally {
      await sql.close();
    }
    // The backup copied the server's own files too: its admin file would point at that server.
    await Promise.all(OUR_FILES.map((name) => rm(join(built, name), { force: true })));
    return built;
  } catch (error) {
    await rm(built, { recursive: true, force: true });
    throw new Error(`${file} is not a backup of a Baton server's database (${(error as Error).message})`);
  }
}

async function moveEntries(from: string, to: string, names: readonly string[]): Promise<void> {
  await mkdir(to, { recursive: true, mode: 0o700 });
  for (const name of names) await rename(join(from, name), join(to, name));
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}
