import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../server/app';
import { DEFAULT_ALLOWED_ORIGINS } from '../../server/http/origins';
import { createLogger } from '../../server/observability/logger';
import { migrate } from '../../server/storage/migrate';
import { openSql, storeOver, type Store } from '../../server/storage/store';
import { BACKENDS, fieldChange, freshLocation, START } from './harness';

// An operator reads the logs; what a person typed, and the secrets that let them in, never reach
// them (issue 24, Operable). The app is driven through everything that carries a secret or a
// value (redeem, invite, push, pull, revoke, a failure quoting its input) with the log captured.

const stores: Store[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all(stores.splice(0).map((store) => store.close()));
});

interface LogLine {
  level: number;
  reqId: string;
  route: string;
  status: number;
  msg: string;
  failure?: { type: string; sqlState?: string; message: string };
}

describe.each(BACKENDS)('the server’s log on %s', (backend) => {
  async function loggedServer() {
    const sql = await openSql(await freshLocation(backend));
    await migrate(sql);
    const store = storeOver(sql);
    stores.push(store);
    const captured: string[] = [];
    const logger = createLogger({ destination: { write: (line: string) => void captured.push(line) } });
    const app = createApp({ store, allowedOrigins: [...DEFAULT_ALLOWED_ORIGINS], now: () => START, log: () => {}, logger, requestsPerMinute: 10_000 });
    const responseIds: string[] = [];
    const request = async (method: string, path: string, options: { token?: string; body?: unknown; requestId?: string } = {}) => {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (options.token) headers.authorization = `Bearer ${options.token}`;
      if (options.requestId !== undefined) headers['x-request-id'] = options.requestId;
      const response = await app.request(path, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
      responseIds.push(response.headers.get('x-request-id') ?? '(none)');
      return response;
    };
    return { store, captured, request, responseIds, lines: () => captured.map((line) => JSON.parse(line) as LogLine) };
  }

  it('has one JSON line per request with its id, and no token, invite code or field value in any line', async () => {
    const server = await loggedServer();
    const { store, request } = server;
    const teamId = await store.members.teamId('team-a', START);
    const adminCode = (await store.members.invite(teamId, 'ada@a.test', 'admin', START)).code;
    const adminToken = ((await (await request('POST', '/v1/redeem', { body: { code: adminCode } })).json()) as { token: string }).token;
    const invited = (await (await request('POST', '/v1/members/invite', { token: adminToken, body: { email: 'rep@a.test', role: 'member' } })).json()) as { code: string };
    const repToken = ((await (await request('POST', '/v1/redeem', { body: { code: invited.code } })).json()) as { token: string }).token;
    const values = ['Renewal hinges on the SSO rollout', 'Champion: Priya, budget 48k'];
    for (const value of values) expect((await request('POST', '/v1/push', { token: repToken, body: { changes: [fieldChange(value)] } })).status).toBe(200);
    expect((await request('GET', '/v1/pull?cursor=0', { token: adminToken })).status).toBe(200);
    expect((await request('GET', '/v1/me', { token: repToken })).status).toBe(200);
    expect((await request('GET', '/v1/me', { token: 'a-token-nobody-has-aaaaaaaaaaaaaaaaaaaaaaaaaa' })).status).toBe(401);
    // A failure the database reports quotes the input it refused: the line keeps the kind, not the input.
    const quoted = 'Budget moved to Q3 per Lee';
    vi.spyOn(store.sync, 'push').mockRejectedValueOnce(Object.assign(new Error(`invalid input syntax for type json: "${quoted}"`), { code: '22P02' }));
    expect((await request('POST', '/v1/push', { token: repToken, body: { changes: [fieldChange(quoted)] } })).status).toBe(500);
    expect((await request('POST', '/v1/members/revoke', { token: adminToken, body: { email: 'rep@a.test' } })).status).toBe(200);

    const lines = server.lines();
    expect(lines).toHaveLength(server.responseIds.length);
    expect(lines.map((line) => line.reqId)).toEqual(server.responseIds);
    for (const line of lines) expect(line.reqId).toMatch(/^[\w-]{36}$/);
    expect(lines.map((line) => `${line.route} ${line.status}`)).toContain('/v1/push 200');
    const failed = lines.find((line) => line.status === 500)!;
    expect(failed).toMatchObject({ level: 50, route: '/v1/push', failure: { type: 'Error', sqlState: '22P02', message: 'invalid input syntax for type json: "…"' } });

    const everything = server.captured.join('');
    for (const secret of [adminToken, repToken, adminCode, invited.code, ...values, quoted]) expect(everything).not.toContain(secret);
  });

  it('keeps a client’s short plain X-Request-Id, and replaces one that could forge or flood a line', async () => {
    const server = await loggedServer();
    await server.request('GET', '/health', { requestId: 'lb-7f3a_91=' });
    await server.request('GET', '/health', { requestId: 'x","level":60,"msg":"forged' });
    await server.request('GET', '/health', { requestId: 'a'.repeat(65) });
    const [kept, forged, long] = server.lines();
    expect(kept!.reqId).toBe('lb-7f3a_91=');
    expect(forged!.reqId).toMatch(/^[\w-]{36}$/);
    expect(long!.reqId).toMatch(/^[\w-]{36}$/);
    expect(server.responseIds).toEqual([kept!.reqId, forged!.reqId, long!.reqId]);
    expect(server.captured).toHaveLength(3);
  });
});
