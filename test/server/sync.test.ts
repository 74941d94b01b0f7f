import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Change, PullResponse, PushResult } from '../../lib/sync/schemas';
import type { TeamMetrics } from '../../lib/sync/metrics';
import { BACKENDS, changeId, fieldChange, freshLocation, HANDOFF, START, startTestServer, type TestServer } from './harness';

const HOUR = 3_600_000;

describe.each(BACKENDS)('sync on %s', (backend) => {
  let server: TestServer;
  let ana: string;
  let ben: string;
  let lead: string;
  let team = 0;

  beforeAll(async () => {
    server = await startTestServer(await freshLocation(backend));
  });
  afterAll(() => server.close());

  /** Each test in a team of its own, so none sees another's changes. */
  async function newTeam(): Promise<void> {
    team += 1;
    ana = await server.join(`team-${team}`, 'ana@x.test', 'member');
    // A lead: these tests are about merging two people's writes to one handoff, which only its
    // sender and leads may write (handoff-rules.test.ts has who may).
    ben = await server.join(`team-${team}`, 'ben@x.test', 'lead');
    lead = await server.join(`team-${team}`, 'lead@x.test', 'lead');
  }

  async function push(token: string, changes: Change[]): Promise<PushResult[]> {
    const response = await server.request('POST', '/v1/push', { token, body: { changes } });
    expect(response.status).toBe(200);
    return ((await response.json()) as { results: PushResult[] }).results;
  }

  async function pull(token: string, cursor = 0, limit = 500): Promise<PullResponse> {
    return (await (await server.request('GET', `/v1/pull?cursor=${cursor}&limit=${limit}`, { token })).json()) as PullResponse;
  }

  it('a retried push is stored once: the retry is answered "duplicate" with the same sequence', async () => {
    await newTeam();
    const changes = [fieldChange('Grow revenue'), { kind: 'state', id: changeId('state'), handoff: HANDOFF, to: 'ready', clientAt: START } as Change];
    const first = await push(ana, changes);
    const retry = await push(ana, changes);
    expect(first.map((result) => result.status)).toEqual(['applied', 'applied']);
    expect(retry).toEqual(first.map((result) => ({ id: result.id, status: 'duplicate', seq: result.seq })));
    expect((await pull(ben)).changes.map((change) => change.change.id)).toEqual(changes.map((change) => change.id));
  });

  it('a client whose clock is hours off neither wins nor loses: the server order decides', async () => {
    await newTeam();
    // Ana's clock runs five hours fast, Ben's five hours slow. Whoever the server hears last wins.
    await push(ana, [fieldChange('Ana first', { clientAt: START + 5 * HOUR })]);
    await push(ben, [fieldChange('Ben second', { clientAt: START - 5 * HOUR })]);
    await push(ben, [fieldChange('Ben first', { clientAt: START - 5 * HOUR, fieldId: 'scope' })]);
    await push(ana, [fieldChange('Ana second', { clientAt: START + 5 * HOUR, fieldId: 'scope' })]);
    const latest = latestValues((await pull(lead)).changes);
    expect(latest).toEqual({ goals: 'Ben second', scope: 'Ana second' });
  });

  it('two people typing into the same field end with one value, and the other is kept in the log', async () => {
    await newTeam();
    const [anaWrite] = await push(ana, [fieldChange('Kickoff in May')]);
    // Ben had not seen Ana's value (his base is 0) when he typed his own.
    const [benWrite] = await push(ben, [fieldChange('Kickoff in June', { baseSeq: 0 })]);
    expect(benWrite).toMatchObject({ status: 'applied', overwritten: { value: 'Kickoff in May', seq: anaWrite!.seq, by: 'ana@x.test' } });
    const log = (await pull(ana)).changes;
    expect(latestValues(log)).toEqual({ goals: 'Kickoff in June' });
    expect(log.at(-1)).toMatchObject({ by: 'ben@x.test', oldValue: 'Kickoff in May', overwritten: { value: 'Kickoff in May' } });
  });

  it('two writes to one field in one push are decided in order: the later wins and logs the earlier as its old value', async () => {
    await newTeam();
    await push(ana, [fieldChange('first draft')]);
    const typed = fieldChange('second draft', { baseSeq: 0 });
    const retyped = fieldChange('final', { baseSeq: 0 });
    const [second, final] = await push(ben, [typed, retyped]);
    expect(second).toMatchObject({ status: 'applied', overwritten: { value: 'first draft', by: 'ana@x.test' } });
    // Ben's own earlier write is his: replacing it is no conflict, whatever his base says.
    expect(final).toMatchObject({ status: 'applied' });
    expect(final).not.toHaveProperty('overwritten');
    const log = (await pull(lead)).changes;
    expect(latestValues(log)).toEqual({ goals: 'final' });
    expect(log.map((change) => change.oldValue)).toEqual(['', 'first draft', 'second draft']);
  });

  it('refuses impossible handoff moves with a reason and writes nothing for them', async () => {
    await newTeam();
    const accept: Change = { kind: 'receipt', id: changeId('receipt'), handoff: HANDOFF, answer: { decision: 'accepted', at: START }, checked: [], clientAt: START };
    const send: Change = { kind: 'briefSent', id: changeId('brief'), handoff: HANDOFF, brief: 'Handoff · Sales → Onboarding', clientAt: START };
    const results = await push(ben, [accept, send]);
    expect(results).toEqual([
      { id: accept.id, status: 'refused', reason: 'only a sent handoff can be answered; this one is draft' },
      { id: send.id, status: 'refused', reason: 'an incomplete handoff cannot be sent' },
    ]);
    expect((await pull(ana)).changes).toEqual([]);

    const ready: Change = { kind: 'state', id: changeId('state'), handoff: HANDOFF, to: 'ready', clientAt: START };
    const resent = { ...send, id: changeId('brief') };
    const accepted = { ...accept, id: changeId('receipt') };
    expect((await push(ana, [ready, resent])).map((result) => result.status)).toEqual(['applied', 'applied']);
    expect((await push(ben, [accepted])).map((result) => result.status)).toEqual(['applied']);
    const handoffs = (await (await server.request('GET', '/v1/team/handoffs', { token: lead })).json()) as { handoffs: { state: string; owner: string }[] };
    expect(handoffs.handoffs).toEqual([expect.objectContaining({ state: 'accepted', owner: 'ana@x.test' })]);
  });

  it('pulls by cursor in pages, oldest first, and concurrent pushes never hide a change behind the cursor', async () => {
    await newTeam();
    const pushes = Array.from({ length: 12 }, (_, index) => push(index % 2 ? lead : ben, [fieldChange(`v${index}`, { fieldId: `f${index}` })]));
    const sequences = (await Promise.all(pushes)).map(([result]) => result!.seq!);
    expect(new Set(sequences).size).toBe(12);
    const seen: number[] = [];
    let cursor = 0;
    for (let page = 0; page < 10; page += 1) {
      const response = await pull(lead, cursor, 5);
      seen.push(...response.changes.map((change) => change.seq));
      cursor = response.cursor;
      if (!response.more) break;
    }
    expect(seen).toEqual([...sequences].sort((a, b) => a - b));
  });

  it("a pull signs in and reads in one statement: the caller's own team only, an empty page with nothing new, and nothing for a revoked token", async () => {
    await newTeam();
    const [pushed] = await push(ana, [fieldChange('ours')]);
    const ownTeam = team;
    await newTeam(); // another team's change, after ours in server order
    await push(ana, [fieldChange('theirs')]);
    const ownAna = await server.join(`team-${ownTeam}`, 'cy@x.test', 'member');
    const first = await pull(ownAna);
    expect(first.changes.map((change) => [change.change.id, change.by])).toEqual([[pushed!.id, 'ana@x.test']]);
    expect(await pull(ownAna, first.cursor)).toEqual({ changes: [], cursor: first.cursor, more: false });
    await server.store.members.revoke(await server.store.members.teamId(`team-${ownTeam}`, server.clock.now), 'cy@x.test', server.clock.now);
    const refused = await server.request('GET', '/v1/pull?cursor=0&limit=500', { token: ownAna });
    expect(refused.status).toBe(401);
    expect(await refused.json()).toEqual({ error: 'unknown or revoked token' });
  });

  it("a lead's metrics come from the server's clock and record", async () => {
    await newTeam();
    await push(ana, [
      { kind: 'state', id: changeId('state'), handoff: HANDOFF, to: 'ready', clientAt: 0 },
      { kind: 'briefSent', id: changeId('brief'), handoff: HANDOFF, brief: 'brief', clientAt: 0 },
      { kind: 'move', id: changeId('move'), ref: HANDOFF, stage: 'Closed won', outcome: 'blocked', clientAt: 0 },
    ]);
    server.clock.now += 3 * 24 * HOUR;
    try {
      const metrics = (await (await server.request('GET', '/v1/team/metrics?weeks=2', { token: lead })).json()) as TeamMetrics;
      expect(metrics).toMatchObject({ movesBlocked: 1, waitingForAccept: [{ handoff: HANDOFF, sentAt: START, by: 'ana@x.test' }] });
      expect(metrics.handoffsPerWeek.reduce((sum, week) => sum + week.handoffs, 0)).toBe(1);
      expect((await server.request('GET', '/v1/team/metrics?weeks=99', { token: lead })).status).toBe(400);
    } finally {
      server.clock.now -= 3 * 24 * HOUR;
    }
  });

  it("the live channel brings another member's change to an open panel within 2 s", async () => {
    await newTeam();
    const { cursor } = await pull(ana);
    const live = await server.request('GET', `/v1/live?cursor=${cursor}`, { token: ana });
    expect(live.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = live.body!.pipeThrough(new TextDecoderStream()).getReader();
    const started = performance.now();
    await push(ben, [fieldChange('Typed by Ben')]);
    let text = '';
    while (!text.includes('Typed by Ben')) {
      const { value, done } = await reader.read();
      if (done) break;
      text += value;
    }
    await reader.cancel();
    expect(text).toMatch(/^event: changes$/m);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('several server processes on one PostgreSQL database', () => {
  it('a change pushed through one is pulled through the other; a revocation through one holds in the other', async () => {
    const location = await freshLocation('postgres');
    const [first, second] = [await startTestServer(location), await startTestServer(location)];
    try {
      const admin = await first.join('shared', 'admin@x.test', 'admin');
      const rep = await second.join('shared', 'rep@x.test', 'member');
      const change = fieldChange('Via the first process');
      await first.request('POST', '/v1/push', { token: rep, body: { changes: [change] } });
      const pulled = (await (await second.request('GET', '/v1/pull?cursor=0', { token: admin })).json()) as PullResponse;
      expect(pulled.changes.map((entry) => entry.change.id)).toEqual([change.id]);
      await first.request('POST', '/v1/members/revoke', { token: admin, body: { email: 'rep@x.test' } });
      expect((await second.request('GET', '/v1/me', { token: rep })).status).toBe(401);
    } finally {
      await first.close();
      await second.close();
    }
  });
});

function latestValues(changes: PullResponse['changes']): Record<string, string> {
  const values: Record<string, string> = {};
  for (const { change } of changes) if (change.kind === 'field') values[change.fieldId] = change.value;
  return values;
}
