import { serve, type ServerType } from '@hono/node-server';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { PullResponse, PushResult } from '../lib/sync/schemas';
import { createApp } from '../server/app';
import { DEFAULT_ALLOWED_ORIGINS } from '../server/http/origins';
import { openStore, type DatabaseLocation, type Store } from '../server/storage/store';
import { startThrowawayPostgres } from '../test/server/throwaway-postgres';

// The team server under load, on 127.0.0.1 only: simulated clients each push one change and
// pull once a second for a fixed number of seconds (bounded loops that end by themselves), while
// a few reference clients time GET /health in the same run. Budget: p95 ≤ 50 ms, zero errors,
// every acknowledged change present afterwards. Real PostgreSQL keeps its default durability.
//
//   npx tsx scripts/bench-server.ts [--db postgres|pglite|both] [--seconds 60] [--team-size 20]

const { values } = parseArgs({
  options: {
    db: { type: 'string', default: 'both' },
    seconds: { type: 'string', default: '60' },
    'team-size': { type: 'string', default: '20' },
    'postgres-clients': { type: 'string', default: '200' },
    'pglite-clients': { type: 'string', default: '20' },
  },
});
const SECONDS = Number(values.seconds);
const TEAM_SIZE = Number(values['team-size']);
const REFERENCE_CLIENTS = 5;
const BUDGET_P95_MS = 50;

interface Run {
  push: number[];
  pull: number[];
  health: number[];
  errors: string[];
  acknowledged: Map<string, string>;
}

let failed = false;
for (const db of values.db === 'both' ? ['postgres', 'pglite'] : [values.db!]) {
  if (db === 'postgres') {
    const postgres = await startThrowawayPostgres({ durable: true });
    process.once('SIGINT', () => {
      postgres.stop();
      process.exit(130);
    });
    try {
      await bench('PostgreSQL 15', { kind: 'postgres', url: postgres.url, maxConnections: 20 }, Number(values['postgres-clients']));
    } finally {
      postgres.stop();
    }
  } else {
    const dataDir = mkdtempSync(join(tmpdir(), 'baton-pglite-'));
    try {
      await bench('PGlite', { kind: 'pglite', dataDir }, Number(values['pglite-clients']));
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
}
process.exit(failed ? 1 : 0);

async function bench(name: string, location: DatabaseLocation, clients: number): Promise<void> {
  const store = await openStore(location);
  const app = createApp({ store, allowedOrigins: [...DEFAULT_ALLOWED_ORIGINS], now: Date.now, log: () => {}, requestsPerMinute: 600 });
  const server = await new Promise<ServerType>((resolve) => {
    const started = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(started));
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const tokens = await Promise.all(Array.from({ length: clients }, (_, index) => joinTeam(store, base, `bench-${Math.floor(index / TEAM_SIZE)}`, `rep${index}@bench.test`)));
    const run: Run = { push: [], pull: [], health: [], errors: [], acknowledged: new Map() };
    const started = performance.now();
    await Promise.all([
      ...tokens.map((token, index) => client(base, token, index, run, started)),
      ...Array.from({ length: REFERENCE_CLIENTS }, () => reference(base, run, started)),
    ]);
    const missing = await missingChanges(store, tokens, run.acknowledged);
    report(name, clients, run, missing);
  } finally {
    server.close();
    await store.close();
  }
}

async function joinTeam(store: Store, base: string, team: string, email: string): Promise<string> {
  const { code } = await store.members.invite(await store.members.teamId(team, Date.now()), email, 'member', Date.now());
  const response = await fetch(`${base}/v1/redeem`, { method: 'POST', body: JSON.stringify({ code }) });
  return ((await response.json()) as { token: string }).token;
}

async function client(base: string, token: string, index: number, run: Run, started: number): Promise<void> {
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const offset = Math.random() * 1000;
  let cursor = 0;
  for (let second = nextTick(started, offset, 0); second < SECONDS; second = nextTick(started, offset, second + 1)) {
    await untilMs(started + offset + second * 1000);
    const id = `bench-${index}-${second}-${Math.random().toString(36).slice(2, 8)}`;
    const change = {
      kind: 'field',
      id,
      handoff: { host: 'hubspot', objectType: 'deal', recordId: String(1000 + (index % 50)), templateId: 'sales-to-onboarding' },
      fieldId: 'goals',
      value: `typed by client ${index} at second ${second}`,
      baseSeq: 0,
      clientAt: Date.now(),
    };
    const pushed = await timed(run.push, run.errors, () => fetch(`${base}/v1/push`, { method: 'POST', headers, body: JSON.stringify({ changes: [change] }) }));
    const result = (pushed as { results?: PushResult[] } | undefined)?.results?.[0];
    if (result?.status === 'applied') run.acknowledged.set(id, token);
    else if (pushed) run.errors.push(`push not applied: ${JSON.stringify(result)}`);
    const pulled = (await timed(run.pull, run.errors, () => fetch(`${base}/v1/pull?cursor=${cursor}&limit=500`, { headers }))) as PullResponse | undefined;
    if (pulled) cursor = pulled.cursor;
  }
}

async function reference(base: string, run: Run, started: number): Promise<void> {
  const offset = Math.random() * 1000;
  for (let second = nextTick(started, offset, 0); second < SECONDS; second = nextTick(started, offset, second + 1)) {
    await untilMs(started + offset + second * 1000);
    await timed(run.health, run.errors, () => fetch(`${base}/health`));
  }
}

async function timed(into: number[], errors: string[], request: () => Promise<Response>): Promise<unknown> {
  const start = performance.now();
  try {
    const response = await request();
    const body = await response.json();
    into.push(performance.now() - start);
    if (!response.ok) errors.push(`${response.status} ${JSON.stringify(body)}`);
    return response.ok ? body : undefined;
  } catch (error) {
    errors.push(String(error));
    return undefined;
  }
}

/** Every change the server said it applied, looked for in a full pull of each team. */
async function missingChanges(store: Store, tokens: string[], acknowledged: Map<string, string>): Promise<number> {
  const present = new Set<string>();
  const teams = new Set<number>();
  for (const token of tokens) teams.add((await store.members.callerByToken(token))!.teamId);
  for (const teamId of teams) {
    let cursor = 0;
    for (;;) {
      const page = await store.sync.pull(teamId, cursor, 500);
      for (const change of page.changes) present.add(change.change.id);
      cursor = page.cursor;
      if (!page.more) break;
    }
  }
  return [...acknowledged.keys()].filter((id) => !present.has(id)).length;
}

function report(name: string, clients: number, run: Run, missing: number): void {
  const line = (label: string, samples: number[]) =>
    `  ${label.padEnd(14)} n=${String(samples.length).padStart(6)}  p50 ${quantile(samples, 0.5).toFixed(1)} ms  p95 ${quantile(samples, 0.95).toFixed(1)} ms  max ${Math.max(...samples).toFixed(1)} ms`;
  const p95 = quantile([...run.push, ...run.pull], 0.95);
  const ok = p95 <= BUDGET_P95_MS && run.errors.length === 0 && missing === 0;
  failed ||= !ok;
  console.log(`${name}: ${clients} clients (teams of ${TEAM_SIZE}), ${SECONDS} s, one push and one pull a second each`);
  console.log(line('push', run.push));
  console.log(line('pull', run.pull));
  console.log(line('GET /health', run.health) + '  (reference, same run)');
  console.log(`  errors ${run.errors.length}${run.errors.length ? ` (first: ${run.errors[0]})` : ''}; acknowledged ${run.acknowledged.size}, missing afterwards ${missing}`);
  console.log(`  budget p95 ≤ ${BUDGET_P95_MS} ms, zero errors, nothing missing: ${ok ? 'met' : 'NOT met'} (push+pull p95 ${p95.toFixed(1)} ms)`);
}

function quantile(samples: number[], q: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

/**
 * The next second to act in, at least `wanted`: a client that fell behind skips the ticks it
 * missed, so every loop ends when its time is up, however slow the server is.
 */
function nextTick(started: number, offset: number, wanted: number): number {
  return Math.max(wanted, Math.ceil((performance.now() - started - offset) / 1000));
}

function untilMs(at: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, at - performance.now())));
}
