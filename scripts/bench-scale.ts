import { execFileSync, execSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { hashSecret, newSecret } from '../server/secrets';
import { startServerProcess, transactions } from '../test/server/server-processes';
import { startThrowawayPostgres } from '../test/server/throwaway-postgres';

// The team server at a company's size, this build beside the build before it, in the same run:
// STREAMS live streams (one per open Baton tab) spread over two server processes on one
// PostgreSQL. Printed per build: database transactions a second while nothing changes (from
// pg_stat_database; every statement outside a transaction is one), server memory per open
// stream, and how long a pushed change takes to reach a stream on the other process (p95).
//
//   npx tsx scripts/bench-scale.ts [--before REF] [--streams 2000]

export const IDLE_BUDGET_PER_SECOND = 5;
export const CROSS_PROCESS_BUDGET_MS = 1_000;
const TEAM_SIZE = 20;
const STREAMS_PER_MEMBER = 4;
/** PostgreSQL reports an idle backend's counts up to 10 s late, and 2,000 streams take a few seconds to open: settle, then count. */
const SETTLE_MS = 25_000;
const COUNT_MS = 10_000;
const ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface ScaleResult {
  build: string;
  streams: number;
  idlePerSecond: number;
  memoryPerStreamKb: number;
  crossProcessP95Ms: number;
  crossProcessSamples: number;
}

/** The commit before the live streams were woken by notifications, unless told otherwise. */
function defaultBefore(): string {
  const woken = execFileSync('git', ['log', '--format=%H', '-1', '--grep=idle live streams cost the database nothing'], { cwd: ROOT, encoding: 'utf8' }).trim();
  return woken ? `${woken}~1` : 'HEAD';
}

export async function benchScale(options: { streams?: number; before?: string } = {}): Promise<ScaleResult[]> {
  const streams = options.streams ?? 2_000;
  const before = options.before ?? defaultBefore();
  const database = await startThrowawayPostgres({ durable: true });
  const oldTree = checkout(before);
  try {
    const results: ScaleResult[] = [];
    for (const [build, root] of [[`before (${before.slice(0, 12)})`, oldTree], ['this build', ROOT]] as const) {
      const name = `scale_${results.length}`;
      const admin = postgres(database.url, { max: 1, onnotice: () => {} });
      await admin.unsafe(`CREATE DATABASE ${name}`);
      await admin.end();
      results.push(await measure(build, root, database.url.replace(/\/postgres$/, `/${name}`), streams));
    }
    return results;
  } finally {
    database.stop();
    rmSync(oldTree, { recursive: true, force: true });
  }
}

async function measure(build: string, root: string, url: string, streams: number): Promise<ScaleResult> {
  const servers = [await startServer(root, url), await startServer(root, url)];
  const connections: AbortController[] = [];
  try {
    const tokens = await members(url, servers[0]!.base, Math.ceil(streams / STREAMS_PER_MEMBER));
    const rssBefore = servers.map((server) => rssKb(server.child.pid!));
    const received: { at: number; data: string }[][] = [];
    for (let index = 0; index < streams; index++) {
      const token = tokens[Math.floor(index / STREAMS_PER_MEMBER)]!;
      const controller = new AbortController();
      connections.push(controller);
      received.push(follow(servers[index % 2]!.base, token.token, controller.signal));
      if (index % 100 === 99) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const first = await transactions(url);
    await new Promise((resolve) => setTimeout(resolve, COUNT_MS));
    const idlePerSecond = ((await transactions(url)) - first - 1) / (COUNT_MS / 1000);
    const memory = servers.map((server, at) => rssKb(server.child.pid!) - rssBefore[at]!);
    const memoryPerStreamKb = memory.reduce((sum, kb) => sum + kb, 0) / streams;

    // A member pushes through process 0; a teammate's stream on process 1 hears it.
    const latencies: number[] = [];
    for (let sample = 0; sample < 20; sample++) {
      const writer = tokens[sample % tokens.length]!;
      const readerIndex = received.findIndex((_, index) => index % 2 === 1 && tokens[Math.floor(index / STREAMS_PER_MEMBER)]!.team === writer.team);
      const id = `scale-${sample}-${Math.random().toString(36).slice(2, 10)}`;
      const sent = Date.now();
      await fetch(`${servers[0]!.base}/v1/push`, {
        method: 'POST',
        headers: { authorization: `Bearer ${writer.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ changes: [{ kind: 'move', id, ref: { host: 'hubspot', objectType: 'deal', recordId: String(sample) }, stage: 'Closed won', outcome: 'allowed', clientAt: sent }] }),
      });
      const deadline = sent + 10_000;
      while (!received[readerIndex]!.some((event) => event.data.includes(id)) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
      const heard = received[readerIndex]!.find((event) => event.data.includes(id));
      latencies.push(heard ? heard.at - sent : 10_000);
    }
    latencies.sort((a, b) => a - b);
    return { build, streams, idlePerSecond, memoryPerStreamKb, crossProcessP95Ms: latencies[Math.ceil(latencies.length * 0.95) - 1]!, crossProcessSamples: latencies.length };
  } finally {
    for (const controller of connections) controller.abort();
    await Promise.all(servers.map((server) => server.stop()));
  }
}

/** A stream's events as they arrive (with when), read until the signal aborts. */
function follow(base: string, token: string, signal: AbortSignal): { at: number; data: string }[] {
  const events: { at: number; data: string }[] = [];
  void (async () => {
    try {
      const response = await fetch(`${base}/v1/live?cursor=0`, { headers: { authorization: `Bearer ${token}` }, signal });
      const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        events.push({ at: Date.now(), data: value });
      }
    } catch {
      // aborted at the end of the measurement
    }
  })();
  return events;
}

/** Members in teams of TEAM_SIZE, written straight into the database (both builds' schemas take this). */
async function members(url: string, base: string, count: number): Promise<{ team: number; token: string }[]> {
  const db = postgres(url, { max: 1, onnotice: () => {} });
  const codes: { team: number; code: string }[] = [];
  try {
    for (let index = 0; index < count; index++) {
      const team = Math.floor(index / TEAM_SIZE);
      const [row] = await db`INSERT INTO teams (name, created_at) VALUES (${`scale-${team}`}, 0) ON CONFLICT (name) DO UPDATE SET name = EXCLUDED.name RETURNING id`;
      const code = newSecret();
      await db`INSERT INTO invites (code_hash, team_id, email, role, created_at, expires_at) VALUES (${hashSecret(code)}, ${row!.id}, ${`rep${index}@scale.test`}, 'member', 0, ${Date.now() + 3_600_000})`;
      codes.push({ team, code });
    }
  } finally {
    await db.end();
  }
  const tokens: { team: number; token: string }[] = [];
  for (const { team, code } of codes) {
    const response = await fetch(`${base}/v1/redeem`, { method: 'POST', body: JSON.stringify({ code }) });
    tokens.push({ team, token: ((await response.json()) as { token: string }).token });
  }
  return tokens;
}

function rssKb(pid: number): number {
  return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
}

/** The build before, as files: its server and lib, run with this tree's node_modules. */
function checkout(ref: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'baton-before-'));
  execSync(`git archive ${ref} server lib package.json tsconfig.json | tar -x -C ${dir}`, { cwd: ROOT });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  symlinkSync(join(ROOT, '.wxt'), join(dir, '.wxt'));
  return dir;
}

async function startServer(root: string, url: string): Promise<{ base: string; child: ChildProcess; stop(): Promise<void> }> {
  const server = await startServerProcess({ kind: 'postgres', url }, ['--quiet'], root);
  return {
    base: server.base,
    child: server.child,
    stop: async () => {
      server.kill('SIGKILL');
      await server.exited;
    },
  };
}

export function formatScale(result: ScaleResult): string {
  return `${result.build}: ${result.idlePerSecond.toFixed(1)} transactions/s idle with ${result.streams} streams; ${result.memoryPerStreamKb.toFixed(1)} KB per stream; a change to a stream on the other process p95 ${result.crossProcessP95Ms} ms (${result.crossProcessSamples} changes)`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const at = (flag: string) => (process.argv.includes(flag) ? process.argv[process.argv.indexOf(flag) + 1] : undefined);
  const results = await benchScale({ streams: Number(at('--streams') ?? 2000), ...(at('--before') ? { before: at('--before')! } : {}) });
  for (const result of results) console.log(formatScale(result));
}
