import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { timingSafeEqual } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { newSecret } from '../secrets';
import type { Store } from '../storage/store';
import { AdminCommandSchema, runAdminCommand } from './commands';

// PGlite lets one process open a data directory. While the server holds it, the CLI's invite /
// revoke / list go through this: a listener on 127.0.0.1 only, on a port chosen at start,
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
  app.post('/admin', async (c) => {
    const sent = Buffer.from(c.req.header('authorization') ?? '');
    const expected = Buffer.from(`Bearer ${token}`);
    if (sent.length !== expected.length || !timingSafeEqual(sent, expected)) return c.json({ error: 'not allowed' }, 401);
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
