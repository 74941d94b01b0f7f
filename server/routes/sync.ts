import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { PullQuerySchema, PushEnvelopeSchema } from '../../lib/sync/schemas';
import type { AppEnv, ServerOptions } from '../http/app-env';
import { admit, bearerToken, memberKey, refuseBeforeLookup, requireMember } from '../http/guards';
import { followTeam } from '../http/live-follow';
import { LiveStreams } from '../http/live-streams';
import type { RateLimiter } from '../http/rate-limit';
import { inPushOrder, parsePushChanges } from '../http/push-changes';
import { parseJsonBody, parseWith } from '../http/request-error';


export function syncRoutes(options: ServerOptions, limiter: RateLimiter): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const member = requireMember(options, limiter, 'sync');
  const liveStreams = new LiveStreams();

  routes.post('/push', member, async (c) => {
    const parsed = parsePushChanges((await parseJsonBody(c, PushEnvelopeSchema)).changes);
    const decided = parsed.changes.length > 0 ? await options.store.sync.push(c.get('caller'), parsed.changes.map(({ change }) => change), options.now()) : [];
    return c.json({ results: inPushOrder(parsed, decided) });
  });

  // Signs in and reads in one statement: pulls are half of all requests, and under load each
  // round trip to the database cost it more than the reading (npm run bench: 200 clients).
  // A refused caller is refused exactly as `member` refuses; the read is then dropped unseen.
  // Limits still come first: a member over budget, or a flooding address, is refused unread.
  routes.get('/pull', async (c) => {
    const token = bearerToken(c);
    refuseBeforeLookup(c, options, limiter, token);
    if (!PullQuerySchema.safeParse(c.req.query()).success) {
      // Who asks comes first, as on every route: a bad query from an unknown token is a 401.
      admit(c, options, limiter, 'sync', token, await options.store.members.callerByToken(token));
    }
    const { cursor, limit } = parseWith(PullQuerySchema, c.req.query(), 'query');
    const { caller, page } = await options.store.sync.pullFor(token, cursor, limit);
    admit(c, options, limiter, 'sync', token, caller);
    return c.json(page);
  });

  // Server-sent events while a panel or board is open. It sleeps until the database says the
  // team changed (in any server process), then reads the database, not this process's memory.
  // A member holds a few at once (http/live-streams.ts) and pays for them as they stay open.
  routes.get('/live', member, async (c) => {
    const { cursor } = parseWith(PullQuerySchema, c.req.query(), 'query');
    const { teamId, memberId } = c.get('caller');
    const held = liveStreams.enter(memberId);
    const follow = { store: options.store, limiter, now: options.now, memberKey: memberKey(memberId), teamId, token: c.get('token'), cursor, held, draining: () => options.lifecycle?.draining ?? false };
    return streamSSE(c, (stream) => followTeam(stream, follow));
  });
  return routes;
}
