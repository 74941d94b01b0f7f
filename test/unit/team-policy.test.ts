import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { BatonDb } from '../../components/storage/db';
import { managedPolicy } from '../../components/storage/managed-policy';
import { teamConnection } from '../../components/storage/team-connection';
import { disconnectIfPolicyForbids, teamPolicyNotice } from '../../components/sync/policy-guard';
import { linkDevice } from '../../components/sync/link';
import { teamServerAllowed } from '../../lib/managed-policy';
import type { TeamConnection } from '../../lib/sync/connection';
import { useTestDb } from './test-db';

// Item 6 of issue 21: a connection made before the policy arrived must not keep syncing to the
// other server. The worker drops it and says why; the settings page shows the notice.

const elsewhere: TeamConnection = {
  server: 'https://baton.other.example',
  token: 'tok',
  member: { email: 'ana@example.com', role: 'member', team: 'Sales' },
  connectedAt: 1,
};

afterEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

describe('which team server a policy allows', () => {
  it('any without a policy; only the pinned one (as an origin) with one; none when the pinned one is unusable', () => {
    expect(teamServerAllowed('https://a.example', {})).toBe(true);
    expect(teamServerAllowed('https://a.example', { teamServer: 'https://a.example/' })).toBe(true);
    expect(teamServerAllowed('https://b.example', { teamServer: 'https://a.example' })).toBe(false);
    expect(teamServerAllowed('http://a.example', { teamServer: 'http://a.example' })).toBe(false);
  });
});

describe('the worker’s policy guard', () => {
  let db: BatonDb;
  useTestDb([], (opened) => (db = opened));

  it('disconnects from a server the policy does not name, keeps the drafts, and records why', async () => {
    await linkDevice(db, elsewhere);
    await db.outbox.add({ id: 'c1' } as never);
    vi.spyOn(managedPolicy, 'get').mockResolvedValue({ teamServer: 'https://baton.corp.example' });
    await expect(disconnectIfPolicyForbids(db)).resolves.toBe(true);
    expect(await teamConnection.stored(db)).toBeNull();
    expect(await db.syncMeta.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    expect(await teamPolicyNotice.get(db)).toMatchObject({ required: 'https://baton.corp.example', disconnected: 'https://baton.other.example' });
  });

  it('leaves a connection to the policy’s own server, or with no policy, alone', async () => {
    await linkDevice(db, elsewhere);
    vi.spyOn(managedPolicy, 'get').mockResolvedValue({});
    await expect(disconnectIfPolicyForbids(db)).resolves.toBe(false);
    vi.spyOn(managedPolicy, 'get').mockResolvedValue({ teamServer: 'baton.other.example' });
    await expect(disconnectIfPolicyForbids(db)).resolves.toBe(false);
    expect(await teamConnection.stored(db)).toEqual(elsewhere);
    expect(await teamPolicyNotice.get(db)).toBeUndefined();
  });
});
