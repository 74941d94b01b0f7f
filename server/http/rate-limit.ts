// Requests per key (a member, or an address before sign-in) per minute, counted in this
// process only: behind a load balancer with N processes a client gets up to N times the limit.
// The database is not asked, so a flood costs it nothing.

const WINDOW_MS = 60_000;
/** Above this many keys, windows that ended are dropped: the table cannot grow without bound. */
const PRUNE_ABOVE = 10_000;

export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(private readonly perMinute: number) {}

  /** Counts one request; false when the key is over its limit for this minute. */
  take(key: string, now: number): boolean {
    const start = now - (now % WINDOW_MS);
    const window = this.windows.get(key);
    if (!window || window.start !== start) {
      if (this.windows.size >= PRUNE_ABOVE) this.prune(start);
      this.windows.set(key, { start, count: 1 });
      return true;
    }
    window.count += 1;
    return window.count <= this.perMinute;
  }

  private prune(start: number): void {
    for (const [key, window] of this.windows) if (window.start !== start) this.windows.delete(key);
  }
}
