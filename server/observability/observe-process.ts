import { createLogger, type Logger } from './logger';
import { collectProcessMetrics } from './metrics';
import { clusterMetrics, processMetrics, reportMetricsToPrimary, startMetricsServer } from './metrics-server';

/** What this process is in `--workers N`: the only one, the primary (no requests), or a worker. */
export type ProcessRole = 'single' | 'primary' | 'worker';

export interface ObserveOptions {
  role: ProcessRole;
  /** --quiet: warnings and failures only. */
  quiet: boolean;
  /** --metrics-port: GET /metrics there; none when undefined. */
  metricsPort?: number;
  metricsHost: string;
}

/**
 * Sets up where a server process's logs and metrics go; called once where it starts. The
 * metrics port is served by the one process, or by the primary for all its workers (summed).
 */
export async function observeProcess(options: ObserveOptions): Promise<{ logger: Logger; metricsPort?: number }> {
  const logger = createLogger({ level: options.quiet ? 'warn' : 'info' });
  if (options.role !== 'primary') collectProcessMetrics();
  if (options.role === 'worker') reportMetricsToPrimary();
  if (options.metricsPort === undefined || options.role === 'worker') return { logger };
  const source = options.role === 'primary' ? clusterMetrics() : processMetrics();
  const { port } = await startMetricsServer({ host: options.metricsHost, port: options.metricsPort, source });
  return { logger, metricsPort: port };
}
