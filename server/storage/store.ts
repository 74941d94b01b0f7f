import { MembersStore } from './members-store';
import { migrate } from './migrate';
import { openPgliteSql, type OpenOptions } from './pglite-sql';
import { openPostgresSql } from './postgres-sql';
import type { Sql } from './sql';
import { SyncStore } from './sync-store';
import { TeamStore } from './team-store';

/** Everything the server keeps, in one database: several server processes may share it. */
export interface Store {
  members: MembersStore;
  sync: SyncStore;
  team: TeamStore;
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
  return storeOver(sql);
}

export async function openSql(location: DatabaseLocation, options: OpenOptions = {}): Promise<Sql> {
  return location.kind === 'postgres' ? openPostgresSql(location.url, location) : openPgliteSql(location.dataDir, options);
}

export function storeOver(sql: Sql): Store {
  return { members: new MembersStore(sql), sync: new SyncStore(sql), team: new TeamStore(sql), close: () => sql.close() };
}
