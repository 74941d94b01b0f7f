import type { RecordRef } from '../../lib/record';
import type { BatonDb } from '../storage/db';
import { teamConnection } from '../storage/team-connection';
import { applyPulled } from './apply';
import { setSyncPhase, syncPhase } from './link';
import { followLive } from './live';
import { pullAll, pullCursor } from './pull';
import { pushOutbox } from './push';
import { TeamServerError } from './team-request';

/** A change goes out this long after the last keystroke: one push per typing pause, well inside 2 s. */
export const PUSH_DEBOUNCE_MS = 150;
/** Retries while the server is down: 1 s, 2 s, 4 s … up to a minute. */
const RETRY_MS = { first: 1_000, max: 60_000 };
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
 * The worker's sync: one cycle at a time (push what waits, then pull), retried with backoff
 * while the server is unreachable, stopped by a revoked token. Everything it needs to resume
 * (outbox, cursor) is in IndexedDB, so a restarted worker simply runs a cycle.
 */
export function startSyncLoop(db: BatonDb, onTouched: (refs: RecordRef[]) => Promise<void>): SyncLoop {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = false;
  let again = false;
  let failures = 0;
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
      await pushOutbox(db, connection);
      await onTouched(await pullAll(db, connection));
      failures = 0;
      await setSyncPhase(db, 'synced');
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
    failures += 1;
    await setSyncPhase(db, 'offline', message);
    schedule(Math.min(RETRY_MS.max, RETRY_MS.first * 2 ** (failures - 1)));
    return true;
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
          await new Promise((resolve) => setTimeout(resolve, RETRY_MS.first * Math.min(failures, 10)));
          continue;
        }
        // A stream that ends at once (a proxy cutting it) must not become a busy loop.
        if (Date.now() - opened < RETRY_MS.first) await new Promise((resolve) => setTimeout(resolve, RETRY_MS.first));
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
