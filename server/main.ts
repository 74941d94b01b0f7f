import cluster from 'node:cluster';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { AdminCommandSchema, type AdminCommand, runAdminCommand } from './admin/commands';
import { restoreBackup, takeBackup, writeBackup } from './admin/backup';
import { runningServer } from './admin/local-admin';
import { allowedOrigins } from './http/origins';
import { observeProcess } from './observability/observe-process';
import { runWorkers } from './process/workers';
import { serveProcess } from './process/serve-process';
import { openStore, type DatabaseLocation } from './storage/store';

// npm run server [-- --port N --data DIR --host H --allow-origin O --trust-proxy]
// npm run server -- invite <email> --role member|lead|admin | revoke <email> | list   [--data DIR] [--team NAME]
// npm run server -- backup <file> | restore <file> [--force]   [--data DIR]
// With DATABASE_URL=postgres://… the server and the commands use that PostgreSQL instead.

const USAGE = `usage: npm run server -- [serve] [--port 8787] [--host 127.0.0.1] [--data DIR] [--allow-origin ORIGIN,…] [--trust-proxy] [--workers N] [--quiet]
       npm run server -- invite <email> --role member|lead|admin [--team default] [--data DIR]
       npm run server -- revoke <email> [--team default] [--data DIR]
       npm run server -- list [--team default] [--data DIR]
       npm run server -- backup <file> [--data DIR]            (the embedded database; PostgreSQL: pg_dump -Fc)
       npm run server -- restore <file> [--data DIR] [--force]
       serve also takes [--metrics-port N] [--metrics-host 127.0.0.1]: Prometheus metrics at http://HOST:N/metrics`;

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
    workers: { type: 'string', default: '1' },
    'metrics-port': { type: 'string' },
    'metrics-host': { type: 'string', default: '127.0.0.1' },
    force: { type: 'boolean', default: false },
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
  const workers = Number(flags.workers);
  if (!Number.isInteger(workers) || workers < 1 || workers > 64) fail(`--workers must be a whole number from 1 to 64, not ${flags.workers}`);
  if (workers > 1 && location.kind === 'pglite') fail('--workers needs PostgreSQL (DATABASE_URL): only one process may open the embedded database');
  const role = workers === 1 ? 'single' : cluster.isPrimary ? 'primary' : 'worker';
  const metricsPort = flags['metrics-port'] === undefined ? undefined : Number(flags['metrics-port']);
  if (metricsPort !== undefined && (!Number.isInteger(metricsPort) || metricsPort < 0 || metricsPort > 65_535)) fail(`--metrics-port must be a port number, not ${flags['metrics-port']}`);
  const observed = await observeProcess({ role, quiet: flags.quiet, metricsPort, metricsHost: flags['metrics-host'] });
  if (observed.metricsPort !== undefined) console.log(`Metrics for Prometheus on http://${flags['metrics-host']}:${observed.metricsPort}/metrics`);
  if (workers > 1 && cluster.isPrimary) return runWorkers(workers, warn);
  const trustProxy = flags['trust-proxy'] || trustProxyFromEnv(process.env.BATON_TRUST_PROXY);
  const { logger } = observed;
  const log = (line: string) => logger.info(line);
  const origins = allowedOrigins([...flags['allow-origin'], process.env.BATON_ALLOWED_ORIGINS ?? '']);
  await serveProcess({
    location,
    dataDir,
    host: flags.host,
    port,
    app: { allowedOrigins: origins, now: Date.now, log, requestsPerMinute: Number(process.env.BATON_REQUESTS_PER_MINUTE ?? 600), trustProxy, logger },
    warn,
    onListening: (listening) => {
      // Workers share the primary's port; only the first to listen says so (the primary said the rest).
      if (cluster.isWorker && cluster.worker?.id !== 1) return;
      console.log(`Baton team server on http://${flags.host}:${listening} (${where}${workers > 1 ? `, ${workers} processes` : ''})`);
      console.log(`Extension origins allowed: ${origins.join(', ')}`);
      if (trustProxy) console.log('Behind a trusted proxy: clients are told apart by the last X-Forwarded-For entry');
    },
  });
}

async function runCommand(): Promise<void> {
  if (command === 'backup' || command === 'restore') return backupCommand(command, email);
  const parsed = AdminCommandSchema.safeParse({ command, team: flags.team, email, role: flags.role });
  if (!parsed.success) fail(`${parsed.error.issues.map((issue) => `${issue.path.join('.') || 'command'}: ${issue.message}`).join('\n')}\n${USAGE}`);
  const lines = (await throughRunningServer(parsed.data)) ?? (await directly(parsed.data));
  for (const line of lines) console.log(line);
}

/** The server holds the embedded database: ask it. Undefined when no server answers. */
async function throughRunningServer(admin: AdminCommand): Promise<string[] | undefined> {
  if (location.kind !== 'pglite') return undefined;
  const server = await runningServer(dataDir);
  if (!server) return undefined;
  const response = await server.post('/admin', admin);
  const body = (await response.json()) as { lines?: string[]; error?: string };
  if (!response.ok || !body.lines) fail(`the running server refused: ${body.error ?? response.status}`);
  return body.lines;
}

/** backup / restore of the embedded database; PostgreSQL has its own tools for both. */
async function backupCommand(which: 'backup' | 'restore', file: string | undefined): Promise<void> {
  if (!file) fail(`${which}: which file?\n${USAGE}`);
  if (location.kind === 'postgres') fail(`${which} is for the embedded database; with PostgreSQL use pg_dump -Fc / pg_restore (see README, Backups)`);
  const path = resolve(file);
  if (which === 'backup') {
    await writeBackup(path, await takeBackup(dataDir));
    console.log(`Backed up the database in ${dataDir} to ${path}.`);
  } else {
    for (const line of await restoreBackup(path, dataDir, flags.force)) console.log(line);
  }
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
