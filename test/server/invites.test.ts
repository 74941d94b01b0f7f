import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InviteCreated, MemberList } from '../../lib/sync/schemas';
import { BACKENDS, freshLocation, startTestServer, type TestServer } from './harness';

// Revoking a person revokes what they handed out: invites remember who issued them.

describe.each(BACKENDS)('invites and revocation on %s', (backend) => {
  let server: TestServer;
  let team = 0;

  beforeAll(async () => {
    server = await startTestServer(await freshLocation(backend));
  });
  afterAll(() => server.close());

  async function invite(adminToken: string, email: string, role: string): Promise<InviteCreated> {
    const response = await server.request('POST', '/v1/members/invite', { token: adminToken, body: { email, role } });
    expect(response.status).toBe(201);
    return (await response.json()) as InviteCreated;
  }

  const revoke = (adminToken: string, email: string) => server.request('POST', '/v1/members/revoke', { token: adminToken, body: { email } });
  const redeem = (code: string) => server.request('POST', '/v1/redeem', { body: { code } });
  const members = async (adminToken: string) => ((await (await server.request('GET', '/v1/members', { token: adminToken })).json()) as MemberList).members;

  it('an invite handed out by an admin who is later revoked no longer redeems, even as admin', async () => {
    team += 1;
    const owner = await server.join(`inv-${team}`, 'owner@x.test', 'admin');
    const rogue = await server.join(`inv-${team}`, 'rogue@x.test', 'admin');
    const backdoor = await invite(rogue, 'friend@evil.test', 'admin');
    const honest = await invite(owner, 'new@x.test', 'member');
    expect((await revoke(owner, 'rogue@x.test')).status).toBe(200);

    const refused = await redeem(backdoor.code);
    expect(refused.status).toBe(401);
    expect((await members(owner)).some((member) => member.email === 'friend@evil.test')).toBe(false);
    // The revoked admin's invites go; the others' stay good.
    expect((await redeem(honest.code)).status).toBe(200);
  });

  it('the members list says who invited whom; the command line is the operator', async () => {
    team += 1;
    const owner = await server.join(`inv-${team}`, 'owner@x.test', 'admin');
    const { code } = await invite(owner, 'rep@x.test', 'member');
    await redeem(code);
    await invite(owner, 'pending@x.test', 'lead');
    const list = await members(owner);
    expect(list.find((member) => member.email === 'rep@x.test')).toMatchObject({ status: 'active', invitedBy: 'owner@x.test' });
    expect(list.find((member) => member.email === 'pending@x.test')).toMatchObject({ status: 'invited', invitedBy: 'owner@x.test' });
    expect(list.find((member) => member.email === 'owner@x.test')).not.toHaveProperty('invitedBy');
  });

  it("the team's last admin cannot revoke themselves, and is told why; with a second admin they can", async () => {
    team += 1;
    const owner = await server.join(`inv-${team}`, 'owner@x.test', 'admin');
    const alone = await revoke(owner, 'owner@x.test');
    expect(alone.status).toBe(409);
    expect(((await alone.json()) as { error: string }).error).toMatch(/last admin: make someone else an admin first/);
    expect((await server.request('GET', '/v1/me', { token: owner })).status).toBe(200);

    const { code } = await invite(owner, 'second@x.test', 'admin');
    await redeem(code);
    expect((await revoke(owner, 'owner@x.test')).status).toBe(200);
    expect((await server.request('GET', '/v1/me', { token: owner })).status).toBe(401);
  });
});
