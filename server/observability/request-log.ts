import type { Context, MiddlewareHandler } from 'hono';
import type { RequestIdVariables } from 'hono/request-id';
import { matchedRoutes } from 'hono/route';
import { RequestError } from '../http/request-error';
import type { Logger } from './logger';
import { serverMetrics, type ServerMetrics } from './metrics';

/**
 * One log line and one latency sample per request, after hono/request-id has given it an id:
 * the line carries the id, the client's X-Request-Id response header the same, so an operator
 * finds a person's failing request from what their browser shows.
 */
export function requestLog(logger: Logger, metrics: ServerMetrics = serverMetrics): MiddlewareHandler<{ Variables: RequestIdVariables }> {
  return async (c, next) => {
    const started = performance.now();
    await next();
    const seconds = (performance.now() - started) / 1000;
    const route = routePattern(c);
    metrics.requestSeconds.observe({ method: c.req.method, route, status: String(c.res.status) }, seconds);
    const line = { reqId: c.get('requestId'), method: c.req.method, route, status: c.res.status, ms: Math.round(seconds * 10_000) / 10 };
    // A refused request (4xx) is the client's business: its status says enough. A failure is
    // the server's: said with its kind, its message's quoted parts (a value) left out.
    if (c.error && !(c.error instanceof RequestError)) logger.error({ ...line, failure: describeFailure(c.error) }, 'request failed');
    else logger.info(line, 'request');
  };
}

/**
 * The pattern of the route that answered ('/v1/push'), not the path asked for: a path may hold
 * anything a client typed, and one label per path would grow without bound.
 */
function routePattern(c: Context): string {
  const handler = matchedRoutes(c).findLast((route) => route.method !== 'ALL');
  return handler?.path ?? 'unmatched';
}

/** PostgreSQL quotes the input it refused ('invalid input syntax for type json: "…"'): that could be a field's value. */
export function describeFailure(error: Error): { type: string; sqlState?: string; message: string } {
  const code = (error as { code?: unknown }).code;
  return {
    type: error.name,
    ...(typeof code === 'string' ? { sqlState: code } : {}),
    message: error.message.replace(/"[^"]*"|'[^']*'/g, '"…"'),
  };
}
