// @vitest-environment node
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TeamConnection } from '../../../lib/sync/connection';
import { RETRY_MS, retryDelay } from '../../../lib/sync/retry-delay';
import { syncStatusLine } from '../../../lib/sync/status-line';
import { createApp } from '../../../server/app';
import { DEFAULT_ALLOWED_ORIGINS } from '../../../server/http/origins';
import { openStore, type Store } from '../../../server/storage/store';
import { BatonDb } from '../../../components/storage/db';
import { handoffKey, saveFieldValue } from '../../../components/storage/handoffs';
import { installTemplates } from '../../../components/storage/templates';
import { pushOutbox } from '../../../components/sync/push';
import { failurePhase, recordSyncFailure } from '../../../components/sync/sync-backoff';
import { syncCycle } from '../../../components/sync/sync-cycle';
import { TeamServerError } from '../../../components/sync/team-request';
import { dealRef, salesToOnboarding } from '../helpers';

// One failing push must never stop a person's sync: the outbox waits with backoff, teammates'
// changes keep arriving, and the status says what is going on (issue 21, item 5, client half).

const SERVER = 'http://127.0.0.1:8787';
const template = salesToOnboarding();
const deal = dealRef('1001');

let store: Store;
let app: ReturnType<typeof createApp>;
/** Tokens whose pushes the server answers with a 500 (a bug, a full disk). */
const failingPushes = new Set<string>();
/** Every push request seen, by token. */
const pushes: string[] = [];
/** What the next push answers instead of the server, when set. */
let cannedPush: ((body: { changes: { id: string }[] }) => unknown) | undefined;

beforeAll(async () => {
  store = await openStore({ kind: 'pglite' });
  app = createApp({ store, allowedOrigins: [...DEFAULT_ALLOWED_ORIGINS], now: Date.now, log: () => {}, requestsPerMinute: 100_000 });
  vi.stubGlobal('fetch', async (input: string, init?: RequestInit) => {
    const token = new Headers(init?.headers).get('authorization') ?? '';
    if (input.endsWith('/v1/push')) {
      pushes.push(token);
      if (failingPushes.has(token)) return Response.json({ error: 'internal error' }, { status: 500 });
      if (cannedPush) return Response.json(cannedPush(JSON.parse(String(init?.body))));
    }
    return app.request(input, init);
  });
}, 60_000);
afterAll(async () => {
  vi.unstubAllGlobals();
  await store.close();
});

interface Device {
  db: BatonDb;
  connection: TeamConnection;
  token: string;
}
const devices: Device[] = [];
let team = 0;
let rep: Device;
let lead: Device;
let at = Date.UTC(2026, 10, 26, 12);

async function join(teamName: string, email: string): Promise<Device> {
  const teamId = await store.members.teamId(teamName, Date.now());
  const { code } = await store.members.invite(teamId, email, 'member', Date.now());
  const redeemed = await store.members.redeem(code, Date.now());
  const connection: TeamConnection = { server: SERVER, token: redeemed!.token, member: redeemed!.member, connectedAt: Date.now() };
  const db = new BatonDb(`test-${crypto.randomUUID()}`);
  await installTemplates(db, [template]);
  await db.syncMeta.put({ key: 'link', server: SERVER, email });
  const device = { db, connection, token: `Bearer ${redeemed!.token}` };
  devices.push(device);
  return device;
}

function type(device: Device, fieldId: string, value: string, ref = deal) {
  at += 1_000;
  return saveFieldValue(device.db, { ref, templateId: template.id, fieldId, value, typedAt: at, editor: 'someone' }, at);
}

const otherDeal = dealRef('1002');
const valueOn = async (device: Device, fieldId: string, ref = deal) => (await device.db.handoffs.get(handoffKey(ref, template.id)))?.values[fieldId];
const status = async (device: Device) => {
  const row = await device.db.syncMeta.get('status');
  return row?.key === 'status' ? row : undefined;
};
const noTouch = async () => {};

beforeEach(async () => {
  team += 1;
  rep = await join(`backoff-${team}`, 'rep@x.test');
  lead = await join(`backoff-${team}`, 'lead@x.test');
});
afterEach(async () => {
  failingPushes.clear();
  pushes.length = 0;
  cannedPush = undefined;
  await Promise.all(devices.splice(0).map((device) => device.db.delete()));
});

describe('a failing push', () => {
  it('answered 500 does not stop the pull: the teammate’s change still arrives, and ours waits', async () => {
    await type(lead, 'scope', 'From the lead');
    await syncCycle(lead.db, lead.connection, noTouch);
    failingPushes.add(rep.token);
    await type(rep, 'clientGoals', 'Typed by the rep');

    const failure = await syncCycle(rep.db, rep.connection, noTouch).catch((error: unknown) => error);
    expect(failure).toSatisfy((error) => error instanceof TeamServerError && error.status === 500);
    expect(await valueOn(rep, 'scope')).toBe('From the lead');
    expect(await rep.db.outbox.count()).toBe(1);
    expect((await rep.db.outbox.toArray())[0]?.refused).toBeUndefined();
  });

  it('waits out its backoff while pulls go on, then goes out once the server is well', async () => {
    failingPushes.add(rep.token);
    await type(rep, 'clientGoals', 'Typed by the rep');
    const now = Date.now();
    const failure = await syncCycle(rep.db, rep.connection, noTouch, now).catch((error: unknown) => error);
    const retryAt = await recordSyncFailure(rep.db, failure, now, () => 0.5);
    expect(await status(rep)).toMatchObject({ phase: 'failing', failures: 1, retryAt });
    expect(pushes.filter((token) => token === rep.token)).toHaveLength(1);

    // Before the retry time: a keystroke or an alarm pulls, but does not push again.
    // On another record: the lead's first edit makes a handoff theirs, and the rep's push would be refused.
    await type(lead, 'scope', 'Meanwhile from the lead', otherDeal);
    await syncCycle(lead.db, lead.connection, noTouch);
    failingPushes.delete(rep.token);
    expect(await syncCycle(rep.db, rep.connection, noTouch, retryAt - 1)).toBe('deferred');
    expect(pushes.filter((token) => token === rep.token)).toHaveLength(1);
    expect(await valueOn(rep, 'scope', otherDeal)).toBe('Meanwhile from the lead');

    expect(await syncCycle(rep.db, rep.connection, noTouch, retryAt)).toBe('synced');
    expect(await rep.db.outbox.count()).toBe(0);
  });

  it('backs off longer after each failure in a row, and says so', async () => {
    failingPushes.add(rep.token);
    const failure = new TeamServerError('The team server answered 500.', 500);
    const waits: number[] = [];
    for (let index = 0; index < 12; index += 1) waits.push((await recordSyncFailure(rep.db, failure, 0, () => 0.5)) - 0);
    expect(waits.slice(0, 5)).toEqual([750, 1_500, 3_000, 6_000, 12_000]);
    expect(waits.at(-1)).toBe(RETRY_MS.max * 0.75);
    const row = await status(rep);
    expect(syncStatusLine(row!.phase, 2, 0, row!.retryAt)).toEqual({ kind: 'failing', waiting: 2, retryAt: waits.at(-1) });
    await recordSyncFailure(rep.db, new TeamServerError('The team server cannot be reached.', 0), 0);
    expect(await status(rep)).toMatchObject({ phase: 'offline', failures: 13 });
  });
});

describe('what a failure is called', () => {
  it('a server that says it is unavailable for now (its database away, restarting) reads as offline, another error as failing', () => {
    expect([502, 503, 504].map((status) => failurePhase(new TeamServerError('unavailable', status)))).toEqual(['offline', 'offline', 'offline']);
    expect(failurePhase(new TeamServerError('failed', 500))).toBe('failing');
    expect(failurePhase(new TeamServerError('unreachable', 0))).toBe('offline');
  });
});

describe('the retry delay', () => {
  it('grows from 1 s, doubling, to at most 5 minutes, spread by jitter', () => {
    expect(retryDelay(1, () => 0.999)).toBeLessThanOrEqual(RETRY_MS.first);
    expect(retryDelay(1, () => 0)).toBe(RETRY_MS.first / 2);
    for (let failures = 1; failures < 30; failures += 1) {
      expect(retryDelay(failures + 1, () => 0)).toBeGreaterThanOrEqual(retryDelay(failures, () => 0));
      expect(retryDelay(failures, () => 0.999)).toBeLessThanOrEqual(RETRY_MS.max);
    }
    expect(retryDelay(40, () => 0)).toBe(RETRY_MS.max / 2);
  });
});

describe('a per-change refusal', () => {
  it('lands in the refused list with its reason, and the rest of the batch is marked synced', async () => {
    await type(rep, 'clientGoals', 'Fine');
    await type(rep, 'scope', 'Bad\u0000value');
    await type(rep, 'timeline', 'Fine too');
    const bad = (await rep.db.outbox.toArray()).find((entry) => entry.change.kind === 'field' && entry.change.fieldId === 'scope')!;
    cannedPush = ({ changes }) => ({
      results: changes.map((change, index) =>
        change.id === bad.id ? { id: change.id, status: 'refused', reason: 'a value holds a control character' } : { id: change.id, status: 'applied', seq: index + 1 },
      ),
    });
    await pushOutbox(rep.db, rep.connection);
    const left = await rep.db.outbox.toArray();
    expect(left.map((entry) => [entry.id, entry.refused?.reason])).toEqual([[bad.id, 'a value holds a control character']]);
    expect(syncStatusLine('synced', 0, 1)).toEqual({ kind: 'refused', refused: 1 });
  });
});
