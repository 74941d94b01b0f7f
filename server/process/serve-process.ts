import { serve } from '@hono/node-server';
import type { Server } from 'node:http';
import { startLocalAdmin } from '../admin/local-admin';
import { createApp } from '../app';
import type { ServerOptions } from '../http/app-env';
import { openStore, type DatabaseLocation } from '../storage/store';

// One server process: it serves until told to stop, then drains. A stopping process stops
// accepting connections, tells its live streams to reconnect (to another process behind the
// same address), lets requests under way finish (a push is answered only once committed), and
// exits, within DRAIN_LIMIT_MS whatever happens.

/** A process told to stop is gone after this long, drained or not. */
export const DRAIN_LIMIT_MS = 10_000;

export interface ServeProcess {
  location: DatabaseLocation;
  /** The embedded database's folder (PGlite): the command line reaches this process through it. */
  dataDir?: string;
  host: string;
  port: number;
  app: Omit<ServerOptions, 'store' | 'lifecycle'>;
  /** Said on stderr even when quiet (the data directory's repair, draining). */
  warn: (line: string) => void;
  /** Called with the port once listening. */
  onListening: (port: number) => void;
}

export async function serveProcess(options: ServeProcess): Promise<void> {
  const store = await openStore(options.location, { log: options.warn });
  const localAdmin = options.location.kind === 'pglite' && options.dataDir ? await startLocalAdmin(store, options.dataDir, Date.now) : undefined;
  const lifecycle = { draining: false };
  const app = createApp({ ...options.app, store, lifecycle });
  const server = serve({ fetch: app.fetch, hostname: options.host, port: options.port }, (info) => options.onListening(info.port)) as Server;

  const drain = async (signal: string) => {
    if (lifecycle.draining) return;
    lifecycle.draining = true;
    options.warn(`${signal}: draining (live streams told to reconnect, requests under way finish, exit within ${DRAIN_LIMIT_MS / 1000} s)`);
    setTimeout(() => process.exit(1), DRAIN_LIMIT_MS).unref();
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    // Sleeping streams wake, see the process draining and end with 'draining'.
    store.pokes.pokeAll('changes');
    server.closeIdleConnections();
    await closed;
    await localAdmin?.close();
    await store.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void drain('SIGINT'));
  process.once('SIGTERM', () => void drain('SIGTERM'));
}
