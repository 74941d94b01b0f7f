import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { PullResponse, PushResult } from '../lib/sync/schemas';
import { openStore, type DatabaseLocation } from '../server/storage/store';
import { startThrowawayPostgres } from '../test/server/throwaway-postgres';

// The issue's server budget, exactly: the team server as `npm run server` starts it (its own
// process, its default pool and rate limit), simulated clients on 127.0.0.1 in this process,
// each pushing one change and pulling once a second for 60 s in a bounded loop. Budget: p95 of
// push and pull ≤ 50 ms, zero errors, every acknowledged change present afterwards (read back
// from the database once the server has stopped). PostgreSQL 15 (a throwaway cluster, run as an
// unprivileged user, fsync on) with 200 clients; PGlite with 20.
//
// The load runs WARM_UP_SECONDS first, timed apart and not counted: a server that was just
// started compiles its hot paths and opens and primes its pooled connections then (p95 over
// 200 ms for its first five seconds here, 15–25 ms from then on), and the budget is about the
// team's steady load. Errors and acknowledged changes of the warm-up still count.
//
// Timings on a shared machine mean little alone, so each comes with references from the same
// run: GET /health (no database) timed at the same pace under the same load, and the idle round
// trip of GET /health before the load starts.
//
//   npx tsx scripts/bench-server.ts [--db postgres|pglite|both] [--seconds 60]

export const SERVER_BUDGET_P95_MS = 50;
const TEAM_SIZE = 20;
const WARM_UP_SECONDS = 10;
const REFERENCE_CLIENTS = 5;
const IDLE_SAMPLES = 50;
const SERVER_MAIN = fileURLToPath(new URL('../server/main.ts', import.meta.url));

export interface Timing {
  n: number;
  p50: number;
  p95: number;
  max: number;
}

export interface ServerBenchResult {
  database: 'PostgreSQL 15' | 'PGlite';
  /** How the server reached its database. */
  transport: 'embedded' | 'Unix socket' | 'TCP on loopback';
  clients: number;
  seconds: number;
  push: Timing;
  pull: Timing;
  /** Push and pull together in the warm-up before the measured seconds (not counted). */
  warmUp: Timing;
  /** p95 of push and pull together: the number the budget is about. */
  p95: number;
  /** GET /health at the same pace under the same load (reference). */
  healthUnderLoad: Timing;
  /** GET /health one at a time before the load starts (reference). */
  idleRoundTrip: Timing;
  errors: number;
  firstError?: string;
  acknowledged: number;
  missingAfterwards: number;
  /** 1-minute load average of this machine before and after the run. */
  machineLoad: [before: number, after: number];
  met: boolean;
}

export interface ServerBenchOptions {
  databases?: readonly ('postgres' | 'pglite')[];
  seconds?: number;
  postgresClients?: number;
  pgliteClients?: number;
}

/** Runs the server budget on each database in turn; the numbers, for `npm run bench` to report. */
export async function benchServer(options: ServerBenchOptions = {}): Promise<ServerBenchResult[]> {
  const { databases = ['postgres', 'pglite'], seconds = 60, postgresClients = 200, pgliteClients = 20 } = options;
  const results: ServerBenchResult[] = [];
  for (const db of databases) {
    if (db === 'postgres') {
      const postgres = await startThrowawayPostgres({ durable: true });
      try {
        // Reached through its Unix socket, as a server on the database's own machine does (TCP on
        // loopback: BENCH_POSTGRES_TCP=1). On this shared machine a socket write wakes the
        // database's process, which takes the server's core while it runs.
        const overTcp = Boolean(process.env.BENCH_POSTGRES_TCP);
        const location: DatabaseLocation = { kind: 'postgres', url: overTcp ? postgres.url : postgres.socketUrl };
        results.push(await benchOne('PostgreSQL 15', overTcp ? 'TCP on loopback' : 'Unix socket', location, postgresClients, seconds));
      } finally {
        postgres.stop();
      }
    } else {
      const dataDir = mkdtempSync(join(tmpdir(), 'baton-pglite-'));
      try {
        results.push(await benchOne('PGlite', 'embedded', { kind: 'pglite', dataDir }, pgliteClients, seconds));
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    }
  }
  return results;
}

interface Samples {
  push: number[];
  pull: number[];
  warmUp: number[];
  health: number[];
  errors: string[];
  acknowledged: Map<string, number>;
}

async function benchOne(
  database: ServerBenchResult['database'],
  transport: ServerBenchResult['transport'],
  location: DatabaseLocation,
  clients: number,
  seconds: number,
): Promise<ServerBenchResult> {
  const codes = await inviteClients(location, clients);
  const server = await startServerProcess(location);
  const before = loadavg()[0]!;
  const samples: Samples = { push: [], pull: [], warmUp: [], health: [], errors: [], acknowledged: new Map() };
  try {
    const tokens = await Promise.all(codes.map((code) => redeem(server.base, code)));
    const idle: number[] = [];
    for (let i = 0; i < IDLE_SAMPLES; i++) await timed(idle, samples.errors, () => call(`${server.base}/health`));
    const started = performance.now();
    await Promise.all([
      ...tokens.map((token, index) => client(server.base, token, index, samples, started, seconds)),
      ...Array.from({ length: REFERENCE_CLIENTS }, () => reference(server.base, samples, started, seconds)),
    ]);
    await server.stop();
    const missingAfterwards = await missingChanges(location, samples.acknowledged);
    const p95 = quantile([...samples.push, ...samples.pull], 0.95);
    return {
      database,
      transport,
      clients,
      seconds,
      push: timing(samples.push),
      pull: timing(samples.pull),
      warmUp: timing(samples.warmUp),
      p95,
      healthUnderLoad: timing(samples.health),
      idleRoundTrip: timing(idle),
      errors: samples.errors.length,
      ...(samples.errors[0] ? { firstError: samples.errors[0] } : {}),
      acknowledged: samples.acknowledged.size,
      missingAfterwards,
      machineLoad: [before, loadavg()[0]!],
      met: p95 <= SERVER_BUDGET_P95_MS && samples.errors.length === 0 && missingAfterwards === 0,
    };
  } finally {
    await server.stop();
  }
}

/** Teams of TEAM_SIZE members, invited straight in the database before the server opens it. */
async function inviteClients(location: DatabaseLocation, clients: number): Promise<string[]> {
  const store = await openStore(location);
  try {
    const codes: string[] = [];
    for (let index = 0; index < clients; index++) {
      const teamId = await store.members.teamId(`bench-${Math.floor(index / TEAM_SIZE)}`, Date.now());
      codes.push((await store.members.invite(teamId, `rep${index}@bench.test`, 'member', Date.now())).code);
    }
    return codes;
  } finally {
    await store.close();
  }
}

/** `npm run server` on a free port, as an admin would start it. */
async function startServerProcess(location: DatabaseLocation): Promise<{ base: string; stop(): Promise<void> }> {
  const args = [...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_CPU_PROF] : []), '--import', 'tsx', SERVER_MAIN, '--port', '0', '--quiet', ...(location.kind === 'pglite' ? ['--data', location.dataDir!] : [])];
  // The server's own default rate limit, whatever this shell sets.
  const env: NodeJS.ProcessEnv = { ...process.env, ...(location.kind === 'postgres' ? { DATABASE_URL: location.url } : {}) };
  delete env.BATON_REQUESTS_PER_MINUTE;
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'inherit'] });
  const base = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const address = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
      if (address) resolve(address);
    });
    child.once('exit', (code) => reject(new Error(`the server stopped before it listened (exit ${code})`)));
  });
  return { base, stop: () => stopProcess(child) };
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

async function redeem(base: string, code: string): Promise<string> {
  const response = await fetch(`${base}/v1/redeem`, { method: 'POST', body: JSON.stringify({ code }) });
  if (!response.ok) throw new Error(`redeem failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { token: string }).token;
}

async function client(base: string, token: string, index: number, samples: Samples, started: number, seconds: number): Promise<void> {
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const offset = Math.random() * 1000;
  let cursor = 0;
  for (let second = nextTick(started, offset, 0); second < WARM_UP_SECONDS + seconds; second = nextTick(started, offset, second + 1)) {
    await untilMs(started + offset + second * 1000);
    const measured = second >= WARM_UP_SECONDS;
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
    const pushed = await timed(measured ? samples.push : samples.warmUp, samples.errors, () => call(`${base}/v1/push`, { method: 'POST', headers, body: JSON.stringify({ changes: [change] }) }));
    const result = (pushed as { results?: PushResult[] } | undefined)?.results?.[0];
    if (result?.status === 'applied') samples.acknowledged.set(id, index);
    else if (pushed) samples.errors.push(`push not applied: ${JSON.stringify(result)}`);
    const pulled = (await timed(measured ? samples.pull : samples.warmUp, samples.errors, () => call(`${base}/v1/pull?cursor=${cursor}&limit=500`, { headers }))) as PullResponse | undefined;
    if (pulled) cursor = pulled.cursor;
  }
}

async function reference(base: string, samples: Samples, started: number, seconds: number): Promise<void> {
  const offset = Math.random() * 1000;
  for (let second = nextTick(started, offset, WARM_UP_SECONDS); second < WARM_UP_SECONDS + seconds; second = nextTick(started, offset, second + 1)) {
    await untilMs(started + offset + second * 1000);
    await timed(samples.health, samples.errors, () => call(`${base}/health`));
  }
}

async function timed(into: number[], errors: string[], send: () => Promise<Answer>): Promise<unknown> {
  const start = performance.now();
  try {
    const { status, body } = await send();
    into.push(performance.now() - start);
    const ok = status >= 200 && status < 300;
    if (!ok) errors.push(`${status} ${JSON.stringify(body)}`);
    return ok ? body : undefined;
  } catch (error) {
    errors.push(String(error));
    return undefined;
  }
}

interface Answer {
  status: number;
  body: unknown;
}

/**
 * The simulated clients' HTTP: node:http on kept-alive sockets. Node's fetch cost this process
 * about twice the CPU per request (web streams, abort signals), CPU that on this machine is
 * taken from the server under test and its database.
 *
 * The socket timeout is what lets the agent heed the server's "Keep-Alive: timeout=5": without
 * one, Node never retires an idle socket, and a request sent on a socket in the instant the
 * server closes it for idleness dies as "socket hang up" (3 in 16,000 once here, after the
 * warm-up's burst had opened more sockets than the steady load reuses). With one, the agent
 * drops idle sockets a second before the server would, as browsers do.
 */
const keepAlive = new Agent({ keepAlive: true, timeout: 30_000 });
function call(url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const sent = request(url, { method: init.method ?? 'GET', headers: init.headers, agent: keepAlive }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        try {
          resolve({ status: response.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
        } catch (error) {
          reject(error);
        }
      });
      response.on('error', reject);
    });
    sent.on('error', reject);
    sent.end(init.body);
  });
}

/** Every change the server said it applied, looked for in the database after the server stopped. */
async function missingChanges(location: DatabaseLocation, acknowledged: Map<string, number>): Promise<number> {
  const store = await openStore(location);
  try {
    const present = new Set<string>();
    const teams = await Promise.all([...new Set(acknowledged.values())].map((index) => store.members.teamId(`bench-${Math.floor(index / TEAM_SIZE)}`, Date.now())));
    for (const teamId of new Set(teams)) {
      let cursor = 0;
      for (;;) {
        const page = await store.sync.pull(teamId, cursor, 500);
        for (const change of page.changes) present.add(change.change.id);
        cursor = page.cursor;
        if (!page.more) break;
      }
    }
    return [...acknowledged.keys()].filter((id) => !present.has(id)).length;
  } finally {
    await store.close();
  }
}

function timing(samples: number[]): Timing {
  return { n: samples.length, p50: quantile(samples, 0.5), p95: quantile(samples, 0.95), max: samples.length ? Math.max(...samples) : Number.NaN };
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

/** The result as lines a person reads: each timing beside its references. */
export function formatServerBench(result: ServerBenchResult): string[] {
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  const line = (label: string, t: Timing) => `  ${label.padEnd(22)} n=${String(t.n).padStart(6)}  p50 ${ms(t.p50)}  p95 ${ms(t.p95)}  max ${ms(t.max)}`;
  return [
    `${result.database}${result.transport === 'embedded' ? '' : ` through ${result.transport === 'Unix socket' ? 'its Unix socket' : 'TCP on loopback'}`}: ${result.clients} clients (teams of ${TEAM_SIZE}), ${result.seconds} s, one push and one pull a second each after ${WARM_UP_SECONDS} s of warm-up; load average ${result.machineLoad[0].toFixed(1)} → ${result.machineLoad[1].toFixed(1)} on ${availableParallelism()} cores`,
    line('push', result.push),
    line('pull', result.pull),
    line('warm-up (not counted)', result.warmUp),
    line('GET /health, same load', result.healthUnderLoad) + '  (reference)',
    line('GET /health, idle', result.idleRoundTrip) + '  (reference)',
    // A client that falls behind skips the seconds it missed: fewer pushes than scheduled means the server did not keep pace.
    `  pushes made ${result.push.n} of ${result.clients * result.seconds} scheduled; errors ${result.errors}${result.firstError ? ` (first: ${result.firstError})` : ''}; acknowledged ${result.acknowledged}, missing afterwards ${result.missingAfterwards}`,
    `  budget p95 ≤ ${SERVER_BUDGET_P95_MS} ms, zero errors, nothing missing: ${result.met ? 'met' : 'NOT met'} (push+pull p95 ${ms(result.p95)}, ${(result.p95 / result.healthUnderLoad.p95).toFixed(1)}× /health under the same load)`,
  ];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      db: { type: 'string', default: 'both' },
      seconds: { type: 'string', default: '60' },
      'postgres-clients': { type: 'string', default: '200' },
      'pglite-clients': { type: 'string', default: '20' },
    },
  });
  const results = await benchServer({
    databases: values.db === 'both' ? ['postgres', 'pglite'] : [values.db as 'postgres' | 'pglite'],
    seconds: Number(values.seconds),
    postgresClients: Number(values['postgres-clients']),
    pgliteClients: Number(values['pglite-clients']),
  });
  for (const result of results) console.log(formatServerBench(result).join('\n'));
  process.exit(results.every((result) => result.met) ? 0 : 1);
}
