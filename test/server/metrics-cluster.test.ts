import { execFile, spawn } from 'node:child_process';
import { request } from 'node:http';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { fieldChange, freshLocation } from './harness';

// With --workers N, Prometheus scrapes one address: the primary asks every worker for its
// metrics and serves their sum (prom-client's AggregatorRegistry), so no process's requests
// are missed whichever worker took them.

const run = promisify(execFile);
const TSX = join('node_modules', '.bin', 'tsx');

/** One request on a connection of its own: the cluster hands each new connection to the next worker. */
function post(url: string, token: string, body: unknown): Promise<number> {
  return new Promise((resolve, reject) => {
    const sent = request(url, { method: 'POST', agent: false, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    sent.on('error', reject);
    sent.end(JSON.stringify(body));
  });
}

it('the primary serves every worker’s requests, summed', async () => {
  const location = await freshLocation('postgres');
  if (location.kind !== 'postgres') throw new Error('expected PostgreSQL');
  const env = { ...process.env, DATABASE_URL: location.url };
  const server = spawn(TSX, ['server/main.ts', '--workers', '2', '--port', '0', '--metrics-port', '0', '--quiet'], { stdio: ['ignore', 'pipe', 'inherit'], env });
  try {
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
    const { stdout } = await run(TSX, ['server/main.ts', 'invite', 'rep@x.test', '--role', 'member'], { env });
    const code = stdout.trim().split('\n').at(-1)!;
    const { token } = (await (await fetch(`${address}/v1/redeem`, { method: 'POST', body: JSON.stringify({ code }) })).json()) as { token: string };

    const pushes = 12;
    for (let index = 0; index < pushes; index += 1) {
      expect(await post(`${address}/v1/push`, token, { changes: [fieldChange(`value ${index}`, { fieldId: `field-${index}` })] })).toBe(200);
    }
    const page = await (await fetch(metrics)).text();
    expect(page).toMatch(new RegExp(`^baton_http_request_duration_seconds_count\\{method="POST",route="/v1/push",status="200"\\} ${pushes}$`, 'm'));
    expect(page).toMatch(new RegExp(`^baton_push_batch_changes_count ${pushes}$`, 'm'));
  } finally {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }
}, 180_000);
