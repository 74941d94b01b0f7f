// @vitest-environment node
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { isComplete } from '../../../lib/gate';
import type { Role } from '../../../lib/sync/roles';
import type { TeamConnection } from '../../../lib/sync/connection';
import { createApp } from '../../../server/app';
import { DEFAULT_ALLOWED_ORIGINS } from '../../../server/http/origins';
import { openStore, type Store } from '../../../server/storage/store';
import { BatonDb } from '../../../components/storage/db';
import { markBriefSent, recordJudgedMove, saveReceipt } from '../../../components/storage/handoff-events';
import { handoffKey, recordStatus, saveFieldValue } from '../../../components/storage/handoffs';
import { chooseTemplate, chosenTemplate } from '../../../components/storage/template-choices';
import { installTemplates } from '../../../components/storage/templates';
import { pullAll } from '../../../components/sync/pull';
import { pushOutbox } from '../../../components/sync/push';
import { TeamServerError } from '../../../components/sync/team-request';
import { completeSalesValues, dealRef, salesToOnboarding, template as parsedTemplate } from '../helpers';

// Two devices (two IndexedDB stores) against the real server app over PGlite, in process: the
// client's outbox, push, pull and apply, end to end without a browser.

const SERVER = 'http://127.0.0.1:8787';
const template = salesToOnboarding();
const deal = dealRef('1001');
const task = { host: 'clickup', objectType: 'task', recordId: '86abc123' } as const;

let store: Store;
let app: ReturnType<typeof createApp>;
let serverUp = true;
let loseAnswers = false;

beforeAll(async () => {
  store = await openStore({ kind: 'pglite' });
  app = createApp({ store, allowedOrigins: [...DEFAULT_ALLOWED_ORIGINS], now: Date.now, log: () => {}, requestsPerMinute: 100_000 });
  vi.stubGlobal('fetch', async (input: string, init?: RequestInit) => {
    if (!serverUp) throw new TypeError('Failed to fetch');
    const response = await app.request(input, init);
    // The server did the work but the answer never arrived (the network dropped it).
    if (loseAnswers) throw new TypeError('Failed to fetch');
    return response;
  });
  // PGlite starts in seconds, more on a loaded machine.
}, 60_000);
afterAll(async () => {
  vi.unstubAllGlobals();
  await store.close();
});

interface Device {
  db: BatonDb;
  connection: TeamConnection;
  sync(): Promise<void>;
}
const devices: Device[] = [];
let team = 0;

async function join(teamName: string, email: string, role: Role, linked = true): Promise<Device> {
  const teamId = await store.members.teamId(teamName, Date.now());
  const { code } = await store.members.invite(teamId, email, role, Date.now());
  const redeemed = await store.members.redeem(code, Date.now());
  const connection: TeamConnection = { server: SERVER, token: redeemed!.token, member: redeemed!.member, connectedAt: Date.now() };
  const db = new BatonDb(`test-${crypto.randomUUID()}`);
  await installTemplates(db, [template]);
  if (linked) await db.syncMeta.put({ key: 'link', server: SERVER, email });
  const device = {
    db,
    connection,
    async sync() {
      await pushOutbox(db, connection);
      await pullAll(db, connection);
    },
  };
  devices.push(device);
  return device;
}

let rep: Device;
let lead: Device;
let at = Date.UTC(2026, 10, 26, 12);

function type(device: Device, fieldId: string, value: string, ref = deal) {
  at += 1_000;
  return saveFieldValue(device.db, { ref, templateId: template.id, fieldId, value, typedAt: at, editor: device.connection.member.email.slice(0, 10) }, at);
}

async function serverChanges(teamName: string): Promise<number> {
  const teamId = await store.members.teamId(teamName, Date.now());
  return (await store.sync.pull(teamId, 0, 500)).changes.length;
}

beforeEach(async () => {
  team += 1;
  rep = await join(`team-${team}`, 'rep@x.test', 'member');
  lead = await join(`team-${team}`, 'lead@x.test', 'lead');
});
afterEach(async () => {
  serverUp = true;
  loseAnswers = false;
  await Promise.all(devices.splice(0).map((device) => device.db.delete()));
});

describe('team sync between two devices', () => {
  it('what the rep types makes the lead’s badge complete, and nothing pulled is queued again', async () => {
    for (const [fieldId, value] of Object.entries(completeSalesValues())) await type(rep, fieldId, value);
    expect(isComplete((await recordStatus(lead.db, deal)).checklists)).toBe(false);
    await rep.sync();
    await lead.sync();
    expect(isComplete((await recordStatus(lead.db, deal)).checklists)).toBe(true);
    expect(await lead.db.outbox.count()).toBe(0);
    expect(await rep.db.outbox.count()).toBe(0);
  });

  it('keystrokes into one field between pushes go out as one change', async () => {
    await type(rep, 'scope', 'T');
    await type(rep, 'scope', 'Tw');
    await type(rep, 'scope', 'Two trainings');
    expect(await rep.db.outbox.count()).toBe(1);
    await rep.sync();
    await lead.sync();
    expect((await lead.db.handoffs.get(handoffKey(deal, template.id)))?.values.scope).toBe('Two trainings');
  });

  it('a conflict ends with the same value on both devices and the other value in both logs', async () => {
    await type(rep, 'scope', 'Rep’s scope');
    await type(lead, 'scope', 'Lead’s scope');
    await rep.sync();
    await lead.sync();
    await rep.sync();
    const values = await Promise.all([rep, lead].map(async (device) => (await device.db.handoffs.get(handoffKey(deal, template.id)))?.values.scope));
    expect(values).toEqual(['Lead’s scope', 'Lead’s scope']);
    for (const device of [rep, lead]) {
      const logged = (await device.db.revisions.toArray()).map((revision) => revision.newValue);
      expect(logged).toEqual(expect.arrayContaining(['Rep’s scope', 'Lead’s scope']));
    }
  });

  it('edits made while the server is down wait in the outbox and arrive once, with no duplicate', async () => {
    serverUp = false;
    await type(rep, 'clientGoals', 'Cut onboarding in half');
    await type(rep, 'timeline', 'Live by 15 March');
    await expect(rep.sync()).rejects.toSatisfy((error) => error instanceof TeamServerError && error.unreachable);
    expect(await rep.db.outbox.count()).toBe(2);
    // Back up, but the answer to the first push is lost: the retry must not store anything twice.
    serverUp = true;
    loseAnswers = true;
    await expect(rep.sync()).rejects.toBeInstanceOf(TeamServerError);
    loseAnswers = false;
    await rep.sync();
    await lead.sync();
    expect(await rep.db.outbox.count()).toBe(0);
    expect(await serverChanges(`team-${team}`)).toBe(2);
    const values = (await lead.db.handoffs.get(handoffKey(deal, template.id)))?.values;
    expect(values).toMatchObject({ clientGoals: 'Cut onboarding in half', timeline: 'Live by 15 March' });
  });

  it('a brief reaches the record it links to, and the answer reaches the sender', async () => {
    const values = { ...completeSalesValues(), scope: `Setup; onboarding task https://app.clickup.com/t/${task.recordId}` };
    for (const [fieldId, value] of Object.entries(values)) await type(rep, fieldId, value);
    await markBriefSent(rep.db, deal, template.id, `brief text naming https://app.clickup.com/t/${task.recordId}`, at);
    await rep.sync();
    await lead.sync();
    const [incoming] = await lead.db.syncedBriefs.where('linked').equals(`clickup/task/${task.recordId}`).toArray();
    expect(incoming).toMatchObject({ by: 'rep@x.test', handoff: { ...deal, templateId: template.id } });
    await saveReceipt(lead.db, task, template.id, { checked: template.receipt, answer: { decision: 'accepted', at, by: 'Dana' } }, { ...deal, templateId: template.id });
    await lead.sync();
    await rep.sync();
    // Who answered is the account that pushed the answer, not the name typed with it.
    expect((await rep.db.handoffs.get(handoffKey(deal, template.id)))?.answer).toMatchObject({ decision: 'accepted', by: 'lead@x.test' });
    // The sender needs no "incoming" copy of their own brief.
    expect(await rep.db.syncedBriefs.count()).toBe(0);
  });

  it('a change the server refuses stays, with the reason, and does not hold back the rest', async () => {
    await saveReceipt(rep.db, deal, template.id, { answer: { decision: 'accepted', at } }, { ...deal, templateId: template.id });
    await type(rep, 'scope', 'Still typed');
    await rep.sync();
    const [refused, ...others] = await rep.db.outbox.toArray();
    expect(others).toEqual([]);
    expect(refused?.change.kind).toBe('receipt');
    expect(refused?.refused?.reason).toMatch(/only a sent handoff can be answered/);
    await lead.sync();
    expect((await lead.db.handoffs.get(handoffKey(deal, template.id)))?.values.scope).toBe('Still typed');
  });

  it('a revoked member stops with a 401 and keeps what waits', async () => {
    await type(rep, 'scope', 'Typed before revoke');
    const teamId = await store.members.teamId(`team-${team}`, Date.now());
    await store.members.revoke(teamId, 'rep@x.test', Date.now());
    await expect(rep.sync()).rejects.toSatisfy((error) => error instanceof TeamServerError && error.status === 401);
    expect(await rep.db.outbox.count()).toBe(1);
  });

  it('judged moves reach the server for the team view', async () => {
    await recordJudgedMove(rep.db, { ref: deal, stage: 'Closed won', outcome: 'blocked' });
    await rep.sync();
    const teamId = await store.members.teamId(`team-${team}`, Date.now());
    const moves = (await store.sync.pull(teamId, 0, 500)).changes.filter((synced) => synced.change.kind === 'move');
    expect(moves.map((synced) => synced.change)).toMatchObject([{ kind: 'move', outcome: 'blocked', stage: 'Closed won', ref: deal }]);
  });

  it('the template a rep picks for a record is queued with the pick and becomes the teammate’s choice', async () => {
    const renewal = parsedTemplate({ id: 'renewal', name: 'Sales → Renewal', fields: [{ id: 'term', label: 'Term', kind: 'text', required: true }] });
    const expansion = parsedTemplate({ id: 'expansion', name: 'Sales → Expansion', fields: [{ id: 'seats', label: 'Seats', kind: 'text' }] });
    for (const device of [rep, lead]) await installTemplates(device.db, [renewal, expansion]);
    await chooseTemplate(rep.db, deal, renewal.id, at);
    expect((await rep.db.outbox.toArray()).map((entry) => entry.change)).toMatchObject([{ kind: 'templateChoice', ref: deal, templateId: renewal.id }]);
    await rep.sync();
    await lead.sync();
    expect(await chosenTemplate(lead.db, deal)).toBe(renewal.id);
    // A pick still waiting to go out stays when a teammate's earlier pick is pulled: the server orders it last.
    await chooseTemplate(lead.db, deal, template.id, at + 1);
    await lead.sync();
    await chooseTemplate(rep.db, deal, expansion.id, at + 2);
    await pullAll(rep.db, rep.connection);
    expect(await chosenTemplate(rep.db, deal)).toBe(expansion.id);
    await rep.sync();
    await lead.sync();
    expect(await chosenTemplate(lead.db, deal)).toBe(expansion.id);
  });

  it('nothing is queued on a device that is not connected', async () => {
    const alone = await join(`team-${team}`, 'alone@x.test', 'member', false);
    await type(alone, 'scope', 'Local only');
    await markBriefSent(alone.db, deal, template.id, 'brief', at);
    await recordJudgedMove(alone.db, { ref: deal, stage: 'Closed won', outcome: 'allowed' });
    await chooseTemplate(alone.db, deal, template.id, at);
    expect(await alone.db.outbox.count()).toBe(0);
  });
});
