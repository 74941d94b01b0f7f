import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, freshLocation, startTestServer, type TestServer } from './harness';

// Publishing is one of the ways a template reaches every teammate's browser: a pattern that can
// backtrack for seconds must be refused there, with the reason, and never stored.

const TEMPLATE = {
  id: 'sales-to-onboarding',
  name: 'Sales → Onboarding',
  version: 2,
  appliesTo: [{ host: 'hubspot', objectType: 'deal', gateStages: 'closed won' }],
  fields: [{ id: 'owner', label: 'Owner', kind: 'text', required: true, pattern: '^[a-z]+$' }],
};

describe.each(BACKENDS)('publishing template patterns on %s', (backend) => {
  let server: TestServer;
  let admin: string;

  beforeAll(async () => {
    server = await startTestServer(await freshLocation(backend));
    admin = await server.join('team-a', 'admin@a.test', 'admin');
  });
  afterAll(() => server.close());

  const published = async () => {
    const response = await server.request('GET', '/v1/templates', { token: admin });
    return ((await response.json()) as { templates: unknown[] }).templates;
  };

  it.each([
    ['a field pattern', { ...TEMPLATE, fields: [{ ...TEMPLATE.fields[0], pattern: '^(a+)+$' }] }, /Field pattern: this pattern can take exponential time/],
    ['a gate', { ...TEMPLATE, appliesTo: [{ host: 'hubspot', objectType: 'deal', gateStages: '(won|wo)+$' }] }, /Guarded stages: this pattern can take exponential time/],
  ])('refuses %s that can backtrack exponentially with 400 and the reason, storing nothing', async (_what, template, reason) => {
    const response = await server.request('PUT', '/v1/templates', { token: admin, body: template });
    expect(response.status).toBe(400);
    const answer = (await response.json()) as { error: string; issues?: string[] };
    expect(answer.error).toBe('invalid request body');
    expect(answer.issues).toEqual([expect.stringMatching(reason)]);
    expect(await published()).toEqual([]);
  });

  it('publishes the same template with an ordinary pattern', async () => {
    const response = await server.request('PUT', '/v1/templates', { token: admin, body: TEMPLATE });
    expect(response.status).toBe(200);
    expect(await published()).toHaveLength(1);
  });
});
