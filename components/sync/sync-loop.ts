import type { RecordRef } from '../../lib/record';
import type { BatonDb } from '../storage/db';
import { teamConnection } from '../storage/team-connection';
import { applyPulled } from './apply';
import { setSyncPhase, syncPhase } from './link';
import { followLive } from './live';
import { pullCursor } from './pull';
import { recordSyncFailure } from './sync-backoff';
import { syncCycle } from './sync-cycle';
import { TeamServerError } from './team-request';

/** A change goes out this long after the last keystroke: one push per typing pause, well inside 2 s. */
export const PUSH_DEBOUNCE_MS = 150;
/** The live channel's reconnect pause, and the least time a stream must last to count as open. */
const LIVE_RETRY_MS = 1_000;
/** The live channel stays open this long after the last sign of an open panel or board. */
export const LIVE_LINGER_MS = 45_000;

export interface SyncLoop {
  /** A local change was queued: push it shortly. */
  pushSoon(): void;
  /** Push and pull now (an alarm, a panel or board opening, the worker starting). */
  syncNow(): void;
  /** A panel or board is open: keep the live channel up for a while longer. */
  keepLive(): void;
}

/**
 * The worker's sync: one cycle at a time (push what waits, then pull), retried with backoff and
 * jitter while the server is unreachable or failing (lib/sync/retry-delay.ts), stopped by a
 * revoked token. A failing push waits out its backoff while pulls and the live channel go on.
 * Everything it needs to resume (outbox, cursor, backoff) is in IndexedDB, so a restarted
 * worker simply runs a cycle.
 */
export function startSyncLoop(db: BatonDb, onTouched: (refs: RecordRef[]) => Promise<void>): SyncLoop {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = false;
  let again = false;
  let liveUntil = 0;
  let live: AbortController | undefined;

  const schedule = (delay: number) => {
    clearTimeout(timer);
    timer = setTimeout(() => void cycle(), delay);
  };

  async function cycle(): Promise<void> {
    if (running) return void (again = true);
    running = true;
    try {
      const connection = await teamConnection.get();
      // Revoked stays revoked until the person connects again (a new link resets the status).
      if (!connection || (await syncPhase(db)) === 'revoked') return;
      if ((await syncCycle(db, connection, onTouched)) === 'synced') await setSyncPhase(db, 'synced');
      else await scheduleRetry();
    } catch (error) {
      await failed(error);
    } finally {
      running = false;
      if (again) {
        again = false;
        schedule(0);
      }
    }
  }

  /** True when it is worth trying again. */
  async function failed(error: unknown): Promise<boolean> {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof TeamServerError && error.status === 401) {
      live?.abort();
      await setSyncPhase(db, 'revoked', message);
      return false;
    }
    schedule(Math.max(0, (await recordSyncFailure(db, error)) - Date.now()));
    return true;
  }

  /** A push deferred by its backoff: come back when it is due. */
  async function scheduleRetry(): Promise<void> {
    const status = await db.syncMeta.get('status');
    if (status?.key === 'status' && status.retryAt !== undefined) schedule(Math.max(0, status.retryAt - Date.now()));
  }

  async function follow(): Promise<void> {
    live = new AbortController();
    const { signal } = live;
    const stopAt = setInterval(() => Date.now() > liveUntil && live?.abort(), 5_000);
    try {
      while (!signal.aborted && Date.now() < liveUntil) {
        const connection = await teamConnection.get();
        if (!connection || (await syncPhase(db)) === 'revoked') return;
        const opened = Date.now();
        try {
          await followLive(connection, await pullCursor(db), async (page) => onTouched(await applyPulled(db, page.changes, page.cursor, connection.member.email)), signal);
        } catch (error) {
          if (!(await failed(error))) return;
          const status = await db.syncMeta.get('status');
          const wait = status?.key === 'status' && status.retryAt !== undefined ? status.retryAt - Date.now() : LIVE_RETRY_MS;
          await new Promise((resolve) => setTimeout(resolve, Math.max(LIVE_RETRY_MS, wait)));
          continue;
        }
        // A stream that ends at once (a proxy cutting it) must not become a busy loop.
        if (Date.now() - opened < LIVE_RETRY_MS) await new Promise((resolve) => setTimeout(resolve, LIVE_RETRY_MS));
      }
    } finally {
      clearInterval(stopAt);
      live = undefined;
    }
  }

  return {
    pushSoon: () => schedule(PUSH_DEBOUNCE_MS),
    syncNow: () => schedule(0),
    keepLive() {
      liveUntil = Date.now() + LIVE_LINGER_MS;
      if (!live) void follow();
    },
  };
}
