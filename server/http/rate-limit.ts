// Requests per key (a member, or an address before sign-in) per minute, counted in this
// process only: behind a load balancer with N processes a client gets up to N times the limit.
// The database is not asked, so a flood costs it nothing.

import { hashSecret } from '../secrets';

const WINDOW_MS = 60_000;
/** Above this many keys, windows that ended are dropped: the table cannot grow without bound. */
const PRUNE_ABOVE = 10_000;
/** Tokens remembered as signed in (see AdmittedTokens): enough for every device of a big team. */
const ADMITTED_TOKENS = 10_000;

export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();
  /** Which member each recently admitted token signed in as: limits come before the lookup. */
  readonly admitted = new AdmittedTokens(ADMITTED_TOKENS);

  constructor(private readonly perMinute: number) {}

  /** Counts one request; false when the key is over its limit (by default the member's) for this minute. */
  take(key: string, now: number, limit = this.perMinute): boolean {
    const start = windowStart(now);
    const window = this.windows.get(key);
    if (!window || window.start !== start) {
      if (this.windows.size >= PRUNE_ABOVE) this.prune(start);
      this.windows.set(key, { start, count: 1 });
      return 1 <= limit;
    }
    window.count += 1;
    return window.count <= limit;
  }

  /** True when the key has used up this minute's limit; counts nothing. */
  spent(key: string, now: number, limit = this.perMinute): boolean {
    const window = this.windows.get(key);
    return window !== undefined && window.start === windowStart(now) && window.count >= limit;
  }

  /** Whole seconds until every key's budget is full again (the Retry-After of a 429). */
  retryAfterSeconds(now: number): number {
    return Math.max(1, Math.ceil((windowStart(now) + WINDOW_MS - now) / 1000));
  }

  private prune(start: number): void {
    for (const [key, window] of this.windows) if (window.start !== start) this.windows.delete(key);
  }
}

function windowStart(now: number): number {
  return now - (now % WINDOW_MS);
}

/**
 * Token (hashed, so memory holds nothing that signs in) → the member it last signed in as. It
 * only ever refuses early: a member over their limit, or a flood of bad tokens from their
 * address, is answered before the database is asked; letting anyone in is still the database's
 * word. The oldest entry goes first when full.
 */
export class AdmittedTokens {
  private readonly members = new Map<string, number>();

  constructor(private readonly capacity: number) {}

  remember(token: string, memberId: number): void {
    const key = hashSecret(token);
    this.members.delete(key);
    if (this.members.size >= this.capacity) this.members.delete(this.members.keys().next().value!);
    this.members.set(key, memberId);
  }

  /** A token that no longer signs in (revoked) is held to its address's failures again. */
  forget(token: string): void {
    this.members.delete(hashSecret(token));
  }

  memberOf(token: string): number | undefined {
    return this.members.get(hashSecret(token));
  }
}
