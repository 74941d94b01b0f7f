import type { Change, HandoffKey } from './schemas';

// What the extension keeps in IndexedDB for team sync (components/storage/db.ts, version 3).

/** A local change not yet acknowledged by the server, queued in the same transaction as the change. */
export interface OutboxEntry {
  /** Queue order: changes go out in the order they were made. */
  order?: number;
  id: string;
  change: Change;
  queuedAt: number;
  /** Set as a push including it starts: from then on it is never amended (the server may hold it). */
  pushedAt?: number;
  /** The server refused it (4xx or a refused result): kept, shown, never silently dropped. */
  refused?: { reason: string; at: number };
}

/** offline: the server cannot be reached; failing: it answers, but with an error (5xx, 429): retried with backoff. */
export const SYNC_PHASES = ['synced', 'syncing', 'offline', 'failing', 'revoked'] as const;
export type SyncPhase = (typeof SYNC_PHASES)[number];

export type SyncMeta =
  /** Mirrors the connection inside IndexedDB, so a local change decides in its own transaction whether to queue. */
  | { key: 'link'; server: string; email: string }
  /** The last server sequence pulled: the next pull starts after it. */
  | { key: 'cursor'; cursor: number }
  | {
      key: 'status';
      phase: SyncPhase;
      message?: string;
      at: number;
      /** After a failed sync (offline, failing): failures in a row, and when the outbox is next pushed. Pulls go on meanwhile. */
      failures?: number;
      retryAt?: number;
    };

/** The server sequence of the value this client last saw for one field: a push's baseSeq. */
export interface FieldSeq {
  host: HandoffKey['host'];
  objectType: string;
  recordId: string;
  templateId: string;
  field: string;
  seq: number;
}

/** A brief a teammate sent, as the server relayed it, found by the records it links to. */
export interface SyncedBrief {
  /** The change id: a brief pulled twice is kept once. */
  id: string;
  handoff: HandoffKey;
  brief: string;
  by: string;
  serverAt: number;
  /** recordLabel() of the handoff's own record and of every record its values link to. */
  linked: string[];
}
