import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { requestId } from 'hono/request-id';
import type { AppEnv, ServerOptions } from './http/app-env';
import { DATABASE_AWAY_RETRY_AFTER_S, databaseAway } from './http/database-away';
import { originAllowed } from './http/origins';
import { RateLimiter } from './http/rate-limit';
import { RequestError } from './http/request-error';
import { silentLogger } from './observability/logger';
import { requestLog } from './observability/request-log';
import { accountRoutes } from './routes/account';
import { adminRoutes } from './routes/admin';
import { syncRoutes } from './routes/sync';
import { teamRoutes } from './routes/team';

/** Longest X-Request-Id taken from a client (a UUID is 36). */
export const MAX_REQUEST_ID_LENGTH = 64;

/** Largest request body: a push of many long fields is sent in turns instead. */
export const MAX_BODY_BYTES = 1024 * 1024;

export function createApp(options: ServerOptions): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const limiter = new RateLimiter(options.requestsPerMinute);

  // An id the client chose is kept only if short and plain (letters, digits, "-", "_", "="):
  // anything else could forge or flood log lines, and gets a fresh one.
  app.use(requestId({ limitLength: MAX_REQUEST_ID_LENGTH }));
  app.use(requestLog(options.logger ?? silentLogger));
  app.use(async (c, next) => {
    const origin = c.req.header('origin');
    if (origin !== undefined && !originAllowed(origin, options.allowedOrigins)) throw new RequestError(403, `origin ${origin} is not allowed`);
    await next();
  });
  app.use(cors({ origin: (origin) => origin, allowHeaders: ['Authorization', 'Content-Type'], allowMethods: ['GET', 'POST', 'PUT'], maxAge: 600 }));
  app.use(
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw new RequestError(413, `the request body is larger than ${MAX_BODY_BYTES / 1024} KB; push fewer changes at a time`);
      },
    }),
  );

  // /health: this process answers (no database). /ready: it can serve now; a load balancer
  // sends requests only to ready processes (not while the database is away or it drains).
  app.get('/health', (c) => c.json({ ok: true }));
  app.get('/ready', async (c) => {
    if (options.lifecycle?.draining) return c.json({ ready: false, reason: 'stopping' }, 503);
    return (await options.store.ready()) ? c.json({ ready: true }) : c.json({ ready: false, reason: 'the database does not answer' }, 503);
  });
  app.route('/v1', accountRoutes(options, limiter));
  app.route('/v1', syncRoutes(options, limiter));
  app.route('/v1/team', teamRoutes(options, limiter));
  app.route('/v1', adminRoutes(options, limiter));

  app.notFound((c) => c.json({ error: `no route ${c.req.method} ${c.req.path}` }, 404));
  app.onError((error, c) => {
    if (error instanceof RequestError) return c.json({ error: error.message, ...(error.issues ? { issues: error.issues } : {}) }, error.status);
    if (databaseAway(error)) {
      c.header('Retry-After', String(DATABASE_AWAY_RETRY_AFTER_S));
      return c.json({ error: "the team server's database does not answer; nothing was written, try again shortly" }, 503);
    }
    // Logged, with the request's id, by requestLog (it sees the error as c.error).
    return c.json({ error: 'the server failed; nothing was written' }, 500);
  });
  return app;
}
