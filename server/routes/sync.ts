import { Hono } from 'hono';
import { streamSSE, type SSEStreamingApi } from 'hono/streaming';
import { MAX_PULL_LIMIT, PullQuerySchema, PushEnvelopeSchema } from '../../lib/sync/schemas';
import type { AppEnv, ServerOptions } from '../http/app-env';
import { admit, bearerToken, memberKey, refuseBeforeLookup, requireMember } from '../http/guards';
import { LiveStreams, SUPERSEDED_RETRY_AFTER_S } from '../http/live-streams';
import type { RateLimiter } from '../http/rate-limit';
import { inPushOrder, parsePushChanges } from '../http/push-changes';
import { parseJsonBody, parseWith } from '../http/request-error';

/** How often an open live channel looks for others' changes: well inside the 2 s budget. */
export const LIVE_POLL_MS = 500;
/** A live channel ends after this long; the client opens a new one (bounded work per request). */
export const LIVE_MAX_MS = 10 * 60_000;
/**
 * An open live channel takes one request from its member's budget this often: what a client
 * pulling often enough for the 2 s budget would spend (30 a minute; 4 streams, 120 of 600).
 */
export const LIVE_CHARGE_MS = 2_000;

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

  // Server-sent events while a panel or board is open. It reads the database, not this
  // process's memory, so a change pushed through any server process reaches it. A member holds
  // a few at once (http/live-streams.ts) and pays for them from their budget as they stay open.
  routes.get('/live', member, async (c) => {
    let { cursor } = parseWith(PullQuerySchema, c.req.query(), 'query');
    const { teamId, memberId } = c.get('caller');
    const token = c.get('token');
    const held = liveStreams.enter(memberId);
    return streamSSE(c, async (stream) => {
      try {
        const until = Date.now() + LIVE_MAX_MS;
        let chargedAt = Date.now();
        while (!stream.aborted && Date.now() < until) {
          if (held.superseded) return await comeBackLater(stream, 'superseded', SUPERSEDED_RETRY_AFTER_S);
          if (Date.now() - chargedAt >= LIVE_CHARGE_MS) {
            chargedAt = Date.now();
            if (!limiter.take(memberKey(memberId), options.now())) return await comeBackLater(stream, 'limited', limiter.retryAfterSeconds(options.now()));
          }
          if (!(await options.store.members.callerByToken(token))) {
            await stream.writeSSE({ event: 'revoked', data: '{}' });
            return;
          }
          // Given the token, the server notes what this device has been handed (a conflict is
          // judged from it, see lib/sync/field-merge.ts).
          const page = await options.store.sync.pull(teamId, cursor, MAX_PULL_LIMIT, token);
          if (page.changes.length > 0) {
            await stream.writeSSE({ event: 'changes', id: String(page.cursor), data: JSON.stringify(page) });
            cursor = page.cursor;
          }
          if (!page.more) await stream.sleep(LIVE_POLL_MS);
        }
      } finally {
        held.leave();
      }
    });
  });
  return routes;
}

/** Ends a live stream telling its client why and after how many seconds to open another. */
async function comeBackLater(stream: SSEStreamingApi, event: 'superseded' | 'limited', retryAfter: number): Promise<void> {
  await stream.writeSSE({ event, data: JSON.stringify({ retryAfter }) });
}
