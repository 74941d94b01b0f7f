import type { SSEStreamingApi } from 'hono/streaming';
import { MAX_PULL_LIMIT } from '../../lib/sync/schemas';
import { hashSecret } from '../secrets';
import type { PokeKind, PokeListener } from '../storage/team-pokes';
import type { Store } from '../storage/store';
import type { LiveStream } from './live-streams';
import { SUPERSEDED_RETRY_AFTER_S } from './live-streams';
import type { RateLimiter } from './rate-limit';

// One open live stream: it sends the team's changes after the client's cursor, then sleeps until
// a poke says the team changed (team-pokes.ts). While nothing changes it does no database work
// at all; its timers only charge its member's budget and keep proxies from closing it.

/** A live channel ends after this long; the client opens a new one (bounded work per request). */
export const LIVE_MAX_MS = 10 * 60_000;
/**
 * An open live channel takes one request from its member's budget this often: what a client
 * pulling often enough for the 2 s budget would spend (30 a minute; 4 streams, 120 of 600).
 */
export const LIVE_CHARGE_MS = 2_000;
/** A comment line this often on an idle stream: proxies close a silent connection (often at 60 s). */
export const HEARTBEAT_MS = 25_000;
/** How long a stream that should end may stay blocked on a client that does not read. */
const STUCK_GRACE_MS = 2_000;
/** A stream told to go by a stopping server comes back after this long, to another process. */
export const DRAINING_RETRY_AFTER_S = 1;

export interface FollowTeam {
  store: Store;
  limiter: RateLimiter;
  now: () => number;
  memberKey: string;
  teamId: number;
  token: string;
  cursor: number;
  held: LiveStream;
  /** True once this server process is stopping (SIGTERM). */
  draining: () => boolean;
}

export async function followTeam(stream: SSEStreamingApi, follow: FollowTeam): Promise<void> {
  const { store, teamId, token, held } = follow;
  // The first turn checks the member is still in (a revocation between sign-in and listening
  // would be missed otherwise) and catches up from the client's cursor.
  const pending = new Set<PokeKind>(['members', 'changes']);
  let wake: (() => void) | undefined;
  const listener: PokeListener = {
    teamId,
    tokenHash: hashSecret(token),
    cursor: follow.cursor,
    poke(kind) {
      pending.add(kind);
      wake?.();
    },
  };
  // A client that stops reading blocks a write: a stream that should end is cut after a grace.
  const stuck: NodeJS.Timeout[] = [];
  const cutAfter = (ms: number) => stuck.push(setTimeout(() => void stream.abort(), ms));
  held.onSuperseded(() => {
    wake?.();
    cutAfter(STUCK_GRACE_MS);
  });
  stream.onAbort(() => wake?.());
  const until = Date.now() + LIVE_MAX_MS;
  cutAfter(LIVE_MAX_MS + STUCK_GRACE_MS);
  let chargedAt = Date.now();
  let wroteAt = Date.now();
  let remove = () => {};
  try {
    await store.pokes.start();
    remove = store.pokes.add(listener);
    while (!stream.aborted && Date.now() < until) {
      if (follow.draining()) {
        cutAfter(STUCK_GRACE_MS);
        return await comeBackLater(stream, 'draining', DRAINING_RETRY_AFTER_S);
      }
      if (held.superseded) return await comeBackLater(stream, 'superseded', SUPERSEDED_RETRY_AFTER_S);
      if (Date.now() - chargedAt >= LIVE_CHARGE_MS) {
        chargedAt = Date.now();
        if (!follow.limiter.take(follow.memberKey, follow.now())) return await comeBackLater(stream, 'limited', follow.limiter.retryAfterSeconds(follow.now()));
      }
      if (pending.delete('members') && !(await store.members.callerByToken(token))) {
        await stream.writeSSE({ event: 'revoked', data: '{}' });
        return;
      }
      if (pending.delete('changes')) {
        for (let more = true; more && !stream.aborted; ) {
          // Given the token, the server notes what this device has been handed (a conflict is
          // judged from it, see lib/sync/field-merge.ts).
          const page = await store.sync.pull(teamId, listener.cursor, MAX_PULL_LIMIT, token);
          if (page.changes.length > 0) {
            await stream.writeSSE({ event: 'changes', id: String(page.cursor), data: JSON.stringify(page) });
            listener.cursor = page.cursor;
            wroteAt = Date.now();
          }
          more = page.more;
        }
      }
      if (Date.now() - wroteAt >= HEARTBEAT_MS) {
        await stream.write(': still here\n\n');
        wroteAt = Date.now();
      }
      if (pending.size > 0) continue;
      const sleep = Math.max(0, Math.min(LIVE_CHARGE_MS - (Date.now() - chargedAt), until - Date.now()));
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, sleep);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = undefined;
    }
  } finally {
    for (const timer of stuck) clearTimeout(timer);
    remove();
    held.leave();
  }
}

/** Ends a live stream telling its client why and after how many seconds to open another. */
async function comeBackLater(stream: SSEStreamingApi, event: 'superseded' | 'limited' | 'draining', retryAfter: number): Promise<void> {
  await stream.writeSSE({ event, data: JSON.stringify({ retryAfter }) });
}
