import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, chownSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// A real PostgreSQL for tests and the bench, started here and thrown away after: Debian's
// postgresql 15 (installed with apt-get when missing and we are root, as on CI). PostgreSQL
// refuses to run as root, so as root it runs as the `postgres` user the package creates.

const BIN = '/usr/lib/postgresql/15/bin';

export interface ThrowawayPostgres {
  url: string;
  /** The same server through its Unix socket, as a server on the database's own machine reaches it. */
  socketUrl: string;
  /** Stops the database server, keeping its data, as a restart begins. */
  pause(): void;
  /** Starts it again on the same port after pause(). */
  resume(): void;
  stop(): void;
}

export async function startThrowawayPostgres(options: { durable: boolean }): Promise<ThrowawayPostgres> {
  installIfMissing();
  const root = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'baton-pg-'));
  if (root) chownSync(dir, userId('postgres'), groupId('postgres'));
  const asOwner = (command: string, args: string[]) => {
    const [file, argv] = root ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
    const result = spawnSync(file, argv, { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr || result.stdout}`);
  };
  const port = await freePort();
  const data = join(dir, 'data');
  asOwner(`${BIN}/initdb`, ['-D', data, '-A', 'trust', '-U', 'baton', '-E', 'UTF8', '--no-sync']);
  // Tests trade durability for speed; the bench keeps PostgreSQL's defaults (fsync on).
  const settings = options.durable ? '' : ' -c fsync=off -c synchronous_commit=off -c full_page_writes=off';
  const start = () => asOwner(`${BIN}/pg_ctl`, ['-D', data, '-w', '-l', join(dir, 'log'), '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=300${settings}`, 'start']);
  start();
  return {
    pause: () => asOwner(`${BIN}/pg_ctl`, ['-D', data, '-w', '-m', 'fast', 'stop']),
    resume: start,
    url: `postgres://baton@127.0.0.1:${port}/postgres`,
    socketUrl: `postgres://baton@localhost:${port}/postgres?host=${encodeURIComponent(dir)}`,
    stop() {
      try {
        asOwner(`${BIN}/pg_ctl`, ['-D', data, '-w', '-m', 'immediate', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

function installIfMissing(): void {
  if (existsSync(`${BIN}/initdb`)) return;
  if (process.getuid?.() !== 0) throw new Error(`PostgreSQL 15 is not installed (${BIN}); run: sudo apt-get install -y postgresql`);
  execFileSync('apt-get', ['update'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'postgresql-15'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

function userId(name: string): number {
  return Number(execFileSync('id', ['-u', name], { encoding: 'utf8' }).trim());
}

function groupId(name: string): number {
  return Number(execFileSync('id', ['-g', name], { encoding: 'utf8' }).trim());
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
