import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { MAX_PUSH_CHANGES } from '../../lib/sync/schemas';

// What an operator watches, in Prometheus's format (GET /metrics on the metrics port, see
// metrics-server.ts). One registry per process: with several worker processes the primary asks
// each for its own and serves the sum (prom-client's AggregatorRegistry).

export type ServerMetrics = ReturnType<typeof createServerMetrics>;

export function createServerMetrics() {
  const registry = new Registry();
  return {
    registry,
    /** By route pattern ('/v1/push'), never the raw path: one series per route, and no ids in labels. */
    requestSeconds: new Histogram({
      name: 'baton_http_request_duration_seconds',
      help: 'Time from a request to its response headers (a live stream: until it opens), by method, route pattern and status',
      labelNames: ['method', 'route', 'status'] as const,
      // The push budget is p95 ≤ 50 ms: buckets are finest around it.
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10],
      registers: [registry],
    }),
    liveStreams: new Gauge({ name: 'baton_live_streams_open', help: 'Live streams (GET /v1/live) open in this process', registers: [registry] }),
    pokes: new Counter({ name: 'baton_pokes_total', help: "Pokes heard: a team's change waking its live streams", registers: [registry] }),
    pushBatchSize: new Histogram({
      name: 'baton_push_batch_changes',
      help: 'Changes per push request',
      buckets: [1, 2, 5, 10, 20, 50, 100, MAX_PUSH_CHANGES],
      registers: [registry],
    }),
    // postgres.js does not say how many of its pool's connections are busy; statements and
    // transactions under way are what take them (a transaction holds one throughout).
    dbStatementsInFlight: new Gauge({ name: 'baton_db_statements_in_flight', help: 'Database statements sent and not yet answered', registers: [registry] }),
    dbTransactionsInFlight: new Gauge({ name: 'baton_db_transactions_in_flight', help: 'Database transactions open (each holds a pool connection)', registers: [registry] }),
    dbPoolSize: new Gauge({ name: 'baton_db_pool_connections_max', help: 'Connections the pool may open to PostgreSQL (1 for the embedded database)', registers: [registry] }),
  };
}

/** This process's metrics: the modules that count call it, main.ts serves its registry. */
export const serverMetrics = createServerMetrics();

/** Memory, CPU, event-loop delay and the like; called once where a server process starts. */
export function collectProcessMetrics(metrics: ServerMetrics = serverMetrics): void {
  collectDefaultMetrics({ register: metrics.registry, prefix: 'baton_' });
}
