import type { SyncPhase } from './local-sync';

export type SyncStatusLine =
  | { kind: 'synced' }
  | { kind: 'syncing'; waiting: number }
  | { kind: 'offline'; waiting: number }
  /** The server answered with an error: changes wait, the next push is at retryAt (pulls go on). */
  | { kind: 'failing'; waiting: number; retryAt?: number }
  | { kind: 'revoked' }
  | { kind: 'refused'; refused: number };

/**
 * What the panel's sync line says. Refused changes outrank everything but a revoked connection:
 * someone typed them and the server would not take them, so they stay in view until dealt with.
 */
export function syncStatusLine(phase: SyncPhase, waiting: number, refused: number, retryAt?: number): SyncStatusLine {
  if (phase === 'revoked') return { kind: 'revoked' };
  if (refused > 0) return { kind: 'refused', refused };
  if (phase === 'offline') return { kind: 'offline', waiting };
  if (phase === 'failing') return retryAt === undefined ? { kind: 'failing', waiting } : { kind: 'failing', waiting, retryAt };
  if (waiting > 0 || phase === 'syncing') return { kind: 'syncing', waiting };
  return { kind: 'synced' };
}
