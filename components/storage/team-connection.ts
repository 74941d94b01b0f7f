import { teamServerAllowed } from '../../lib/managed-policy';
import { TeamConnectionSchema, type TeamConnection } from '../../lib/sync/connection';
import { batonDb, type BatonDb } from './db';
import { managedPolicy } from './managed-policy';
import { vault } from './vault';

// The team connection holds the member's token: it lives in the extension origin's IndexedDB
// (vault.ts), never in storage.local, where every content script in a CRM tab could read it.
// The worker, every extension page and the settings page read this one copy and hear when it
// changes. A stored value that no longer parses reads as "not connected" rather than half a
// connection, and so does one to a server the organization's policy does not allow: whoever
// reads it (sync, template rollout, team view) cannot reach another server by mistake.

function parse(value: unknown): TeamConnection | null {
  const parsed = TeamConnectionSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

async function allowed(connection: TeamConnection | null): Promise<TeamConnection | null> {
  return connection && teamServerAllowed(connection.server, await managedPolicy.get()) ? connection : null;
}

export const teamConnection = {
  /** The connection to use: none if it is missing, unreadable, or to a server the policy does not allow. */
  async get(db: BatonDb = batonDb()): Promise<TeamConnection | null> {
    return allowed(await teamConnection.stored(db));
  },
  /** What is stored, whatever the policy says: only for the worker that enforces the policy. */
  async stored(db: BatonDb = batonDb()): Promise<TeamConnection | null> {
    return parse(await vault.get(db, 'teamConnection'));
  },
  async set(connection: TeamConnection, db: BatonDb = batonDb()): Promise<void> {
    await vault.put(db, 'teamConnection', TeamConnectionSchema.parse(connection));
  },
  clear(db: BatonDb = batonDb()): Promise<void> {
    return vault.delete(db, 'teamConnection');
  },
  /** Calls back on every change, from any of Baton's contexts; returns the unsubscribe. */
  watch(onChange: (connection: TeamConnection | null) => void, { db = batonDb(), initial = false }: { db?: BatonDb; initial?: boolean } = {}): () => void {
    return vault.watch(db, 'teamConnection', (value) => void allowed(parse(value)).then(onChange), { initial });
  },
};
