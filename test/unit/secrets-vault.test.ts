import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { aiSettings } from '../../components/storage/ai-settings';
import { BatonDb } from '../../components/storage/db';
import { managedPolicy } from '../../components/storage/managed-policy';
import { moveSecretsOutOfLocalStorage } from '../../components/storage/move-secrets';
import { teamConnection } from '../../components/storage/team-connection';
import type { TeamConnection } from '../../lib/sync/connection';
import { useTestDb } from './test-db';

// Item 9 of issue 21: storage.local is readable by every content script Baton runs in a CRM
// tab, so the team token and the AI key live in the extension origin's IndexedDB instead.

const TOKEN = 'tok_9f3c-team-secret';
const KEY = 'sk-ai-secret-4711';
const connection: TeamConnection = {
  server: 'https://baton.example.com',
  token: TOKEN,
  member: { email: 'ana@example.com', role: 'member', team: 'Sales' },
  connectedAt: 1_800_000_000_000,
};
const settings = { provider: 'endpoint' as const, endpointUrl: 'https://llm.example.com/v1', model: 'llama3.2', apiKey: KEY, timeoutSeconds: 60 };

/** Everything any content script in a CRM tab could read from extension storage. */
const visibleToContentScripts = async () => JSON.stringify(await fakeBrowser.storage.local.get(null));

afterEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

describe('secrets out of reach of CRM pages', () => {
  let db: BatonDb;
  useTestDb([], (opened) => (db = opened));

  it('a new connection and a new AI key are never written where content scripts read', async () => {
    await teamConnection.set(connection, db);
    await aiSettings.set(settings, db);
    const visible = await visibleToContentScripts();
    expect(visible).not.toContain(TOKEN);
    expect(visible).not.toContain(KEY);
    expect(await teamConnection.get(db)).toEqual(connection);
    expect(await aiSettings.withKey(db)).toEqual(settings);
    // The panel's view of the settings (what provider, which endpoint) needs no key.
    expect((await aiSettings.get()).apiKey).toBe('');
  });

  it('an earlier version’s token and key move out of storage.local on the worker’s start, once', async () => {
    await fakeBrowser.storage.local.set({ teamConnection: connection, aiSettings: settings, dockCollapsed: true });
    await moveSecretsOutOfLocalStorage(db);
    const visible = await visibleToContentScripts();
    expect(visible).not.toContain(TOKEN);
    expect(visible).not.toContain(KEY);
    expect(await teamConnection.get(db)).toEqual(connection);
    expect(await aiSettings.withKey(db)).toEqual(settings);
    // What is not secret stays where it was.
    expect(await fakeBrowser.storage.local.get('dockCollapsed')).toEqual({ dockCollapsed: true });
    // Run again (every worker start): nothing changes, nothing is lost.
    await moveSecretsOutOfLocalStorage(db);
    expect(await teamConnection.get(db)).toEqual(connection);
    expect((await aiSettings.withKey(db)).apiKey).toBe(KEY);
  });

  it('a token an older page writes later still moves, and the newer value wins', async () => {
    await teamConnection.set(connection, db);
    const newer = { ...connection, token: 'tok_newer', connectedAt: connection.connectedAt + 1 };
    await fakeBrowser.storage.local.set({ teamConnection: newer });
    await moveSecretsOutOfLocalStorage(db);
    expect(await teamConnection.get(db)).toEqual(newer);
    expect(await visibleToContentScripts()).not.toContain('tok_newer');
  });

  it('a stored connection that no longer parses is moved too (no token left behind), and reads as not connected', async () => {
    await fakeBrowser.storage.local.set({ teamConnection: { server: 'https://baton.example.com', token: TOKEN } });
    await moveSecretsOutOfLocalStorage(db);
    expect(await visibleToContentScripts()).not.toContain(TOKEN);
    expect(await teamConnection.get(db)).toBeNull();
  });
});

describe('the store that holds them', () => {
  it('opens over a version-5 database and keeps what it held', async () => {
    const name = `v5-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    old.version(5).stores({ templates: 'id', syncMeta: 'key' });
    await old.table('syncMeta').put({ key: 'cursor', cursor: 42 });
    old.close();
    const db = new BatonDb(name);
    expect(await db.syncMeta.get('cursor')).toEqual({ key: 'cursor', cursor: 42 });
    await teamConnection.set(connection, db);
    expect(await teamConnection.get(db)).toEqual(connection);
    await db.delete();
  });
});

describe('a team server the organization did not choose', () => {
  let db: BatonDb;
  useTestDb([], (opened) => (db = opened));

  it('reads as no connection, so nothing is pushed to or pulled from it', async () => {
    await teamConnection.set(connection, db);
    vi.spyOn(managedPolicy, 'get').mockResolvedValue({ teamServer: 'https://baton.corp.example' });
    expect(await teamConnection.get(db)).toBeNull();
  });

  it('reads as usual when it is the policy’s server (however the address was written)', async () => {
    await teamConnection.set(connection, db);
    vi.spyOn(managedPolicy, 'get').mockResolvedValue({ teamServer: 'baton.example.com/' });
    expect(await teamConnection.get(db)).toEqual(connection);
  });

  it('refuses every connection when the policy’s own address is not usable (fail closed)', async () => {
    await teamConnection.set(connection, db);
    vi.spyOn(managedPolicy, 'get').mockResolvedValue({ teamServer: 'http://baton.example.com' });
    expect(await teamConnection.get(db)).toBeNull();
  });
});
