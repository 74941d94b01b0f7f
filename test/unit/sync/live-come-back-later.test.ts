// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TeamConnection } from '../../../lib/sync/connection';
import { followLive } from '../../../components/sync/live';

// The server ends a member's oldest live channel when they open one too many, or one that
// spent their request budget, and says when to come back (server/http/live-streams.ts). The
// worker must wait that long, or devices taking turns become a reconnect loop.

const connection = { server: 'https://baton.example.com', token: 't'.repeat(43), member: { email: 'rep@a.test', role: 'member', team: 'default' } } as unknown as TeamConnection;

function answer(response: () => Response): void {
  vi.stubGlobal('fetch', async () => response());
}

function events(text: string): Response {
  return new Response(text, { status: 200, headers: { 'content-type': 'text/event-stream' } });
}

async function timed(run: () => Promise<void>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the live channel told to come back later', () => {
  it.each(['superseded', 'limited'])('waits the seconds the server gave after "%s" before it ends', async (event) => {
    answer(() => events(`event: ${event}\ndata: {"retryAfter":1}\n\n`));
    const elapsed = await timed(() => followLive(connection, 0, async () => {}, new AbortController().signal));
    expect(elapsed).toBeGreaterThanOrEqual(950);
  });

  it('waits out a 429 for its Retry-After instead of failing (pulls still run on their alarm)', async () => {
    answer(() => new Response('{"error":"too many requests"}', { status: 429, headers: { 'retry-after': '1' } }));
    const elapsed = await timed(() => followLive(connection, 0, async () => {}, new AbortController().signal));
    expect(elapsed).toBeGreaterThanOrEqual(950);
  });

  it('stops waiting at once when the panels close (the signal aborts)', async () => {
    answer(() => events('event: superseded\ndata: {"retryAfter":30}\n\n'));
    const closed = new AbortController();
    setTimeout(() => closed.abort(), 100);
    const elapsed = await timed(() => followLive(connection, 0, async () => {}, closed.signal));
    expect(elapsed).toBeLessThan(1_000);
  });
});
