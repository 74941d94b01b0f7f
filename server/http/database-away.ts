// Errors that mean the database cannot be reached right now (restarting, failed over, the
// network between): the request is answered 503 with Retry-After, and clients retry as for any
// unavailable server, instead of a 500 that reads as a bug.

/** postgres.js's connection errors, and SQLSTATE classes 08 (connection) and 57P (shutting down). */
const AWAY_CODES = /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|CONNECTION_CLOSED|CONNECTION_ENDED|CONNECTION_DESTROYED|CONNECT_TIMEOUT|08\w{3}|57P0[1-3])$/;

export function databaseAway(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && AWAY_CODES.test(code);
}

/** Seconds a client is asked to wait before trying again while the database is away. */
export const DATABASE_AWAY_RETRY_AFTER_S = 5;
