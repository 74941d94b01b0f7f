import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, expect, it } from 'vitest';
import { restoreBackup, writeBackup } from '../../server/admin/backup';
import { dumpOpenDataDir, openPgliteSql } from '../../server/storage/pglite-sql';
import { openStore } from '../../server/storage/store';
import { fieldChange } from './harness';

// Backups of the embedded database, as an operator takes them: while the server runs (the
// command goes through it) and while it is stopped, restored into a new directory and opened
// there; a restore never lands on a running server or, unasked, on a database (issue 24).
// Slow: every command starts Node and PGlite.

const run = promisify(execFile);
const TSX = join('node_modules', '.bin', 'tsx');
const root = mkdtempSync(join(tmpdir(), 'baton-backup-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const at = (name: string) => join(root, name);

async function cli(...args: string[]): Promise<string[]> {
  const { stdout } = await run(TSX, ['server/main.ts', ...args], { env: { ...process.env, DATABASE_URL: '' } });
  return stdout.trim().split('\n');
}

/** The command's failure, as the operator reads it on stderr. */
async function refused(...args: string[]): Promise<string> {
  const failure = await cli(...args).then(
    () => undefined,
    (error: { stderr: string }) => error.stderr,
  );
  expect(failure, `${args.join(' ')} should have been refused`).toBeDefined();
  return failure!;
}

async function startServer(dataDir: string): Promise<{ process: ChildProcess; address: string; metrics: string }> {
  const server = spawn(TSX, ['server/main.ts', '--port', '0', '--metrics-port', '0', '--quiet', '--data', dataDir], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, DATABASE_URL: '' },
  });
  const [address, metrics] = await new Promise<[string, string]>((resolve, reject) => {
    let output = '';
    server.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const served = /Baton team server on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      const measured = /Metrics for Prometheus on (http:\/\/127\.0\.0\.1:\d+\/metrics)/.exec(output);
      if (served && measured) resolve([served[1]!, measured[1]!]);
    });
    server.once('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)));
  });
  return { process: server, address, metrics };
}

async function stop(server: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGINT');
  await exited;
}

/** The values the team's board would show, read from the database in `dataDir`. */
async function valuesIn(dataDir: string): Promise<string[]> {
  const store = await openStore({ kind: 'pglite', dataDir });
  try {
    const teamId = await store.members.teamId('default', Date.now());
    const { changes } = await store.sync.pull(teamId, 0, 500);
    return changes.map(({ change }) => (change.kind === 'field' ? change.value : `(${change.kind})`)).sort();
  } finally {
    await store.close();
  }
}

it('backs up a running server’s database, restores it into a new directory, and the same data opens there', async () => {
  const served = at('served');
  const server = await startServer(served);
  try {
    const code = (await cli('invite', 'rep@x.test', '--role', 'member', '--data', served)).at(-1)!;
    const { token } = (await (await fetch(`${server.address}/v1/redeem`, { method: 'POST', body: JSON.stringify({ code }) })).json()) as { token: string };
    const push = async (value: string, fieldId: string) => {
      const response = await fetch(`${server.address}/v1/push`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ changes: [fieldChange(value, { fieldId })] }),
      });
      expect(response.status).toBe(200);
    };
    await push('Goals: expand to EMEA', 'goals');
    await push('Risk: legal review slow', 'risks');
    // The operator's port shows the pushes; the extension's port does not serve metrics.
    expect(await (await fetch(server.metrics)).text()).toMatch(/^baton_http_request_duration_seconds_count\{method="POST",route="\/v1\/push",status="200"\} 2$/m);
    expect((await fetch(`${server.address}/metrics`)).status).toBe(404);

    expect(await cli('backup', at('running.tgz'), '--data', served)).toEqual([`Backed up the database in ${served} to ${at('running.tgz')}.`]);
    expect(statSync(at('running.tgz')).mode & 0o777).toBe(0o600);
    await push('Next: kickoff on Monday', 'next');

    expect(await refused('restore', at('running.tgz'), '--data', served)).toMatch(/a Baton server \(process \d+\) is running on .*served: stop it, then restore/);
    expect(await refused('backup', at('running.tgz'), '--data', served)).toMatch(/already exists; choose another name/);
    expect(await cli('restore', at('running.tgz'), '--data', at('restored'))).toEqual([`Restored ${at('running.tgz')} into ${at('restored')}.`]);
  } finally {
    await stop(server.process);
  }

  expect(await valuesIn(at('restored'))).toEqual(['Goals: expand to EMEA', 'Risk: legal review slow']);
  // The restored directory is its own: the server's admin file did not come with it.
  expect(readdirSync(at('restored'))).not.toContain('.baton-admin.json');
  expect(statSync(at('restored')).mode & 0o777).toBe(0o700);

  // Stopped: the command opens the directory itself. Over a database only with --force, and the
  // database that was there is moved aside, not lost.
  await cli('backup', at('stopped.tgz'), '--data', served);
  expect(await refused('restore', at('stopped.tgz'), '--data', at('restored'))).toMatch(/is not empty .* add --force/);
  expect(await valuesIn(at('restored'))).toHaveLength(2);
  const [restored, aside] = await cli('restore', at('stopped.tgz'), '--data', at('restored'), '--force');
  expect(restored).toBe(`Restored ${at('stopped.tgz')} into ${at('restored')}.`);
  const asideDir = /is now in (\S+): delete it once/.exec(aside!)![1]!;
  expect(await valuesIn(at('restored'))).toEqual(['Goals: expand to EMEA', 'Next: kickoff on Monday', 'Risk: legal review slow']);
  expect(await valuesIn(asideDir)).toEqual(['Goals: expand to EMEA', 'Risk: legal review slow']);
}, 400_000);

it('refuses a file that is not a backup, leaving nothing behind', async () => {
  writeFileSync(at('notes.txt'), 'not a tarball');
  expect(await refused('restore', at('notes.txt'), '--data', at('fresh'))).toMatch(/notes\.txt is not a backup of a Baton server's database/);
  expect(existsSync(at('fresh')) ? readdirSync(at('fresh')) : []).toEqual([]);
  expect(readdirSync(root).filter((name) => name.includes('restoring'))).toEqual([]);
  expect(await refused('backup', at('empty.tgz'), '--data', at('nothing-here'))).toMatch(/there is no database in .*nothing-here to back up/);
}, 120_000);

it('points PostgreSQL to its own tools', async () => {
  const failure = await run(TSX, ['server/main.ts', 'backup', at('pg.tgz')], { env: { ...process.env, DATABASE_URL: 'postgres://baton@127.0.0.1:1/none' } }).then(
    () => '',
    (error: { stderr: string }) => error.stderr,
  );
  expect(failure).toMatch(/with PostgreSQL use pg_dump -Fc \/ pg_restore/);
});

it('a backup taken in the middle of a write holds what was committed before it, and opens', async () => {
  const dataDir = at('mid-write');
  const sql = await openPgliteSql(dataDir);
  try {
    await sql.exec("CREATE TABLE notes (body text); INSERT INTO notes VALUES ('committed')");
    await sql.transaction(async (tx) => {
      await tx.query("INSERT INTO notes VALUES ('half done')");
      await writeBackup(at('mid-write.tgz'), await dumpOpenDataDir(dataDir));
      await tx.query("INSERT INTO notes VALUES ('after the copy')");
    });
  } finally {
    await sql.close();
  }
  // Not a server's database (no schema_migrations): restore says so, and leaves nothing.
  await expect(restoreBackup(at('mid-write.tgz'), at('mid-write-restored'), false)).rejects.toThrow(/is not a backup of a Baton server's database/);
  const copy = await openPgliteSql(at('mid-write-restored'), { loadDataDir: new Blob([readFileSync(at('mid-write.tgz'))]) });
  try {
    expect(await copy.query('SELECT body FROM notes')).toEqual([{ body: 'committed' }]);
  } finally {
    await copy.close();
  }
}, 120_000);
