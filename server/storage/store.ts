import { MembersStore } from './members-store';
import { migrate } from './migrate';
import { openPgliteSql, type OpenOptions } from './pglite-sql';
import { openPostgresSql } from './postgres-sql';
import type { Sql } from './sql';
import { measuredSql } from '../observability/measured-sql';
import { POOL_SIZE } from './postgres-sql';
import { SyncStore } from './sync-store';
import { TeamPokes } from './team-pokes';
import { TeamStore } from './team-store';

/** Everything the server keeps, in one database: several server processes may share it. */
export interface Store {
  members: MembersStore;
  sync: SyncStore;
  team: TeamStore;
  /** Wakes live streams when their team changes (team-pokes.ts). */
  pokes: TeamPokes;
  /** Whether the database answers now (GET /ready). */
  ready(): Promise<boolean>;
  close(): Promise<void>;
}

export type DatabaseLocation = { kind: 'postgres'; url: string; maxConnections?: number } | { kind: 'pglite'; dataDir?: string };

/** Opens the database, brings its schema up to date, and returns the store over it. */
export async function openStore(location: DatabaseLocation, options: OpenOptions = {}): Promise<Store> {
  const sql = await openSql(location, options);
  try {
    await migrate(sql);
  } catch (error) {
    await sql.close();
    throw error;
  }
  return storeOver(sql, options.log);
}

export async function openSql(location: DatabaseLocation, options: OpenOptions = {}): Promise<Sql> {
  // Counted for the operator's metrics (statements and transactions in flight against the pool).
  if (location.kind === 'postgres') return measuredSql(openPostgresSql(location.url, location), location.maxConnections ?? POOL_SIZE);
  return measuredSql(await openPgliteSql(location.dataDir, options), 1);
}

export function storeOver(sql: Sql, log?: (line: string) => void): Store {
  const pokes = new TeamPokes(sql, log);
  return {
    members: new MembersStore(sql),
    sync: new SyncStore(sql),
    team: new TeamStore(sql),
    pokes,
    ready: () => answersWithin(sql, READY_TIMEOUT_MS),
    close: async () => {
      await pokes.stop();
      await sql.close();
    },
  };
}

/** A database that has not answered `SELECT 1` this soon is taken as away. */
const READY_TIMEOUT_MS = 2000;

async function answersWithin(sql: Sql, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([sql.query('SELECT 1').then(() => true as const), late]);
  } catch {
    return false; // refused or broken: not ready, which is all /ready says
  } finally {
    clearTimeout(timer);
  }
}
