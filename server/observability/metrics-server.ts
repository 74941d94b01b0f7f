import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import type { AddressInfo } from 'node:net';
import { AggregatorRegistry } from 'prom-client';
import { serverMetrics, type ServerMetrics } from './metrics';

// GET /metrics is served on a port of its own (--metrics-port, on 127.0.0.1 unless
// --metrics-host says otherwise), never on the port the extension reaches: a metrics port is
// left out of the load balancer and the firewall's openings, so only the operator's network
// sees it, and no secret has to be handed to Prometheus or kept out of proxy logs (a token
// would). Off unless asked for.

export interface MetricsSource {
  contentType: string;
  collect(): Promise<string>;
}

/** This process's own metrics: a server running as one process. */
export function processMetrics(metrics: ServerMetrics = serverMetrics): MetricsSource {
  return { contentType: metrics.registry.contentType, collect: () => metrics.registry.metrics() };
}

/**
 * Every worker's metrics, summed (gauges and counters) and merged (histograms), asked for over
 * the cluster's IPC: served by the primary of `--workers N`. Each worker calls
 * reportMetricsToPrimary() when it starts.
 */
export function clusterMetrics(): MetricsSource {
  const aggregator = new AggregatorRegistry();
  return { contentType: aggregator.contentType, collect: () => aggregator.clusterMetrics() };
}

/** In a cluster worker: answer the primary's requests for this process's metrics. */
export function reportMetricsToPrimary(metrics: ServerMetrics = serverMetrics): void {
  AggregatorRegistry.setRegistries([metrics.registry]);
  // prom-client starts answering the primary when an AggregatorRegistry is made in the worker.
  new AggregatorRegistry();
}

export async function startMetricsServer(options: { host: string; port: number; source: MetricsSource }): Promise<{ port: number; close(): Promise<void> }> {
  const app = new Hono();
  app.get('/metrics', async (c) => c.body(await options.source.collect(), 200, { 'content-type': options.source.contentType }));
  app.notFound((c) => c.text('only GET /metrics here\n', 404));
  const server = await new Promise<ServerType>((resolve, reject) => {
    const started = serve({ fetch: app.fetch, hostname: options.host, port: options.port }, () => resolve(started));
    started.once('error', reject);
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
