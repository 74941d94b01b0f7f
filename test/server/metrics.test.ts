import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import { LiveStreams, MAX_LIVE_STREAMS_PER_MEMBER } from '../../server/http/live-streams';
import { DEFAULT_ALLOWED_ORIGINS } from '../../server/http/origins';
import { measuredSql } from '../../server/observability/measured-sql';
import { createServerMetrics, serverMetrics } from '../../server/observability/metrics';
import { processMetrics, startMetricsServer } from '../../server/observability/metrics-server';
import { migrate } from '../../server/storage/migrate';
import type { Sql } from '../../server/storage/sql';
import { openSql, storeOver } from '../../server/storage/store';
import { BACKENDS, fieldChange, freshLocation, START } from './harness';

// What an operator's Prometheus reads, from a port of its own (issue 24, Operable).

let metricsPort: number;
let closeMetrics: () => Promise<void>;
beforeAll(async () => {
  const started = await startMetricsServer({ host: '127.0.0.1', port: 0, source: processMetrics() });
  metricsPort = started.port;
  closeMetrics = started.close;
});
afterAll(() => closeMetrics());

/** The scraped page, as Prometheus reads it: one number per series. */
async function scrape(): Promise<Map<string, number>> {
  const response = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  const series = new Map<string, number>();
  for (const line of (await response.text()).split('\n')) {
    const match = /^(\S+(?:\{[^}]*\})?) (\S+)$/.exec(line);
    if (match) series.set(match[1]!, Number(match[2]));
  }
  return series;
}

describe.each(BACKENDS)('metrics on %s', (backend) => {
  let sql: Sql;
  beforeAll(async () => {
    sql = await openSql(await freshLocation(backend));
    await migrate(sql);
  });
  afterAll(() => sql.close());

  it('times requests by route pattern, and counts the changes in each push', async () => {
    const store = storeOver(sql);
    const app = createApp({ store, allowedOrigins: [...DEFAULT_ALLOWED_ORIGINS], now: () => START, log: () => {}, requestsPerMinute: 10_000 });
    const { code } = await store.members.invite(await store.members.teamId('team-a', START), 'rep@a.test', 'member', START);
    const { token } = (await store.members.redeem(code, START))!;
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const before = await scrape();

    const batches = [[fieldChange('a')], [fieldChange('b', { fieldId: 'risks' }), fieldChange('c', { fieldId: 'next' }), fieldChange('d', { fieldId: 'notes' })]];
    for (const changes of batches) expect((await app.request('/v1/push', { method: 'POST', headers, body: JSON.stringify({ changes }) })).status).toBe(200);
    for (const cursor of [0, 1, 2]) expect((await app.request(`/v1/pull?cursor=${cursor}`, { headers })).status).toBe(200);
    expect((await app.request('/v1/no/such/route/for-rep@a.test')).status).toBe(404);

    const after = await scrape();
    const grew = (name: string) => (after.get(name) ?? 0) - (before.get(name) ?? 0);
    expect(grew('baton_http_request_duration_seconds_count{method="POST",route="/v1/push",status="200"}')).toBe(2);
    expect(grew('baton_http_request_duration_seconds_count{method="GET",route="/v1/pull",status="200"}')).toBe(3);
    expect(grew('baton_http_request_duration_seconds_count{method="GET",route="unmatched",status="404"}')).toBe(1);
    // The raw path never becomes a label: no cursor, no address, no one series per path.
    expect([...after.keys()].filter((name) => /cursor|rep@a|no\/such/.test(name))).toEqual([]);
    expect(grew('baton_push_batch_changes_count')).toBe(2);
    expect(grew('baton_push_batch_changes_sum')).toBe(4);
    expect(grew('baton_push_batch_changes_bucket{le="1"}')).toBe(1);
  });

  it('counts the statements and transactions under way: the pool’s use', async () => {
    const metrics = createServerMetrics();
    const measured = measuredSql(sql, 5, metrics);
    const value = async (gauge: 'dbStatementsInFlight' | 'dbTransactionsInFlight' | 'dbPoolSize') => (await metrics[gauge].get()).values[0]?.value ?? 0;

    // Read as soon as sent: PGlite runs a statement on this thread, so no timer fires during one.
    const slow = measured.query('SELECT pg_sleep(0.3)');
    expect(await value('dbStatementsInFlight')).toBe(1);
    await slow;
    expect(await value('dbStatementsInFlight')).toBe(0);

    let inside = { statements: -1, transactions: -1 };
    await measured.transaction(async (tx) => {
      const sleeping = tx.query('SELECT pg_sleep(0.2)');
      inside = { statements: await value('dbStatementsInFlight'), transactions: await value('dbTransactionsInFlight') };
      await sleeping;
    });
    expect(inside).toEqual({ statements: 1, transactions: 1 });
    expect([await value('dbStatementsInFlight'), await value('dbTransactionsInFlight'), await value('dbPoolSize')]).toEqual([0, 0, 5]);

    await expect(measured.query('SELECT * FROM no_such_table')).rejects.toThrow(/no_such_table/);
    expect(await value('dbStatementsInFlight')).toBe(0);
  });
});

describe('open live streams', () => {
  it('counts each stream from open to close, a superseded one until it has left', async () => {
    const base = (await scrape()).get('baton_live_streams_open') ?? 0;
    const streams = new LiveStreams();
    const held = Array.from({ length: MAX_LIVE_STREAMS_PER_MEMBER + 1 }, () => streams.enter(7));
    expect(held[0]!.superseded).toBe(true);
    expect((await scrape()).get('baton_live_streams_open')).toBe(base + MAX_LIVE_STREAMS_PER_MEMBER + 1);
    for (const stream of held) stream.leave();
    held[0]!.leave();
    expect((await scrape()).get('baton_live_streams_open')).toBe(base);
  });

  it('the pokes counter is there for the live channel to count into', async () => {
    serverMetrics.pokes.inc();
    expect((await scrape()).get('baton_pokes_total')).toBeGreaterThanOrEqual(1);
  });
});

it('the extension’s port does not serve the metrics', async () => {
  const store = storeOver(await openSql({ kind: 'pglite' }));
  const app = createApp({ store, allowedOrigins: [...DEFAULT_ALLOWED_ORIGINS], now: () => START, log: () => {}, requestsPerMinute: 10 });
  expect((await app.request('/metrics')).status).toBe(404);
  await store.close();
});
