// The little the storage layer needs of a PostgreSQL client. Two drivers implement it (PGlite
// embedded, PostgreSQL over the network) and every query is written once, for both.

// JSON goes in as text ($1::text::jsonb): the two drivers serialize json parameters differently.
// Rows are typed by the caller, as the columns its query selects.
export type Row = object;

export interface Sql {
  /** One statement with $1… parameters. */
  query<T extends Row = Row>(text: string, params?: readonly unknown[]): Promise<T[]>;
  /** Several statements, no parameters (migration files). */
  exec(text: string): Promise<void>;
  /**
   * Runs `work` in one transaction: all of it is written, or none. Statements `work` issued
   * and did not await are awaited before the commit, and a failure among them rolls it all
   * back: the PostgreSQL driver sends the commit in the same packet as a last write.
   */
  transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T>;
  /**
   * Hears `pg_notify(channel, payload)` from every process on the database, once committed.
   * `onListening` runs each time the listening connection is (re)established: notifications
   * sent while it was down are lost, so the caller looks again then. Resolves with a stop.
   */
  listen?(channel: string, onNotify: (payload: string) => void, onListening?: () => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export function nestedTransaction(): never {
  throw new Error('transactions do not nest');
}

/**
 * The statements of one transaction, so that none is left unawaited: each is awaited (and its
 * failure reported) before the transaction commits.
 */
export class IssuedStatements {
  private readonly issued: Promise<unknown>[] = [];

  track<T>(statement: Promise<T>): Promise<T> {
    statement.catch(() => undefined); // reported by settle(), not as an unhandled rejection
    this.issued.push(statement);
    return statement;
  }

  /** Resolves once every statement has; rejects with the first failure. */
  async settle(): Promise<void> {
    const outcomes = await Promise.allSettled(this.issued);
    const failed = outcomes.find((outcome) => outcome.status === 'rejected');
    if (failed) throw failed.reason;
  }
}
