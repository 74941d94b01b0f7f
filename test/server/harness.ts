import postgres from 'postgres';
import { inject } from 'vitest';
import type { Role } from '../../lib/sync/roles';
import type { Change, HandoffKey } from '../../lib/sync/schemas';
import { createApp } from '../../server/app';
import { DEFAULT_ALLOWED_ORIGINS } from '../../server/http/origins';
import { migrate } from '../../server/storage/migrate';
import type { Sql } from '../../server/storage/sql';
import { openSql, storeOver, type DatabaseLocation, type Store } from '../../server/storage/store';

export const BACKENDS = ['pglite', 'postgres'] as const;
export type Backend = (typeof BACKENDS)[number];

export const START = Date.UTC(2026, 10, 26, 12);
export const EXTENSION_ORIGIN = DEFAULT_ALLOWED_ORIGINS[0];

/** A fresh database: in memory for PGlite, a new database in the throwaway PostgreSQL. */
export async function freshLocation(backend: Backend): Promise<DatabaseLocation> {
  if (backend === 'pglite') return { kind: 'pglite' };
  const base = inject('postgresUrl');
  const name = `baton_${Math.random().toString(36).slice(2, 10)}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  await admin.end();
  return { kind: 'postgres', url: base.replace(/\/postgres$/, `/${name}`), maxConnections: 5 };
}

export interface TestServer {
  sql: Sql;
  store: Store;
  clock: { now: number };
  request(method: string, path: string, options?: { token?: string; body?: unknown; rawBody?: string; origin?: string }): Promise<Response>;
  /** Invites and redeems: the token of a new member of `team`. */
  join(team: string, email: string, role: Role): Promise<string>;
  close(): Promise<void>;
}

/** A server over its own connection to `location` (several may share one PostgreSQL database). */
export async function startTestServer(location: DatabaseLocation): Promise<TestServer> {
  const sql = await openSql(location);
  await migrate(sql);
  const opened = storeOver(sql);
  const clock = { now: START };
  const app = createApp({ store: opened, allowedOrigins: [...DEFAULT_ALLOWED_ORIGINS], now: () => clock.now, log: () => {}, requestsPerMinute: 10_000, failedSignInsPerMinute: 10_000 });
  const request: TestServer['request'] = (method, path, options = {}) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.origin) headers.origin = options.origin;
    const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
    return Promise.resolve(app.request(path, { method, headers, body }));
  };
  return {
    sql,
    store: opened,
    clock,
    request,
    async join(team, email, role) {
      const teamId = await opened.members.teamId(team, clock.now);
      const { code } = await opened.members.invite(teamId, email, role, clock.now);
      const response = await request('POST', '/v1/redeem', { body: { code } });
      return ((await response.json()) as { token: string }).token;
    },
    close: () => opened.close(),
  };
}

export const HANDOFF = { host: 'hubspot', objectType: 'deal', recordId: '1001', templateId: 'sales-to-onboarding' } as const;

let counter = 0;
/** A change with a fresh client id. */
export function fieldChange(value: string, options: { baseSeq?: number; clientAt?: number; fieldId?: string; handoff?: HandoffKey } = {}): Change {
  counter += 1;
  return {
    kind: 'field',
    id: `change-${counter}-${Math.random().toString(36).slice(2, 8)}`,
    handoff: options.handoff ?? HANDOFF,
    fieldId: options.fieldId ?? 'goals',
    value,
    baseSeq: options.baseSeq ?? 0,
    clientAt: options.clientAt ?? START,
  };
}

export function changeId(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}-${Math.random().toString(36).slice(2, 8)}`;
}

/** How many rows every table holds: "nothing written" is this, unchanged. */
export async function rowCounts(sql: Sql): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of ['teams', 'members', 'tokens', 'invites', 'changes', 'field_values', 'handoffs', 'templates']) {
    counts[table] = (await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n;
  }
  return counts;
}
