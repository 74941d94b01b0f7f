import { PGlite, type Transaction } from '@electric-sql/pglite';
import { resolve } from 'node:path';
import { lockDataDir } from './data-dir-lock';
import { makeOwnerOnly } from './owner-only';
import { IssuedStatements, nestedTransaction, type Row, type Sql } from './sql';

export interface OpenOptions {
  /** Told when the data directory had to be made owner-only. */
  log?: (line: string) => void;
  /** A backup (dumpOpenDataDir's tarball) to create the database from: the directory must be new. */
  loadDataDir?: Blob;
}

/** The data directories this process has open, so a backup can be taken while the server runs. */
const openDatabases = new Map<string, PGlite>();

/**
 * A consistent copy of an open data directory, as a gzipped tarball: PGlite copies the files
 * between two statements, and a transaction caught half done is rolled back when the copy is
 * opened, as after a crash.
 */
export async function dumpOpenDataDir(dataDir: string): Promise<Blob> {
  const db = openDatabases.get(resolve(dataDir));
  if (!db) throw new Error(`the database in ${dataDir} is not open in this process`);
  return db.dumpDataDir('gzip');
}

/**
 * Embedded PostgreSQL in this process. Only one process may open a data directory at a time:
 * while the server holds it, the CLI goes through the server (admin/local-admin.ts). The
 * directory and everything in it is readable and writable by this process's user only.
 */
export async function openPgliteSql(dataDir?: string, options: OpenOptions = {}): Promise<Sql> {
  const unlock = dataDir ? await lockDataDir(dataDir) : async () => {};
  const db = await openOwnerOnly(dataDir, options).catch(async (error: unknown) => {
    await unlock();
    throw error;
  });
  if (dataDir) openDatabases.set(resolve(dataDir), db);
  return {
    query: async <T extends Row>(text: string, params?: readonly unknown[]) => (await db.query<T>(text, params as unknown[])).rows,
    exec: async (text) => void (await db.exec(text)),
    transaction: (work) =>
      db.transaction(async (tx) => {
        const issued = new IssuedStatements();
        const result = await work(transactionSql(tx, issued));
        await issued.settle();
        return result;
      }),
    // One database in this process: its notifications reach only this process, as needed.
    listen: async (channel, onNotify, onListening) => {
      const stop = await db.listen(channel, onNotify);
      onListening?.();
      return stop;
    },
    close: async () => {
      if (dataDir) openDatabases.delete(resolve(dataDir));
      await db.close();
      await unlock();
    },
  };
}

async function openOwnerOnly(dataDir: string | undefined, options: OpenOptions): Promise<PGlite> {
  const { log = () => {} } = options;
  if (!dataDir) return PGlite.create();
  const opened = await makeOwnerOnly(dataDir);
  if (opened > 0) log(`the data directory ${dataDir} was open to other users (${opened} files and folders): made it owner-only (folders 0700, files 0600)`);
  const db = await PGlite.create({ dataDir, ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}) });
  // PGlite has just written files 0666 or 0644 (a new database's, pg_internal.init at each
  // start): the folder around them is already 0700, so nobody else could reach them. Quiet:
  // nothing was ever exposed. Files PostgreSQL creates while running (WAL, tables) are 0600.
  await makeOwnerOnly(dataDir);
  return db;
}

function transactionSql(tx: Transaction, issued: IssuedStatements): Sql {
  return {
    query: <T extends Row>(text: string, params?: readonly unknown[]) => issued.track(tx.query<T>(text, params as unknown[]).then((result) => result.rows)),
    exec: async (text) => void (await tx.exec(text)),
    transaction: nestedTransaction,
    close: nestedTransaction,
  };
}
