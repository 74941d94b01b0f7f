import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, expect, it } from 'vitest';

// The admin's commands, as they type them: invite while the server holds the embedded
// database (they go through it), list and revoke once it has stopped (they open it themselves).
// Slow on a loaded machine: each command starts Node and PGlite (the server took 72 s at load 25).

const run = promisify(execFile);
const TSX = join('node_modules', '.bin', 'tsx');
const dataDir = mkdtempSync(join(tmpdir(), 'baton-cli-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function cli(...args: string[]): Promise<string[]> {
  const { stdout } = await run(TSX, ['server/main.ts', ...args, '--data', dataDir]);
  return stdout.trim().split('\n');
}

it('invites through the running server, then lists and revokes with it stopped', async () => {
  const server = spawn(TSX, ['server/main.ts', '--port', '0', '--quiet', '--data', dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const address = await new Promise<string>((resolve, reject) => {
      let output = '';
      server.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /Baton team server on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
        if (match) resolve(match[1]!);
      });
      server.once('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)));
    });

    const code = (await cli('invite', 'rep@x.test', '--role', 'member')).at(-1)!;
    expect(code).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const redeemed = await fetch(`${address}/v1/redeem`, { method: 'POST', body: JSON.stringify({ code }) });
    expect(await redeemed.json()).toMatchObject({ member: { email: 'rep@x.test', role: 'member', team: 'default' } });
  } finally {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGINT');
    await exited;
  }

  expect(await cli('list')).toEqual([expect.stringMatching(/^rep@x\.test\tmember\tactive\t/)]);
  expect(await cli('revoke', 'rep@x.test')).toEqual(['Revoked rep@x.test: their next request is refused.']);
  expect(await cli('list')).toEqual([expect.stringMatching(/^rep@x\.test\tmember\trevoked\t/)]);
  await expect(cli('invite', 'not-an-email', '--role', 'member')).rejects.toThrow(/email/);
}, 300_000);
