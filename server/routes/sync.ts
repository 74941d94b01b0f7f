import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { MAX_PULL_LIMIT, PullQuerySchema, PushRequestSchema } from '../../lib/sync/schemas';
import type { AppEnv, ServerOptions } from '../http/app-env';
import { admit, bearerToken, requireMember } from '../http/guards';
import type { RateLimiter } from '../http/rate-limit';
import { parseJsonBody, parseWith } from '../http/request-error';

/** How often an open live channel looks for others' changes: well inside the 2 s budget. */
export const LIVE_POLL_MS = 500;
/** A live channel ends after this long; the client opens a new one (bounded work per request). */
export const LIVE_MAX_MS = 10 * 60_000;

export function syncRoutes(options: ServerOptions, limiter: RateLimiter): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const member = requireMember(options, limiter, 'sync');

  routes.post('/push', member, async (c) => {
    const { changes } = await parseJsonBody(c, PushRequestSchema);
    return c.json({ results: await options.store.sync.push(c.get('caller'), changes, options.now()) });
  });

  // Signs in and reads in one statement: pulls are half of all requests, and under load each
  // round trip to the database cost it more than the reading (npm run bench: 200 clients).
  // A refused caller is refused exactly as `member` refuses; the read is then dropped unseen.
  routes.get('/pull', async (c) => {
    const token = bearerToken(c);
    if (!PullQuerySchema.safeParse(c.req.query()).success) {
      // Who asks comes first, as on every route: a bad query from an unknown token is a 401.
      admit(c, options, limiter, 'sync', token, await options.store.members.callerByToken(token));
    }
    const { cursor, limit } = parseWith(PullQuerySchema, c.req.query(), 'query');
    const { caller, page } = await options.store.sync.pullFor(token, cursor, limit);
    admit(c, options, limiter, 'sync', token, caller);
    return c.json(page);
  });

  // Server-sent events while a panel or board is open. It reads the database, not this
  // process's memory, so a change pushed through any server process reaches it.
  routes.get('/live', member, async (c) => {
    let { cursor } = parseWith(PullQuerySchema, c.req.query(), 'query');
    const { teamId } = c.get('caller');
    const token = c.get('token');
    return streamSSE(c, async (stream) => {
      const until = Date.now() + LIVE_MAX_MS;
      while (!stream.aborted && Date.now() < until) {
        if (!(await options.store.members.callerByToken(token))) {
          await stream.writeSSE({ event: 'revoked', data: '{}' });
          return;
        }
        const page = await options.store.sync.pull(teamId, cursor, MAX_PULL_LIMIT);
        if (page.changes.length > 0) {
          await stream.writeSSE({ event: 'changes', id: String(page.cursor), data: JSON.stringify(page) });
          cursor = page.cursor;
        }
        if (!page.more) await stream.sleep(LIVE_POLL_MS);
      }
    });
  });
  return routes;
}
