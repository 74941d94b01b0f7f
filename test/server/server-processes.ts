import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import type { Role } from '../../lib/sync/roles';
import type { Change, PushResult } from '../../lib/sync/schemas';
import { openStore, type DatabaseLocation } from '../../server/storage/store';

// Real server processes for the tests that kill, restart and drain them: `npm run server` as
// an operator starts it, on a free port, against a database the test chose.

const MAIN = fileURLToPath(new URL('../../server/main.ts', import.meta.url));

export interface ServerProcess {
  base: string;
  child: ChildProcess;
  /** Resolves with the exit code (or signal) once the process is gone. */
  exited: Promise<number | string>;
  /** Everything it wrote on stderr so far. */
  stderr(): string;
  kill(signal?: NodeJS.Signals): void;
}

/** `root`: another checkout's files (the bench runs the build before beside this one). */
export async function startServerProcess(location: DatabaseLocation, args: string[] = [], root?: string): Promise<ServerProcess> {
  const env: NodeJS.ProcessEnv = { ...process.env, BATON_REQUESTS_PER_MINUTE: '1000000' };
  if (location.kind === 'postgres') env.DATABASE_URL = location.url;
  else delete env.DATABASE_URL;
  const dataArgs = location.kind === 'pglite' ? ['--data', location.dataDir!] : [];
  const main = root ? join(root, 'server/main.ts') : MAIN;
  const child = spawn(process.execPath, ['--import', 'tsx', main, '--port', '0', ...dataArgs, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'], ...(root ? { cwd: root } : {}) });
  let errors = '';
  child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(signal ?? code ?? 0)));
  const base = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const address = /(http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
      if (address) resolve(address);
    });
    void exited.then((code) => reject(new Error(`the server stopped before it listened (${code}): ${errors}`)));
  });
  return { base, child, exited, stderr: () => errors, kill: (signal = 'SIGTERM') => void child.kill(signal) };
}

/** Members of one team, invited straight in the database, and redeemed through `base`. */
export async function joinTeam(location: DatabaseLocation, base: string, team: string, people: [string, Role][]): Promise<Record<string, string>> {
  const store = await openStore(location);
  const codes: [string, string][] = [];
  try {
    const teamId = await store.members.teamId(team, Date.now());
    for (const [email, role] of people) codes.push([email, (await store.members.invite(teamId, email, role, Date.now())).code]);
  } finally {
    await store.close();
  }
  const tokens: Record<string, string> = {};
  for (const [email, code] of codes) {
    const response = await fetch(`${base}/v1/redeem`, { method: 'POST', body: JSON.stringify({ code }) });
    tokens[email] = ((await response.json()) as { token: string }).token;
  }
  return tokens;
}

export async function pushTo(base: string, token: string, changes: Change[]): Promise<{ status: number; results?: PushResult[] }> {
  // A client gives up on a request that hangs (a connection to a process that just died), as browsers do.
  const response = await fetch(`${base}/v1/push`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ changes }),
    signal: AbortSignal.timeout(5_000),
  });
  const body = (await response.json().catch(() => ({}))) as { results?: PushResult[] };
  return { status: response.status, ...(body.results ? { results: body.results } : {}) };
}

export interface LiveEvent {
  event: string;
  data: string;
  at: number;
}

/** An open /v1/live stream and the events it has received so far. */
export interface OpenStream {
  events: LiveEvent[];
  /** Resolves with the first event (received or to come) that matches. */
  next(match: (event: LiveEvent) => boolean, timeoutMs?: number): Promise<LiveEvent>;
  /** Resolves once the server has ended the stream. */
  ended: Promise<void>;
  close(): Promise<void>;
}

export async function openLive(base: string, token: string, cursor = 0): Promise<OpenStream> {
  const controller = new AbortController();
  const response = await fetch(`${base}/v1/live?cursor=${cursor}`, { headers: { authorization: `Bearer ${token}` }, signal: controller.signal });
  if (response.status !== 200) throw new Error(`live answered ${response.status}`);
  const events: LiveEvent[] = [];
  const waiters: (() => void)[] = [];
  const ended = (async () => {
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        buffer += value;
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          if (event) events.push({ event, data: /^data: (.*)$/m.exec(block)?.[1] ?? '', at: Date.now() });
          for (const wake of waiters.splice(0)) wake();
        }
      }
    } catch {
      // aborted by close(), or the connection broke: the stream has ended either way
    } finally {
      for (const wake of waiters.splice(0)) wake();
    }
  })();
  let isEnded = false;
  void ended.then(() => (isEnded = true));
  return {
    events,
    ended,
    async next(match, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = events.find(match);
        if (found) return found;
        if (isEnded || Date.now() > deadline) throw new Error(`no matching live event within ${timeoutMs} ms (got: ${events.map((event) => event.event).join(', ')})`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, Math.max(0, deadline - Date.now()));
        });
      }
    },
    async close() {
      controller.abort();
      await ended;
    },
  };
}

/** A live event carrying the change with this id. */
export const carries = (changeId: string) => (event: LiveEvent) => event.event === 'changes' && event.data.includes(`"${changeId}"`);

/** Transactions the database has run, all processes together (pg_stat_database; each statement outside a transaction is one). */
export async function transactions(url: string): Promise<number> {
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [row] = await client`SELECT (xact_commit + xact_rollback)::bigint AS n FROM pg_stat_database WHERE datname = current_database()`;
    return Number(row!.n);
  } finally {
    await client.end();
  }
}
