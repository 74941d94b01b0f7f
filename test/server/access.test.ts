import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../lib/sync/roles';
import { ANY_FIREFOX_EXTENSION, originAllowed } from '../../server/http/origins';
import { BACKENDS, EXTENSION_ORIGIN, fieldChange, freshLocation, rowCounts, startTestServer, type TestServer } from './harness';

// Who may call each route, and that nobody else can — nor reach another team's data.

const TEMPLATE = {
  id: 'sales-to-onboarding',
  name: 'Sales → Onboarding',
  version: 2,
  appliesTo: [{ host: 'hubspot', objectType: 'deal' }],
  fields: [{ id: 'goals', label: 'Goals', kind: 'text', required: true }],
};

interface RouteCase {
  method: string;
  path: string;
  /** The least role allowed. */
  role: Role;
  body?: (server: TestServer) => Promise<unknown> | unknown;
}

let pending = 0;
const ROUTES: RouteCase[] = [
  { method: 'GET', path: '/v1/me', role: 'member' },
  { method: 'POST', path: '/v1/push', role: 'member', body: () => ({ changes: [fieldChange('Grow revenue')] }) },
  { method: 'GET', path: '/v1/pull?cursor=0', role: 'member' },
  { method: 'GET', path: '/v1/live?cursor=0', role: 'member' },
  { method: 'GET', path: '/v1/templates', role: 'member' },
  { method: 'GET', path: '/v1/team/handoffs', role: 'lead' },
  { method: 'GET', path: '/v1/team/metrics', role: 'lead' },
  { method: 'GET', path: '/v1/members', role: 'admin' },
  { method: 'POST', path: '/v1/members/invite', role: 'admin', body: () => ({ email: `new${(pending += 1)}@a.test`, role: 'member' }) },
  {
    method: 'POST',
    path: '/v1/members/revoke',
    role: 'admin',
    body: async (server) => {
      const email = `pending${(pending += 1)}@a.test`;
      await server.store.members.invite(await server.store.members.teamId('team-a', server.clock.now), email, 'member', server.clock.now);
      return { email };
    },
  },
  { method: 'PUT', path: '/v1/templates', role: 'admin', body: () => TEMPLATE },
];

const ROLE_ORDER: Role[] = ['member', 'lead', 'admin'];

describe.each(BACKENDS)('access on %s', (backend) => {
  let server: TestServer;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    server = await startTestServer(await freshLocation(backend));
    for (const role of ROLE_ORDER) tokens[role] = await server.join('team-a', `${role}@a.test`, role);
    tokens.revoked = await server.join('team-a', 'gone@a.test', 'admin');
    await server.store.members.revoke(await server.store.members.teamId('team-a', server.clock.now), 'gone@a.test', server.clock.now);
    tokens.otherAdmin = await server.join('team-b', 'admin@b.test', 'admin');
    tokens.otherMember = await server.join('team-b', 'rep@b.test', 'member');
  });
  afterAll(() => server.close());

  async function call(route: RouteCase, token: string | undefined, body: unknown): Promise<Response> {
    const response = await server.request(route.method, route.path, { token, body });
    // The live channel streams until closed: its status is all this table needs.
    if (route.path.startsWith('/v1/live')) await response.body?.cancel();
    return response;
  }

  it.each(ROUTES.map((route) => [`${route.method} ${route.path}`, route] as const))('%s: only the role it needs, or above, of the team gets in', async (_name, route) => {
    for (const [who, token] of [['nobody', undefined], ['a made-up token', 'x'.repeat(43)], ['a revoked admin', tokens.revoked]] as const) {
      const body = await route.body?.(server);
      const before = await rowCounts(server.sql);
      const response = await call(route, token, body);
      expect(response.status, who).toBe(401);
      expect(await rowCounts(server.sql), who).toEqual(before);
    }
    for (const role of ROLE_ORDER) {
      const allowed = ROLE_ORDER.indexOf(role) >= ROLE_ORDER.indexOf(route.role);
      const body = await route.body?.(server);
      const before = await rowCounts(server.sql);
      const response = await call(route, tokens[role], body);
      expect(response.status, role).toBe(allowed ? (route.path.endsWith('/invite') ? 201 : 200) : 403);
      if (!allowed) {
        expect(((await response.json()) as { error: string }).error).toMatch(`needs the ${route.role} role`);
        expect(await rowCounts(server.sql)).toEqual(before);
      }
    }
  });

  it.each(ROUTES.map((route) => [`${route.method} ${route.path}`, route] as const))("%s: another team's admin reads and changes only their own team", async (_name, route) => {
    const ours = await server.request('POST', '/v1/push', { token: tokens.member, body: { changes: [fieldChange('Ours only', { fieldId: 'matrix' })] } });
    expect(ours.status).toBe(200);
    const teamA = await server.store.members.teamId('team-a', server.clock.now);
    const teamRows = async () =>
      Promise.all(['members', 'invites', 'changes', 'field_values', 'handoffs', 'templates'].map(async (table) => (await server.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE team_id = $1`, [teamA]))[0]!.n));
    const body = await route.body?.(server);
    const before = await teamRows();
    const response = await call(route, tokens.otherAdmin, body);
    expect(response.status).toBeLessThan(500);
    if (!route.path.startsWith('/v1/live')) expect(await response.text()).not.toMatch(/(member|lead|admin|gone)@a\.test|Ours only/);
    expect(await teamRows()).toEqual(before);
  });

  it("another team's admin cannot revoke, list or reach this team's people or records", async () => {
    const ours = await server.request('POST', '/v1/push', { token: tokens.member, body: { changes: [fieldChange('Ours', { fieldId: 'scope' })] } });
    expect(ours.status).toBe(200);
    const before = await rowCounts(server.sql);

    const revoke = await server.request('POST', '/v1/members/revoke', { token: tokens.otherAdmin, body: { email: 'member@a.test' } });
    expect(revoke.status).toBe(404);
    expect(await rowCounts(server.sql)).toEqual(before);
    expect((await server.request('GET', '/v1/me', { token: tokens.member })).status).toBe(200);

    const list = (await (await server.request('GET', '/v1/members', { token: tokens.otherAdmin })).json()) as { members: { email: string }[] };
    // Team B's own people (and whom its admin invited), none of team A's.
    const emails = list.members.map((member) => member.email);
    expect(emails).toEqual(expect.arrayContaining(['admin@b.test', 'rep@b.test']));
    expect(emails.filter((email) => /^(member|lead|admin|gone)@a\.test$/.test(email))).toEqual([]);

    const pulled = (await (await server.request('GET', '/v1/pull?cursor=0', { token: tokens.otherMember })).json()) as { changes: { by: string }[] };
    expect(pulled.changes.filter((change) => !change.by.endsWith('@b.test'))).toEqual([]);
    const handoffs = (await (await server.request('GET', '/v1/team/handoffs', { token: tokens.otherAdmin })).json()) as { handoffs: { owner: string }[] };
    expect(handoffs.handoffs.filter((handoff) => !handoff.owner.endsWith('@b.test'))).toEqual([]);
  });

  it("the same record in another team is that team's own: writing it changes nothing here", async () => {
    const theirs = await server.request('POST', '/v1/push', { token: tokens.otherMember, body: { changes: [fieldChange('Theirs', { fieldId: 'risks' })] } });
    expect(theirs.status).toBe(200);
    const pulled = (await (await server.request('GET', '/v1/pull?cursor=0', { token: tokens.member })).json()) as { changes: { by: string }[] };
    expect(pulled.changes.length).toBeGreaterThan(0);
    expect(pulled.changes.every((change) => change.by.endsWith('@a.test'))).toBe(true);
  });

  it.each([
    ['POST', '/v1/push'],
    ['POST', '/v1/members/invite'],
    ['POST', '/v1/members/revoke'],
    ['PUT', '/v1/templates'],
    ['POST', '/v1/redeem'],
  ])('%s %s: malformed, wrong-typed and oversized bodies get 400 or 413 with a clear message, nothing written', async (method, path) => {
    const before = await rowCounts(server.sql);
    const send = (options: { body?: unknown; rawBody?: string }) => server.request(method, path, { token: tokens.admin, ...options });

    const notJson = await send({ rawBody: '{"changes": [' });
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toEqual({ error: 'the request body is not valid JSON' });

    const wrongTypes = await send({ body: { changes: 'all of them', email: 42, role: 'owner', code: 7, id: [], fields: {} } });
    expect(wrongTypes.status).toBe(400);
    const wrong = (await wrongTypes.json()) as { error: string; issues: string[] };
    expect(wrong.error).toBe('invalid request body');
    expect(wrong.issues.length).toBeGreaterThan(0);
    expect(wrong.issues.join('\n')).toMatch(/^(changes|email|role|code|id|fields|name): /m);

    const tooBig = await send({ rawBody: JSON.stringify({ changes: [fieldChange('x'.repeat(1024 * 1024))] }) });
    expect(tooBig.status).toBe(413);
    expect(((await tooBig.json()) as { error: string }).error).toMatch(/larger than 1024 KB/);
    expect(await rowCounts(server.sql)).toEqual(before);
  });

  it('a value longer than any field may hold is refused alone, by its id and path; the rest of the push is written', async () => {
    const fine = fieldChange('fine', { fieldId: 'timeline' });
    const tooLong = fieldChange('x'.repeat(50_001), { fieldId: 'scope' });
    const response = await server.request('POST', '/v1/push', { token: tokens.member, body: { changes: [fine, tooLong] } });
    expect(response.status).toBe(200);
    const { results } = (await response.json()) as { results: { id: string; status: string; reason?: string }[] };
    expect(results).toEqual([
      expect.objectContaining({ id: fine.id, status: 'applied' }),
      { id: tooLong.id, status: 'refused', reason: expect.stringMatching(/^invalid change: value: /) },
    ]);
  });

  it('a push whose changes cannot be told apart (no id, or one id twice) is a 400, nothing written', async () => {
    const before = await rowCounts(server.sql);
    const change = fieldChange('fine');
    for (const changes of [[{ ...change, id: undefined }], [change, change]]) {
      const response = await server.request('POST', '/v1/push', { token: tokens.member, body: { changes } });
      expect(response.status).toBe(400);
    }
    expect(await rowCounts(server.sql)).toEqual(before);
  });

  it('a bad pull cursor is a 400 naming it', async () => {
    const response = await server.request('GET', '/v1/pull?cursor=soon', { token: tokens.member });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: 'invalid query', issues: ['cursor: expected a whole number'] });
  });

  it('revoking a member takes effect on their next request', async () => {
    const token = await server.join('team-a', 'leaving@a.test', 'member');
    expect((await server.request('GET', '/v1/me', { token })).status).toBe(200);
    expect((await server.request('POST', '/v1/members/revoke', { token: tokens.admin, body: { email: 'leaving@a.test' } })).status).toBe(200);
    const after = await server.request('GET', '/v1/pull?cursor=0', { token });
    expect(after.status).toBe(401);
    expect(await after.json()).toEqual({ error: 'unknown or revoked token' });
  });

  it('an invite code works once, and not after 7 days', async () => {
    const teamId = await server.store.members.teamId('team-a', server.clock.now);
    const { code } = await server.store.members.invite(teamId, 'dana@a.test', 'member', server.clock.now);
    const first = await server.request('POST', '/v1/redeem', { body: { code } });
    expect(await first.json()).toMatchObject({ member: { email: 'dana@a.test', role: 'member', team: 'team-a' } });
    expect((await server.request('POST', '/v1/redeem', { body: { code } })).status).toBe(401);

    const late = await server.store.members.invite(teamId, 'eve@a.test', 'member', server.clock.now);
    server.clock.now += 7 * 86_400_000 + 1;
    try {
      expect((await server.request('POST', '/v1/redeem', { body: { code: late.code } })).status).toBe(401);
    } finally {
      server.clock.now -= 7 * 86_400_000 + 1;
    }
  });

  it("answers CORS for Baton's extension origin only; other origins are refused before anything runs", async () => {
    const preflight = await server.request('OPTIONS', '/v1/push', { origin: EXTENSION_ORIGIN });
    expect(preflight.headers.get('access-control-allow-origin')).toBe(EXTENSION_ORIGIN);
    const before = await rowCounts(server.sql);
    const fromPage = await server.request('POST', '/v1/push', { token: tokens.member, origin: 'https://app.hubspot.com', body: { changes: [fieldChange('x')] } });
    expect(fromPage.status).toBe(403);
    expect(fromPage.headers.get('access-control-allow-origin')).toBeNull();
    expect(await rowCounts(server.sql)).toEqual(before);
    expect((await server.request('GET', '/v1/me', { token: tokens.member, origin: EXTENSION_ORIGIN })).headers.get('access-control-allow-origin')).toBe(EXTENSION_ORIGIN);
  });
});

describe('extension origins', () => {
  const firefox = 'moz-extension://0b7d5a52-8f6e-4d3a-9c1e-2f4a6b8c0d1e';
  it('Firefox installations are allowed one by one, or all with moz-extension://*', () => {
    expect(originAllowed(firefox, [EXTENSION_ORIGIN])).toBe(false);
    expect(originAllowed(firefox, [EXTENSION_ORIGIN, firefox])).toBe(true);
    expect(originAllowed(firefox, [ANY_FIREFOX_EXTENSION])).toBe(true);
    expect(originAllowed('https://moz-extension.example', [ANY_FIREFOX_EXTENSION])).toBe(false);
    expect(originAllowed('chrome-extension://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', [ANY_FIREFOX_EXTENSION, EXTENSION_ORIGIN])).toBe(false);
  });
});

