import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Change, HandoffKey, PullResponse, PushResult } from '../../lib/sync/schemas';
import { BACKENDS, changeId, fieldChange, freshLocation, HANDOFF, rowCounts, START, startTestServer, type TestServer } from './harness';

// Who may change what of a handoff (lib/sync/handoff-rules.ts), decided by the server from the
// caller's token, never from a name or number in the change.

type Who = 'sender' | 'teammate' | 'nextOwner' | 'lead';

describe.each(BACKENDS)('handoff rules on %s', (backend) => {
  let server: TestServer;
  let team = 0;
  const tokens = {} as Record<Who, string>;
  let record = 0;

  beforeAll(async () => {
    server = await startTestServer(await freshLocation(backend));
  });
  afterAll(() => server.close());

  async function newTeam(): Promise<void> {
    team += 1;
    tokens.sender = await server.join(`rules-${team}`, 'ana@x.test', 'member');
    tokens.teammate = await server.join(`rules-${team}`, 'tom@x.test', 'member');
    tokens.nextOwner = await server.join(`rules-${team}`, 'nia@x.test', 'member');
    tokens.lead = await server.join(`rules-${team}`, 'lee@x.test', 'lead');
  }

  async function push(token: string, changes: Change[]): Promise<PushResult[]> {
    const response = await server.request('POST', '/v1/push', { token, body: { changes } });
    expect(response.status).toBe(200);
    return ((await response.json()) as { results: PushResult[] }).results;
  }

  async function pull(token: string, cursor = 0): Promise<PullResponse> {
    return (await (await server.request('GET', `/v1/pull?cursor=${cursor}&limit=500`, { token })).json()) as PullResponse;
  }

  /** A handoff Ana started and sent, naming Nia (by email) as its next owner. */
  async function sentHandoff(): Promise<HandoffKey> {
    record += 1;
    const handoff = { ...HANDOFF, recordId: `r${record}` };
    const results = await push(tokens.sender, [
      { ...fieldChange('Grow revenue', { handoff }), recordTitle: 'Acme renewal', recordUrl: 'https://app.hubspot.com/contacts/1/record/0-3/1' } as Change,
      fieldChange('Nia Park <nia@x.test>', { handoff, fieldId: 'nextOwner' }),
      { kind: 'state', id: changeId('state'), handoff, to: 'ready', clientAt: START },
      { kind: 'briefSent', id: changeId('brief'), handoff, brief: 'Handoff · Sales → Onboarding', clientAt: START },
    ]);
    expect(results.map((result) => result.status)).toEqual(['applied', 'applied', 'applied', 'applied']);
    return handoff;
  }

  const accept = (handoff: HandoffKey, extra: Partial<Extract<Change, { kind: 'receipt' }>> = {}): Change => ({
    kind: 'receipt',
    id: changeId('receipt'),
    handoff,
    answer: { decision: 'accepted', at: START },
    checked: ['I have read the brief'],
    clientAt: START,
    ...extra,
  });

  async function handoffRow(handoff: HandoffKey): Promise<{ state: string; owner: string; title?: string; url?: string }> {
    const { handoffs } = (await (await server.request('GET', '/v1/team/handoffs', { token: tokens.lead })).json()) as {
      handoffs: { handoff: HandoffKey; state: string; owner: string; title?: string; url?: string }[];
    };
    return handoffs.find((row) => row.handoff.recordId === handoff.recordId)!;
  }

  it.each<[Who, 'applied' | 'refused']>([
    ['sender', 'applied'],
    ['teammate', 'refused'],
    ['nextOwner', 'refused'],
    ['lead', 'applied'],
  ])("the checklist of a sent handoff: the %s's field edit, ready and send are %s", async (who, outcome) => {
    await newTeam();
    const handoff = await sentHandoff();
    const results = await push(tokens[who], [
      fieldChange(`${who} was here`, { handoff, fieldId: 'scope', baseSeq: 999_999 }),
      { kind: 'briefSent', id: changeId('brief'), handoff, brief: 'Sent again', clientAt: START },
    ]);
    expect(results.map((result) => result.status)).toEqual([outcome, outcome]);
    if (outcome === 'refused') expect(results[0]!.reason).toBe("this handoff is ana@x.test's: only they or a lead can change its checklist or send it");
  });

  it.each<[Who, 'applied' | 'refused', RegExp | undefined]>([
    ['sender', 'refused', /^you sent this handoff/],
    ['teammate', 'refused', /^this handoff is for nia@x\.test: only they or a lead/],
    ['nextOwner', 'applied', undefined],
    ['lead', 'applied', undefined],
  ])("accepting a sent handoff: the %s's accept is %s", async (who, outcome, reason) => {
    await newTeam();
    const handoff = await sentHandoff();
    const [result] = await push(tokens[who], [accept(handoff)]);
    expect(result).toMatchObject({ status: outcome, ...(reason ? { reason: expect.stringMatching(reason) } : {}) });
    expect((await handoffRow(handoff)).state).toBe(outcome === 'applied' ? 'accepted' : 'sent');
  });

  it("a draft a lead started is the first rep's who writes in it, until it is sent", async () => {
    await newTeam();
    record += 1;
    const handoff = { ...HANDOFF, recordId: `r${record}` };
    expect((await push(tokens.lead, [fieldChange('Prepared by the lead', { handoff })]))[0]!.status).toBe('applied');
    // A rep takes it up and becomes its sender; another rep is then refused.
    expect((await push(tokens.sender, [fieldChange('Ana carries on', { handoff, fieldId: 'scope' })]))[0]!.status).toBe('applied');
    expect((await handoffRow(handoff)).owner).toBe('ana@x.test');
    expect((await push(tokens.teammate, [fieldChange('Tom too', { handoff, fieldId: 'risks' })]))[0]).toMatchObject({ status: 'refused', reason: expect.stringMatching(/ana@x\.test's/) });
    // A lead's draft once sent no longer changes hands.
    record += 1;
    const sent = { ...HANDOFF, recordId: `r${record}` };
    await push(tokens.lead, [
      fieldChange('Lead only', { handoff: sent }),
      { kind: 'state', id: changeId('state'), handoff: sent, to: 'ready', clientAt: START },
      { kind: 'briefSent', id: changeId('brief'), handoff: sent, brief: 'Brief', clientAt: START },
    ]);
    expect((await push(tokens.sender, [fieldChange('Too late', { handoff: sent, fieldId: 'scope' })]))[0]!.status).toBe('refused');
  });

  it("a teammate's forged accept changes nothing, and the sender goes on writing", async () => {
    await newTeam();
    const handoff = await sentHandoff();
    const forged = accept(handoff, { answer: { decision: 'accepted', at: START, by: 'Nia Park' }, checked: ['I have read the brief'] });
    expect((await push(tokens.teammate, [forged]))[0]).toMatchObject({ status: 'refused' });
    expect((await pull(tokens.sender)).changes.some((synced) => synced.change.id === forged.id)).toBe(false);
    const [later] = await push(tokens.sender, [fieldChange('Grow revenue 20%', { handoff })]);
    expect(later!.status).toBe('applied');
  });

  it('a handoff naming no one by email is answered by a lead only, and the refusal says why', async () => {
    await newTeam();
    record += 1;
    const handoff = { ...HANDOFF, recordId: `r${record}` };
    await push(tokens.sender, [
      fieldChange('Dana', { handoff, fieldId: 'nextOwner' }),
      { kind: 'state', id: changeId('state'), handoff, to: 'ready', clientAt: START },
      { kind: 'briefSent', id: changeId('brief'), handoff, brief: 'Brief', clientAt: START },
    ]);
    expect((await push(tokens.nextOwner, [accept(handoff)]))[0]).toMatchObject({ status: 'refused', reason: expect.stringMatching(/names no next owner by email/) });
    expect((await push(tokens.lead, [accept(handoff)]))[0]!.status).toBe('applied');
  });

  it('who answered is the account that pushed, whatever name the receipt carries', async () => {
    await newTeam();
    const handoff = await sentHandoff();
    const receipt = accept(handoff, { answer: { decision: 'accepted', at: START, by: 'The CEO' } });
    await push(tokens.nextOwner, [receipt]);
    const stored = (await pull(tokens.sender)).changes.find((synced) => synced.change.id === receipt.id)!;
    expect(stored.by).toBe('nia@x.test');
    expect(stored.change).toMatchObject({ answer: { by: 'nia@x.test' } });
  });

  it("a receipt ticking more items than a template can ask is refused alone; the push's other changes are written", async () => {
    await newTeam();
    const handoff = await sentHandoff();
    const huge = accept(handoff, { checked: Array.from({ length: 20_000 }, (_, index) => `item ${index}`) });
    const note = { kind: 'move', id: changeId('move'), ref: { host: 'hubspot', objectType: 'deal', recordId: handoff.recordId }, stage: 'Closed won', outcome: 'allowed', clientAt: START } as Change;
    const results = await push(tokens.nextOwner, [huge, note]);
    expect(results).toEqual([
      { id: huge.id, status: 'refused', reason: expect.stringMatching(/^invalid change: checked: /) },
      expect.objectContaining({ id: note.id, status: 'applied' }),
    ]);
    expect((await handoffRow(handoff)).state).toBe('sent');
  });

  it("the title and link are the sender's: a lead's edit carrying others changes the checklist, not them", async () => {
    await newTeam();
    const handoff = await sentHandoff();
    const edit = { ...fieldChange('Scope from the lead', { handoff, fieldId: 'scope' }), recordTitle: 'Click here', recordUrl: 'https://evil.example/login' } as Change;
    expect((await push(tokens.lead, [edit]))[0]!.status).toBe('applied');
    expect(await handoffRow(handoff)).toMatchObject({ owner: 'ana@x.test', title: 'Acme renewal', url: 'https://app.hubspot.com/contacts/1/record/0-3/1' });
    // Nor does the change hand them to teammates' devices, which apply what a pulled change carries.
    const handedOut = (await pull(tokens.sender)).changes.find((synced) => synced.change.id === edit.id)!;
    expect(handedOut.change).not.toHaveProperty('recordTitle');
    expect(handedOut.change).not.toHaveProperty('recordUrl');
  });

  it('the conflict flag comes from what the server handed the writer, not from the base it claims', async () => {
    await newTeam();
    const handoff = await sentHandoff();
    const [ana] = await push(tokens.sender, [fieldChange('Ana: go live in May', { handoff, fieldId: 'timeline' })]);
    // The lead has pulled nothing since joining, yet claims to have seen everything.
    const [forged] = await push(tokens.lead, [fieldChange('Lee: June', { handoff, fieldId: 'timeline', baseSeq: 999_999 })]);
    expect(forged).toMatchObject({ status: 'applied', overwritten: { value: 'Ana: go live in May', seq: ana!.seq, by: 'ana@x.test' } });
    // Once the lead has been handed Ana's next value, editing over it is no conflict.
    const [again] = await push(tokens.sender, [fieldChange('Ana: July', { handoff, fieldId: 'timeline' })]);
    await pull(tokens.lead);
    const [seen] = await push(tokens.lead, [fieldChange('Lee: July, agreed', { handoff, fieldId: 'timeline', baseSeq: again!.seq! })]);
    expect(seen).toMatchObject({ status: 'applied' });
    expect(seen).not.toHaveProperty('overwritten');
  });

  it('what a live stream hands a device counts as seen, as a pull does', async () => {
    await newTeam();
    const handoff = await sentHandoff();
    const [ana] = await push(tokens.sender, [fieldChange('Ana: May', { handoff, fieldId: 'timeline' })]);
    const live = await server.request('GET', '/v1/live?cursor=0', { token: tokens.lead });
    const reader = live.body!.getReader();
    let text = '';
    while (!text.includes(`"seq":${ana!.seq}`)) text += new TextDecoder().decode((await reader.read()).value);
    await reader.cancel();
    const [edit] = await push(tokens.lead, [fieldChange('Lee: May, agreed', { handoff, fieldId: 'timeline', baseSeq: ana!.seq! })]);
    expect(edit).toMatchObject({ status: 'applied' });
    expect(edit).not.toHaveProperty('overwritten');
  });

  it('a pull that skips changes does not count them as seen', async () => {
    await newTeam();
    const handoff = await sentHandoff();
    const [ana] = await push(tokens.sender, [fieldChange('Ana: May', { handoff, fieldId: 'timeline' })]);
    const [other] = await push(tokens.sender, [fieldChange('Something else', { handoff, fieldId: 'scope' })]);
    // The lead asks only for what follows Ana's timeline, never having been handed it.
    await pull(tokens.lead, ana!.seq!);
    const [edit] = await push(tokens.lead, [fieldChange('Lee: June', { handoff, fieldId: 'timeline', baseSeq: other!.seq! })]);
    expect(edit).toMatchObject({ status: 'applied', overwritten: { value: 'Ana: May' } });
  });

  it("the safety re-check does not wake a team's streams for numbers no change holds (a retried push leaves a gap)", async () => {
    await newTeam();
    const change = fieldChange('once');
    const [first] = await push(tokens.sender, [change]);
    await push(tokens.sender, [change]); // a retry: answered duplicate, its drawn number unused
    const teamId = await server.store.members.teamId(`rules-${team}`, server.clock.now);
    const [token] = await server.sql.query<{ hash: string }>('SELECT k.hash FROM tokens k JOIN members m ON m.id = k.member_id WHERE m.team_id = $1 LIMIT 1', [teamId]);
    const pokes: string[] = [];
    const remove = server.store.pokes.add({ teamId, tokenHash: token!.hash, cursor: first!.seq!, poke: (kind) => pokes.push(kind) });
    try {
      await server.store.pokes.recheck();
      expect(pokes).toEqual([]);
    } finally {
      remove();
    }
  });

  it("each team numbers its own changes: another team's pushes leave no gap in ours", async () => {
    await newTeam();
    const ours = tokens.sender;
    const [first] = await push(ours, [fieldChange('one', { fieldId: 'a1' })]);
    const theirs = await server.join(`rules-other-${team}`, 'zed@y.test', 'member');
    for (let index = 0; index < 5; index += 1) await push(theirs, [fieldChange(`theirs ${index}`, { fieldId: `b${index}` })]);
    const [second] = await push(ours, [fieldChange('two', { fieldId: 'a2' })]);
    expect(second!.seq).toBe(first!.seq! + 1);
  });
});

describe.each(BACKENDS)('unstorable values on %s', (backend) => {
  let server: TestServer;
  let rep: string;
  let admin: string;

  beforeAll(async () => {
    server = await startTestServer(await freshLocation(backend));
    rep = await server.join('nul', 'rep@x.test', 'member');
    admin = await server.join('nul', 'admin@x.test', 'admin');
  });
  afterAll(() => server.close());

  it('a NUL in a value, a record title or a stage is refused change by change, and the rest of the push is written', async () => {
    const good = fieldChange('Grow revenue');
    const nulValue = fieldChange('Grow\u0000revenue', { fieldId: 'scope' });
    const nulTitle = { ...fieldChange('fine', { fieldId: 'timeline' }), recordTitle: 'Acme\u0000 Inc' } as Change;
    const nulStage = { kind: 'move', id: changeId('move'), ref: { host: 'hubspot', objectType: 'deal', recordId: '1001' }, stage: 'Closed\u0000won', outcome: 'blocked', clientAt: START } as Change;
    const brokenSurrogate = fieldChange('half an emoji \uD83D', { fieldId: 'risks' });
    const response = await server.request('POST', '/v1/push', { token: rep, body: { changes: [good, nulValue, nulTitle, nulStage, brokenSurrogate] } });
    expect(response.status).toBe(200);
    const { results } = (await response.json()) as { results: PushResult[] };
    expect(results.map((result) => [result.id, result.status])).toEqual([
      [good.id, 'applied'],
      [nulValue.id, 'refused'],
      [nulTitle.id, 'refused'],
      [nulStage.id, 'refused'],
      [brokenSurrogate.id, 'refused'],
    ]);
    expect(results[1]!.reason).toMatch(/^value holds a character the team server cannot store/);
    expect(results[2]!.reason).toMatch(/^recordTitle holds/);
    expect(results[3]!.reason).toMatch(/^stage holds/);
  });

  it('a template whose name holds a NUL is a 400 naming where, not a 500', async () => {
    const before = await rowCounts(server.sql);
    const template = { id: 'nul-name', name: 'Sales\u0000Onboarding', version: 1, appliesTo: [{ host: 'hubspot', objectType: 'deal' }], fields: [{ id: 'goals', label: 'Goals', kind: 'text', required: true }] };
    const response = await server.request('PUT', '/v1/templates', { token: admin, body: template });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toMatch(/^name holds a character the team server cannot store/);
    expect(await rowCounts(server.sql)).toEqual(before);
  });

  it('a change the database itself refuses is refused alone; the others of its group are written', async () => {
    // The database refuses what no check here foresaw (SQLSTATE class 22, a data exception):
    // make it refuse one value by a constraint of its own, as it would refuse a value it cannot store.
    await server.sql.exec("ALTER TABLE field_values ADD CONSTRAINT no_forbidden CHECK (value <> 'forbidden by the database')");
    try {
      const before = fieldChange('written before', { fieldId: 'f1' });
      const refused = fieldChange('forbidden by the database', { fieldId: 'f2' });
      const after = fieldChange('written after', { fieldId: 'f3' });
      const response = await server.request('POST', '/v1/push', { token: rep, body: { changes: [before, refused, after] } });
      expect(response.status).toBe(200);
      const { results } = (await response.json()) as { results: PushResult[] };
      expect(results.map((result) => result.status)).toEqual(['applied', 'refused', 'applied']);
      expect(results[1]!.reason).toMatch(/^the team server could not store this change/);
    } finally {
      await server.sql.exec('ALTER TABLE field_values DROP CONSTRAINT no_forbidden');
    }
  });
});
