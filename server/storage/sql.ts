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
  /** Runs `work` in one transaction: all of it is written, or none. */
  transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export function nestedTransaction(): never {
  throw new Error('transactions do not nest');
}
