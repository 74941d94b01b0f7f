// How long the worker waits before trying the team server again after a failed sync. Doubling
// keeps a struggling server from being hammered by every device at once; the jitter keeps devices
// that failed together (a server restart) from all coming back in the same second; the cap keeps
// a long outage from turning into hours of silence once the server is back.

/** 1 s after the first failure, doubling, never more than 5 minutes. */
export const RETRY_MS = { first: 1_000, max: 5 * 60_000 } as const;

/**
 * The wait after `failures` failures in a row (1 or more): a random point in the upper half of the
 * doubled step ("equal jitter"), so the wait still grows with every failure. `random` is in [0, 1).
 */
export function retryDelay(failures: number, random: () => number = Math.random): number {
  const step = Math.min(RETRY_MS.max, RETRY_MS.first * 2 ** Math.max(0, failures - 1));
  return Math.round(step / 2 + (random() * step) / 2);
}
