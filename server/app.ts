import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import type { AppEnv, ServerOptions } from './http/app-env';
import { originAllowed } from './http/origins';
import { RateLimiter } from './http/rate-limit';
import { RequestError } from './http/request-error';
import { accountRoutes } from './routes/account';
import { adminRoutes } from './routes/admin';
import { syncRoutes } from './routes/sync';
import { teamRoutes } from './routes/team';

/** Largest request body: a push of many long fields is sent in turns instead. */
export const MAX_BODY_BYTES = 1024 * 1024;

export function createApp(options: ServerOptions): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const limiter = new RateLimiter(options.requestsPerMinute);

  app.use(async (c, next) => {
    const started = performance.now();
    await next();
    // Method, path and status only: tokens travel in a header, codes in bodies, neither is logged.
    options.log(`${c.req.method} ${c.req.path} ${c.res.status} ${(performance.now() - started).toFixed(1)}ms`);
  });
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

  app.get('/health', (c) => c.json({ ok: true }));
  app.route('/v1', accountRoutes(options, limiter));
  app.route('/v1', syncRoutes(options, limiter));
  app.route('/v1/team', teamRoutes(options, limiter));
  app.route('/v1', adminRoutes(options, limiter));

  app.notFound((c) => c.json({ error: `no route ${c.req.method} ${c.req.path}` }, 404));
  app.onError((error, c) => {
    if (error instanceof RequestError) return c.json({ error: error.message, ...(error.issues ? { issues: error.issues } : {}) }, error.status);
    options.log(`error on ${c.req.method} ${c.req.path}: ${error.message}`);
    return c.json({ error: 'the server failed; nothing was written' }, 500);
  });
  return app;
}
