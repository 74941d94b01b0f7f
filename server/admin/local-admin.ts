import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { timingSafeEqual } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { newSecret } from '../secrets';
import { dumpOpenDataDir } from '../storage/pglite-sql';
import type { Store } from '../storage/store';
import { AdminCommandSchema, runAdminCommand } from './commands';

// PGlite lets one process open a data directory. While the server holds it, the CLI's invite /
// revoke / list and backup go through this: a listener on 127.0.0.1 only, on a port chosen at start,
// answering only whoever can read the data directory's admin file (mode 0600: its owner).

export const ADMIN_FILE = '.baton-admin.json';

export interface LocalAdminFile {
  port: number;
  token: string;
  pid: number;
}

export async function startLocalAdmin(store: Store, dataDir: string, now: () => number): Promise<{ close(): Promise<void> }> {
  const token = newSecret();
  const app = new Hono();
  app.use(async (c, next) => {
    const sent = Buffer.from(c.req.header('authorization') ?? '');
    const expected = Buffer.from(`Bearer ${token}`);
    if (sent.length !== expected.length || !timingSafeEqual(sent, expected)) return c.json({ error: 'not allowed' }, 401);
    await next();
  });
  app.get('/alive', (c) => c.body(null, 204));
  // The backup's bytes go back to the command, which writes the file as its own user, where it was asked to.
  app.post('/backup', async (c) => c.body(await (await dumpOpenDataDir(dataDir)).arrayBuffer(), 200, { 'content-type': 'application/gzip' }));
  app.post('/admin', async (c) => {
    const parsed = AdminCommandSchema.safeParse(await c.req.json().catch(() => undefined));
    if (!parsed.success) return c.json({ error: parsed.error.issues.map((issue) => issue.message).join('; ') }, 400);
    return c.json({ lines: await runAdminCommand(store, parsed.data, now()) });
  });
  const server = await new Promise<ServerType>((resolve) => {
    const started = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(started));
  });
  const file = join(dataDir, ADMIN_FILE);
  const contents: LocalAdminFile = { port: (server.address() as AddressInfo).port, token, pid: process.pid };
  await writeFile(file, JSON.stringify(contents), { mode: 0o600 });
  return {
    async close() {
      await rm(file, { force: true });
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** The server holding `dataDir`, as the command line reaches it; undefined when none answers. */
export async function runningServer(dataDir: string): Promise<{ pid: number; post(path: string, body?: unknown): Promise<Response> } | undefined> {
  const file = await readFile(join(dataDir, ADMIN_FILE), 'utf8').catch(() => undefined);
  if (!file) return undefined;
  const { port, token, pid } = JSON.parse(file) as LocalAdminFile;
  const call = (method: string, path: string, body?: unknown) =>
    fetch(`http://127.0.0.1:${port}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  // A file left by a server that is gone: nobody listens, so the database is free.
  const alive = await call('GET', '/alive').catch(() => undefined);
  if (!alive) return undefined;
  if (alive.status !== 204) throw new Error(`the server on ${dataDir} (process ${pid}) did not accept its own admin file (${alive.status})`);
  return { pid, post: (path, body) => call('POST', path, body) };
}
