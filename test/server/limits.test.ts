import { EventSourceParserStream, type EventSourceMessage } from 'eventsource-parser/stream';
import { afterEach, describe, expect, it } from 'vitest';
import type { Role } from '../../lib/sync/roles';
import { createApp } from '../../server/app';
import { DEFAULT_ALLOWED_ORIGINS } from '../../server/http/origins';
import { AUTH_FAILURES_PER_MINUTE } from '../../server/http/guards';
import { MAX_LIVE_STREAMS_PER_MEMBER } from '../../server/http/live-streams';
import { migrate } from '../../server/storage/migrate';
import type { Sql } from '../../server/storage/sql';
import { openSql, storeOver, type Store } from '../../server/storage/store';
import { BACKENDS, fieldChange, freshLocation, START, type Backend } from './harness';

// One member, one address or one flood cannot tie up the server, and a limit is checked
// before the work it limits (issue 21, items 1 and 7).

interface LimitedServer {
  store: Store;
  /** Statements the server has sent to the database so far. */
  statements(): number;
  request(path: string, options?: { token?: string; method?: string; body?: unknown; address?: string; forwardedFor?: string }): Promise<Response>;
  join(email: string, role?: Role): Promise<string>;
  close(): Promise<void>;
}

/** Counts every statement, so "before any database lookup" can be checked, not assumed. */
function counting(sql: Sql, count: { n: number }): Sql {
  return {
    query: (text, params) => ((count.n += 1), sql.query(text, params)),
    exec: (text) => ((count.n += 1), sql.exec(text)),
    transaction: (work) => sql.transaction((tx) => work(counting(tx, count))),
    ...(sql.listen ? { listen: sql.listen.bind(sql) } : {}),
    close: () => sql.close(),
  };
}

const servers: LimitedServer[] = [];
const openStreams: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(openStreams.splice(0).map((cancel) => cancel()));
  // A cancelled stream wakes on the abort and ends its read, if one is under way, before the database closes.
  await new Promise((resolve) => setTimeout(resolve, 200));
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function startLimited(backend: Backend, settings: { requestsPerMinute: number; trustProxy?: boolean }): Promise<LimitedServer> {
  const raw = await openSql(await freshLocation(backend));
  await migrate(raw);
  const count = { n: 0 };
  const store = storeOver(counting(raw, count));
  const app = createApp({ store, allowedOrigins: [...DEFAULT_ALLOWED_ORIGINS], now: () => START, log: () => {}, ...settings });
  const request: LimitedServer['request'] = async (path, options = {}) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.forwardedFor) headers['x-forwarded-for'] = options.forwardedFor;
    const body = options.body === undefined ? undefined : JSON.stringify(options.body);
    // What @hono/node-server hands the app: the connection's own address.
    const env = { incoming: { socket: { remoteAddress: options.address ?? '192.0.2.1' } } };
    return app.request(path, { method: options.method ?? 'GET', headers, body }, env);
  };
  const server: LimitedServer = {
    store,
    statements: () => count.n,
    request,
    async join(email, role = 'member') {
      const { code } = await store.members.invite(await store.members.teamId('team-a', START), email, role, START);
      return (await store.members.redeem(code, START))!.token;
    },
    close: () => store.close(),
  };
  servers.push(server);
  return server;
}

function randomToken(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64url');
}

/** The next event of a live stream, or 'timeout' when none comes in time. */
function eventsOf(response: Response): (waitMs?: number) => Promise<EventSourceMessage | 'ended' | 'timeout'> {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).pipeThrough(new EventSourceParserStream()).getReader();
  openStreams.push(() => reader.cancel());
  return async (waitMs = 3_000) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), waitMs)));
    const next = reader.read().then(({ done, value }) => (done ? 'ended' : value));
    try {
      return await Promise.race([next, timeout]);
    } finally {
      clearTimeout(timer);
    }
  };
}

function expectRetryAfter(response: Response): void {
  const seconds = Number(response.headers.get('retry-after'));
  expect(Number.isInteger(seconds), `Retry-After: ${response.headers.get('retry-after')}`).toBe(true);
  expect(seconds).toBeGreaterThanOrEqual(1);
  expect(seconds).toBeLessThanOrEqual(60);
}

describe.each(BACKENDS)('limits on %s', (backend) => {
  it('a member’s fifth live stream ends their oldest, which is told when to come back; the others keep streaming', async () => {
    const server = await startLimited(backend, { requestsPerMinute: 10_000 });
    const token = await server.join('rep@a.test');
    const teammate = await server.join('other@a.test');
    const opened = [];
    for (let i = 0; i <= MAX_LIVE_STREAMS_PER_MEMBER; i += 1) {
      const response = await server.request('/v1/live?cursor=0', { token });
      expect(response.status).toBe(200);
      opened.push(eventsOf(response));
    }
    const teammateStream = eventsOf(await server.request('/v1/live?cursor=0', { token: teammate }));

    const [oldest, ...rest] = opened;
    const told = await oldest!();
    expect(told).toMatchObject({ event: 'superseded' });
    expect(JSON.parse((told as EventSourceMessage).data).retryAfter).toBeGreaterThan(0);
    expect(await oldest!()).toBe('ended');

    const push = await server.request('/v1/push', { token: teammate, method: 'POST', body: { changes: [fieldChange('Grow revenue')] } });
    expect(push.status).toBe(200);
    for (const next of [...rest, teammateStream]) expect(await next()).toMatchObject({ event: 'changes' });
  });

  it('an open live stream takes from its member’s budget, and is told to come back when it is spent', async () => {
    const server = await startLimited(backend, { requestsPerMinute: 5 });
    const token = await server.join('rep@a.test');
    for (let i = 0; i < 4; i += 1) expect((await server.request('/v1/me', { token })).status).toBe(200);
    const next = eventsOf(await server.request('/v1/live?cursor=0', { token }));

    const told = await next(5_000);
    expect(told).toMatchObject({ event: 'limited' });
    expect(JSON.parse((told as EventSourceMessage).data).retryAfter).toBeGreaterThan(0);
    expect(await next()).toBe('ended');
    const refused = await server.request('/v1/me', { token });
    expect(refused.status).toBe(429);
    expectRetryAfter(refused);
  });

  it('every 429 says when to come back (Retry-After, in seconds)', async () => {
    const server = await startLimited(backend, { requestsPerMinute: 2 });
    const token = await server.join('rep@a.test');
    await server.request('/v1/me', { token });
    await server.request('/v1/me', { token });
    for (const path of ['/v1/me', '/v1/pull?cursor=0', '/v1/live?cursor=0']) {
      const response = await server.request(path, { token });
      expect(response.status, path).toBe(429);
      expectRetryAfter(response);
    }
  });

  it('failed sign-ins from one address are refused before the database is asked, on every route', async () => {
    const server = await startLimited(backend, { requestsPerMinute: 10_000 });
    const before = server.statements();
    const statuses = new Map<number, number>();
    const paths = ['/v1/me', '/v1/pull?cursor=0', '/v1/live?cursor=0', '/v1/team/handoffs'];
    for (let i = 0; i < 1_500; i += 1) {
      const response = await server.request(paths[i % paths.length]!, { token: randomToken(), address: '198.51.100.7' });
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      if (response.status === 429) expectRetryAfter(response);
    }
    expect(Object.fromEntries(statuses)).toEqual({ 401: AUTH_FAILURES_PER_MINUTE, 429: 1_500 - AUTH_FAILURES_PER_MINUTE });
    expect(server.statements() - before).toBe(AUTH_FAILURES_PER_MINUTE);

    // Guessing invite codes counts too; another address has its own budget.
    const redeem = await server.request('/v1/redeem', { method: 'POST', body: { code: randomToken() }, address: '198.51.100.7' });
    expect(redeem.status).toBe(429);
    expect((await server.request('/v1/me', { token: randomToken(), address: '203.0.113.9' })).status).toBe(401);
  });

  it('a member who signed in before is not locked out by a flood of bad tokens from the same address', async () => {
    const server = await startLimited(backend, { requestsPerMinute: 10_000 });
    const token = await server.join('rep@a.test');
    expect((await server.request('/v1/me', { token, address: '198.51.100.7' })).status).toBe(200);
    for (let i = 0; i <= AUTH_FAILURES_PER_MINUTE; i += 1) await server.request('/v1/me', { token: randomToken(), address: '198.51.100.7' });
    expect((await server.request('/v1/me', { token: randomToken(), address: '198.51.100.7' })).status).toBe(429);
    expect((await server.request('/v1/me', { token, address: '198.51.100.7' })).status).toBe(200);
    expect((await server.request('/v1/pull?cursor=0', { token, address: '198.51.100.7' })).status).toBe(200);
  });

  it('an over-limit pull is refused before it reads', async () => {
    const server = await startLimited(backend, { requestsPerMinute: 3 });
    const token = await server.join('rep@a.test');
    for (let i = 0; i < 3; i += 1) expect((await server.request('/v1/pull?cursor=0', { token })).status).toBe(200);
    const before = server.statements();
    const refused = await server.request('/v1/pull?cursor=0', { token });
    expect(refused.status).toBe(429);
    expect(server.statements() - before).toBe(0);
    expectRetryAfter(refused);
  });

  it('behind a trusted proxy, each client has its own address budget (the right-most X-Forwarded-For entry)', async () => {
    const server = await startLimited(backend, { requestsPerMinute: 10_000, trustProxy: true });
    const proxy = '10.0.0.2';
    for (let i = 0; i <= AUTH_FAILURES_PER_MINUTE; i += 1) {
      // The left part is whatever the client sent: it must not buy a fresh budget.
      await server.request('/v1/me', { token: randomToken(), address: proxy, forwardedFor: `10.9.9.${i}, 198.51.100.7` });
    }
    expect((await server.request('/v1/me', { token: randomToken(), address: proxy, forwardedFor: '1.2.3.4, 198.51.100.7' })).status).toBe(429);

    const colleague = { address: proxy, forwardedFor: '203.0.113.9' };
    expect((await server.request('/v1/me', { token: randomToken(), ...colleague })).status).toBe(401);
    const { code } = await server.store.members.invite(await server.store.members.teamId('team-a', START), 'new@a.test', 'member', START);
    expect((await server.request('/v1/redeem', { method: 'POST', body: { code }, ...colleague })).status).toBe(200);
  });

  it('without --trust-proxy, X-Forwarded-For is ignored: a forged one buys no fresh budget', async () => {
    const server = await startLimited(backend, { requestsPerMinute: 10_000 });
    for (let i = 0; i < AUTH_FAILURES_PER_MINUTE; i += 1) {
      await server.request('/v1/me', { token: randomToken(), address: '198.51.100.7', forwardedFor: `10.9.9.${i}` });
    }
    const forged = await server.request('/v1/me', { token: randomToken(), address: '198.51.100.7', forwardedFor: '203.0.113.9' });
    expect(forged.status).toBe(429);
  });
});
