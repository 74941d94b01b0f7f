import type { Gauge } from 'prom-client';
import type { Sql } from '../storage/sql';
import { serverMetrics, type ServerMetrics } from './metrics';

/**
 * The same database, counting what is under way: the pool's use, as gauges. Wraps either
 * driver, so the embedded database and PostgreSQL are watched alike.
 */
export function measuredSql(sql: Sql, poolSize: number, metrics: ServerMetrics = serverMetrics): Sql {
  metrics.dbPoolSize.set(poolSize);
  return {
    ...sql,
    ...measuredStatements(sql, metrics),
    transaction: (work) => underWay(metrics.dbTransactionsInFlight, sql.transaction((tx) => work({ ...tx, ...measuredStatements(tx, metrics) }))),
  };
}

function measuredStatements(sql: Sql, metrics: ServerMetrics): Pick<Sql, 'query' | 'exec'> {
  return {
    query: (text, params) => underWay(metrics.dbStatementsInFlight, sql.query(text, params)),
    exec: (text) => underWay(metrics.dbStatementsInFlight, sql.exec(text)),
  };
}

/** Counts `work` while it runs. The count's own promise never goes unhandled: a transaction's
 * writes may be left unawaited (sql.ts), and their failure is reported by the transaction. */
function underWay<T>(gauge: Gauge, work: Promise<T>): Promise<T> {
  gauge.inc();
  const counted = work.finally(() => gauge.dec());
  counted.catch(() => undefined);
  return counted;
}
