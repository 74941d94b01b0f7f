import { serve, type ServerType } from '@hono/node-server';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Role } from '../../lib/sync/roles';
import { createApp } from '../../server/app';
import { DEFAULT_ALLOWED_ORIGINS } from '../../server/http/origins';
import { openStore, type Store } from '../../server/storage/store';

/**
 * A team server for end-to-end tests and the demo: the real app over PGlite in a temporary
 * directory, on 127.0.0.1. stop() and start() take the HTTP side down and up on the same port
 * (the database stays), as a server restart looks to a client.
 */
export interface TestTeamServer {
  address: string;
  store: Store;
  invite(email: string, role: Role): Promise<string>;
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

export async function startTeamServer(team = 'default'): Promise<TestTeamServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'baton-team-'));
  const store = await openStore({ kind: 'pglite', dataDir });
  const app = createApp({ store, allowedOrigins: [...DEFAULT_ALLOWED_ORIGINS], now: Date.now, log: () => {}, requestsPerMinute: 100_000 });
  let server: ServerType | undefined;
  let port = 0;
  const start = () =>
    new Promise<void>((resolve) => {
      server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port }, (info) => {
        port = info.port;
        resolve();
      });
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      const running = server as (ServerType & { closeAllConnections?: () => void }) | undefined;
      if (!running) return resolve();
      running.close(() => resolve());
      // Open live channels would hold the port: cut them as a crash would.
      running.closeAllConnections?.();
      server = undefined;
    });
  await start();
  return {
    address: `http://127.0.0.1:${port}`,
    store,
    async invite(email, role) {
      const teamId = await store.members.teamId(team, Date.now());
      return (await store.members.invite(teamId, email, role, Date.now())).code;
    },
    stop,
    start,
    async close() {
      await stop();
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
