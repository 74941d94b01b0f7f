import { serve } from '@hono/node-server';
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { AdminCommandSchema, type AdminCommand, runAdminCommand } from './admin/commands';
import { ADMIN_FILE, startLocalAdmin, type LocalAdminFile } from './admin/local-admin';
import { createApp } from './app';
import { allowedOrigins } from './http/origins';
import { openStore, type DatabaseLocation } from './storage/store';

// npm run server [-- --port N --data DIR --host H --allow-origin O --trust-proxy]
// npm run server -- invite <email> --role member|lead|admin | revoke <email> | list   [--data DIR] [--team NAME]
// With DATABASE_URL=postgres://… the server and the commands use that PostgreSQL instead.

const USAGE = `usage: npm run server -- [serve] [--port 8787] [--host 127.0.0.1] [--data DIR] [--allow-origin ORIGIN,…] [--trust-proxy] [--quiet]
       npm run server -- invite <email> --role member|lead|admin [--team default] [--data DIR]
       npm run server -- revoke <email> [--team default] [--data DIR]
       npm run server -- list [--team default] [--data DIR]`;

const { values: flags, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    port: { type: 'string', default: '8787' },
    host: { type: 'string', default: '127.0.0.1' },
    data: { type: 'string', default: join(homedir(), '.baton-server') },
    team: { type: 'string', default: 'default' },
    role: { type: 'string' },
    'allow-origin': { type: 'string', multiple: true, default: [] },
    quiet: { type: 'boolean', default: false },
    'trust-proxy': { type: 'boolean', default: false },
  },
});

const dataDir = resolve(flags.data);
const databaseUrl = process.env.DATABASE_URL;
const location: DatabaseLocation = databaseUrl ? { kind: 'postgres', url: databaseUrl } : { kind: 'pglite', dataDir };
const where = databaseUrl ? 'PostgreSQL from DATABASE_URL' : `embedded database in ${dataDir}`;
const [command = 'serve', email] = positionals;

await (command === 'serve' ? startServer() : runCommand()).catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));

async function startServer(): Promise<void> {
  const port = Number(flags.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) fail(`--port must be a port number, not ${flags.port}`);
  const trustProxy = flags['trust-proxy'] || trustProxyFromEnv(process.env.BATON_TRUST_PROXY);
  const log = flags.quiet ? () => {} : (line: string) => console.log(`${new Date().toISOString()} ${line}`);
  const store = await openStore(location, { log: warn });
  const localAdmin = location.kind === 'pglite' ? await startLocalAdmin(store, dataDir, Date.now) : undefined;
  const origins = allowedOrigins([...flags['allow-origin'], process.env.BATON_ALLOWED_ORIGINS ?? '']);
  const app = createApp({
    store,
    allowedOrigins: origins,
    now: Date.now,
    log,
    requestsPerMinute: Number(process.env.BATON_REQUESTS_PER_MINUTE ?? 600),
    trustProxy,
  });
  const server = serve({ fetch: app.fetch, hostname: flags.host, port }, (info) => {
    console.log(`Baton team server on http://${flags.host}:${info.port} (${where})`);
    console.log(`Extension origins allowed: ${origins.join(', ')}`);
    if (trustProxy) console.log('Behind a trusted proxy: clients are told apart by the last X-Forwarded-For entry');
  });
  const stop = async () => {
    server.close();
    await localAdmin?.close();
    await store.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

async function runCommand(): Promise<void> {
  const parsed = AdminCommandSchema.safeParse({ command, team: flags.team, email, role: flags.role });
  if (!parsed.success) fail(`${parsed.error.issues.map((issue) => `${issue.path.join('.') || 'command'}: ${issue.message}`).join('\n')}\n${USAGE}`);
  const lines = (await throughRunningServer(parsed.data)) ?? (await directly(parsed.data));
  for (const line of lines) console.log(line);
}

/** The server holds the embedded database: ask it. Undefined when no server answers. */
async function throughRunningServer(admin: AdminCommand): Promise<string[] | undefined> {
  if (location.kind !== 'pglite') return undefined;
  const file = await readFile(join(dataDir, ADMIN_FILE), 'utf8').catch(() => undefined);
  if (!file) return undefined;
  const { port, token } = JSON.parse(file) as LocalAdminFile;
  const response = await fetch(`http://127.0.0.1:${port}/admin`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(admin),
  }).catch(() => undefined);
  // A file left by a server that is gone: nobody listens, so the database is free.
  if (!response) return undefined;
  const body = (await response.json()) as { lines?: string[]; error?: string };
  if (!response.ok || !body.lines) fail(`the running server refused: ${body.error ?? response.status}`);
  return body.lines;
}

async function directly(admin: AdminCommand): Promise<string[]> {
  const store = await openStore(location, { log: warn });
  try {
    return await runAdminCommand(store, admin, Date.now());
  } finally {
    await store.close();
  }
}

/** Said even with --quiet, on stderr (a command's last stdout line is its answer): the data directory's repair. */
function warn(line: string): void {
  console.error(`${new Date().toISOString()} ${line}`);
}

/** BATON_TRUST_PROXY=1 (or true) is --trust-proxy; anything else but empty is a mistake to say. */
function trustProxyFromEnv(value = ''): boolean {
  if (value === '' || value === '0' || value === 'false') return false;
  if (value === '1' || value === 'true') return true;
  fail(`BATON_TRUST_PROXY must be 1 or true (or 0, false), not ${value}`);
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}
