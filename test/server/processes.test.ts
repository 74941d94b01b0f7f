import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { DatabaseLocation } from '../../server/storage/store';
import { changeId, fieldChange, freshLocation } from './harness';
import { carries, joinTeam, openLive, pushTo, startServerProcess, transactions, type OpenStream, type ServerProcess } from './server-processes';
import { startThrowawayPostgres } from './throwaway-postgres';

// Several server processes on one PostgreSQL, as a company runs them: a change reaches every
// process's live streams at once, idle streams cost the database nothing, and losing a process,
// the database for a while, or a process to SIGTERM loses no acknowledged change.

const running: ServerProcess[] = [];
const streams: OpenStream[] = [];
afterEach(async () => {
  await Promise.all(streams.splice(0).map((stream) => stream.close()));
  for (const server of running.splice(0)) {
    server.kill('SIGKILL');
    await server.exited;
  }
});

async function start(location: DatabaseLocation, args: string[] = []): Promise<ServerProcess> {
  const server = await startServerProcess(location, args);
  running.push(server);
  return server;
}

async function live(base: string, token: string): Promise<OpenStream> {
  const stream = await openLive(base, token);
  streams.push(stream);
  return stream;
}

describe('two server processes on one PostgreSQL', () => {
  it('a change pushed through one reaches a live stream on the other within 1 s', async () => {
    const location = await freshLocation('postgres');
    const [a, b] = await Promise.all([start(location), start(location)]);
    const tokens = await joinTeam(location, a.base, 'cross', [
      ['ana@x.test', 'member'],
      ['lee@x.test', 'lead'],
    ]);
    const stream = await live(b.base, tokens['lee@x.test']!);
    const latencies: number[] = [];
    for (let index = 0; index < 5; index++) {
      const change = fieldChange(`typed ${index}`, { fieldId: `f${index}` });
      const sent = Date.now();
      expect((await pushTo(a.base, tokens['ana@x.test']!, [change])).status).toBe(200);
      latencies.push((await stream.next(carries(change.id), 1_000)).at - sent);
    }
    expect(Math.max(...latencies)).toBeLessThan(1_000);
  });

  it('open live streams do no database work while nothing changes', async () => {
    const location = await freshLocation('postgres');
    if (location.kind !== 'postgres') throw new Error('PostgreSQL expected');
    const [a, b] = await Promise.all([start(location), start(location)]);
    const people = Array.from({ length: 10 }, (_, index) => [`rep${index}@x.test`, 'member'] as [string, 'member']);
    const tokens = Object.values(await joinTeam(location, a.base, 'idle', people));
    // 40 streams, 4 per member (the most a member holds), half on each process.
    for (const [index, token] of tokens.entries()) for (let copy = 0; copy < 4; copy++) await live([a, b][(index + copy) % 2]!.base, token);
    // PostgreSQL reports an idle backend's counts up to 10 s late: wait that out, then count.
    await new Promise((resolve) => setTimeout(resolve, 11_000));
    const before = await transactions(location.url);
    await new Promise((resolve) => setTimeout(resolve, 10_000));
    const perSecond = ((await transactions(location.url)) - before - 1) / 10;
    // Polling read twice a stream every 500 ms: 160 a second for these 40.
    expect(perSecond).toBeLessThanOrEqual(5);
    expect(streams.every((stream) => !stream.events.some((event) => event.event === 'superseded'))).toBe(true);
  }, 60_000);

  it('kill -9 of one process while clients push: they go on through the other, and every acknowledged change is stored once', async () => {
    const location = await freshLocation('postgres');
    if (location.kind !== 'postgres') throw new Error('PostgreSQL expected');
    const [a, b] = await Promise.all([start(location), start(location)]);
    const tokens = Object.values(await joinTeam(location, a.base, 'crash', Array.from({ length: 8 }, (_, index) => [`rep${index}@x.test`, 'lead'] as [string, 'lead'])));
    const acknowledged = new Set<string>();
    let killed = false;
    const client = async (token: string, index: number) => {
      for (let turn = 0; turn < 30; turn++) {
        const change = fieldChange(`client ${index} turn ${turn}`, { fieldId: `c${index}` });
        // A client retries the same change (same id) until one process acknowledges it.
        for (let attempt = 0; attempt < 10; attempt++) {
          const server = killed || (index + attempt) % 2 ? b : a;
          const answer = await pushTo(server.base, token, [change]).catch(() => undefined);
          if (answer?.status === 200) {
            acknowledged.add(change.id);
            break;
          }
        }
        await new Promise((resolve) => setTimeout(resolve, 30));
      }
    };
    const load = Promise.all(tokens.map(client));
    await new Promise((resolve) => setTimeout(resolve, 400));
    a.kill('SIGKILL');
    killed = true;
    await load;
    expect(acknowledged.size).toBe(tokens.length * 30);
    const db = postgres(location.url, { max: 1, onnotice: () => {} });
    try {
      const stored = await db`SELECT id, count(*)::int AS n FROM changes GROUP BY id`;
      const counts = new Map(stored.map((row) => [row.id as string, row.n as number]));
      expect([...acknowledged].filter((id) => counts.get(id) !== 1)).toEqual([]);
    } finally {
      await db.end();
    }
  }, 60_000);

  it('SIGTERM drains: live streams are told to reconnect, a push under way is answered, the process exits within 10 s', async () => {
    const location = await freshLocation('postgres');
    const server = await start(location);
    const tokens = await joinTeam(location, server.base, 'drain', [['ana@x.test', 'lead']]);
    const stream = await live(server.base, tokens['ana@x.test']!);
    const changes = Array.from({ length: 200 }, (_, index) => fieldChange(`value ${index}`, { fieldId: `d${index}` }));
    const underWay = pushTo(server.base, tokens['ana@x.test']!, changes);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const signalled = Date.now();
    server.kill('SIGTERM');
    expect((await underWay).status).toBe(200);
    expect(JSON.parse((await stream.next((event) => event.event === 'draining')).data)).toEqual({ retryAfter: 1 });
    expect(await server.exited).toBe(0);
    expect(Date.now() - signalled).toBeLessThan(10_000);
    await expect(fetch(`${server.base}/health`)).rejects.toThrow();
  });

  it('--workers 2: one address, and a worker killed with -9 is replaced while the other serves', async () => {
    const location = await freshLocation('postgres');
    const primary = await start(location, ['--workers', '2']);
    const tokens = await joinTeam(location, primary.base, 'workers', [['ana@x.test', 'lead']]);
    const workers = () => childPids(primary.child.pid!);
    await expect.poll(workers, { timeout: 10_000 }).toHaveLength(2);
    const [victim] = await workers();
    process.kill(victim!, 'SIGKILL');
    for (let index = 0; index < 10; index++) {
      const answer = await pushTo(primary.base, tokens['ana@x.test']!, [fieldChange(`after ${index}`)]).catch(() => pushTo(primary.base, tokens['ana@x.test']!, [fieldChange(`retried ${index}`)]));
      expect(answer.status).toBe(200);
    }
    await expect.poll(async () => (await workers()).filter((pid) => pid !== victim), { timeout: 15_000 }).toHaveLength(2);
    expect(primary.stderr()).toMatch(/ended \(SIGKILL\); starting another/);
  }, 40_000);
});

describe('PostgreSQL restarted under a running server', () => {
  const database = startThrowawayPostgres({ durable: false });
  afterAll(async () => (await database).stop());

  it('keeps answering /health, says not ready while the database is away, reconnects by itself and loses no acknowledged change', async () => {
    const pg = await database;
    const location: DatabaseLocation = { kind: 'postgres', url: pg.url };
    const server = await start(location);
    const tokens = await joinTeam(location, server.base, 'restart', [
      ['ana@x.test', 'lead'],
      ['lee@x.test', 'lead'],
    ]);
    const before = fieldChange('before the restart');
    expect((await pushTo(server.base, tokens['ana@x.test']!, [before])).status).toBe(200);

    pg.pause();
    expect((await fetch(`${server.base}/health`)).status).toBe(200);
    expect((await fetch(`${server.base}/ready`)).status).toBe(503);
    const during = await pushTo(server.base, tokens['ana@x.test']!, [fieldChange('while away', { fieldId: 'away' })]);
    expect(during.status).toBe(503);
    pg.resume();

    await expect.poll(async () => (await fetch(`${server.base}/ready`)).status, { timeout: 15_000 }).toBe(200);
    const stream = await live(server.base, tokens['lee@x.test']!);
    await stream.next(carries(before.id));
    const after = { ...fieldChange('after the restart', { fieldId: 'later' }), id: changeId('after') };
    expect((await pushTo(server.base, tokens['ana@x.test']!, [after])).status).toBe(200);
    await stream.next(carries(after.id), 1_000);
  }, 60_000);
});

describe('the embedded database (one process)', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('wakes live streams on a push, ends a revoked member’s at once, and drains on SIGTERM', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'baton-pglite-'));
    dirs.push(dataDir);
    const location: DatabaseLocation = { kind: 'pglite', dataDir };
    const server = await startServerProcess(location);
    running.push(server);
    const admin = await invite(server, 'admin@x.test', 'admin');
    const rep = await invite(server, 'rep@x.test', 'member');
    const lead = await invite(server, 'lee@x.test', 'lead');
    const [leadStream, repStream] = [await live(server.base, lead), await live(server.base, rep)];

    const change = fieldChange('typed');
    const sent = Date.now();
    expect((await pushTo(server.base, rep, [change])).status).toBe(200);
    expect((await leadStream.next(carries(change.id), 1_000)).at - sent).toBeLessThan(1_000);

    const revoked = Date.now();
    await fetch(`${server.base}/v1/members/revoke`, { method: 'POST', headers: { authorization: `Bearer ${admin}` }, body: JSON.stringify({ email: 'rep@x.test' }) });
    expect((await repStream.next((event) => event.event === 'revoked', 1_000)).at - revoked).toBeLessThan(1_000);

    server.kill('SIGTERM');
    await leadStream.next((event) => event.event === 'draining');
    expect(await server.exited).toBe(0);
  });

  async function invite(server: ServerProcess, email: string, role: string): Promise<string> {
    // The command line hands the invite to the running server, which holds the database.
    const { execFileSync } = await import('node:child_process');
    const dataDir = server.child.spawnargs[server.child.spawnargs.indexOf('--data') + 1]!;
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'server/main.ts', 'invite', email, '--role', role, '--data', dataDir], { encoding: 'utf8', env: { ...process.env, DATABASE_URL: '' } });
    const code = out.trim().split('\n').at(-1)!;
    const response = await fetch(`${server.base}/v1/redeem`, { method: 'POST', body: JSON.stringify({ code }) });
    return ((await response.json()) as { token: string }).token;
  }
});

/** The pids of a process's server children (cluster workers; tsx's esbuild is a child too). */
async function childPids(pid: number): Promise<number[]> {
  const { execFileSync } = await import('node:child_process');
  try {
    const lines = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(pid)], { encoding: 'utf8' }).split('\n');
    return lines.filter((line) => line.includes('server/main.ts')).map((line) => Number.parseInt(line.trim(), 10));
  } catch {
    return []; // ps exits 1 when there are none
  }
}
