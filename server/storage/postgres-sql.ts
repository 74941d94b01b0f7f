import postgres from 'postgres';
import { IssuedStatements, nestedTransaction, type Row, type Sql } from './sql';

type Client = postgres.Sql | postgres.TransactionSql;

/** Connections each server process keeps to PostgreSQL, unless told otherwise. */
export const POOL_SIZE = 10;

/** A real PostgreSQL server; any number of server processes may share it. */
export function openPostgresSql(url: string, options: { maxConnections?: number } = {}): Sql {
  const { url: address, socketPath } = unixSocketOf(url);
  const client = postgres(address, {
    ...(socketPath ? { path: socketPath } : {}),
    max: options.maxConnections ?? POOL_SIZE,
    onnotice: () => {},
    // Sequences and millisecond times are bigint; both stay far below 2^53, so numbers are exact.
    types: { bigint: { to: 20, from: [20], serialize: (value: number) => String(value), parse: (value: string) => Number(value) } },
  });
  return {
    ...clientSql(client),
    transaction: (work) => pipelinedTransaction(client, work),
    // postgres.js listens on a connection of its own and listens again after it reconnects
    // (a restarted database), calling onListening each time.
    listen: async (channel, onNotify, onListening) => {
      const { unlisten } = await client.listen(channel, onNotify, onListening);
      return unlisten;
    },
    close: () => client.end({ timeout: 5 }),
  };
}

/**
 * Statements are prepared once per connection and reused: postgres.js prepares its tagged
 * queries but not unsafe() ones, and every statement here is a fixed text with $n parameters
 * (never built from input), so the set stays small. Parsed and planned afresh each time, they
 * cost the database most of its CPU under load (perf: the SQL parser, and freeing the memory
 * each plan took).
 */
const PREPARED = { prepare: true } as const;

/**
 * A transaction without round trips of its own. postgres.js's begin() waits for BEGIN's answer
 * before the first statement, and the caller waits for its last write before COMMIT: two round
 * trips in which a push holds its team's lock (see sync-store.ts) and every other push of the
 * team waits. Here BEGIN goes out in the same packet as the first statements (the driver sends
 * what is issued in one turn of the event loop together), and COMMIT with the last write.
 */
async function pipelinedTransaction<T>(client: postgres.Sql, work: (tx: Sql) => Promise<T>): Promise<T> {
  const connection = await client.reserve();
  const issued = new IssuedStatements();
  // What `work` is handed is what is tracked: a statement it drops is still awaited, never unhandled.
  const send = <R extends Row>(text: string, params: readonly unknown[] = []) =>
    issued.track(connection.unsafe(text, params as postgres.ParameterOrJSON<never>[], PREPARED).execute().then((rows) => [...rows] as unknown as R[]));
  const tx: Sql = {
    query: send,
    exec: async (text) => void (await send(text)),
    transaction: nestedTransaction,
    close: nestedTransaction,
  };
  try {
    void send('BEGIN');
    let result: T;
    try {
      result = await work(tx);
    } catch (error) {
      await connection.unsafe('ROLLBACK').catch(() => undefined);
      throw error;
    }
    const commit = connection.unsafe('COMMIT').execute();
    // A failed statement aborts the transaction, and PostgreSQL answers its COMMIT with ROLLBACK.
    await issued.settle().catch(async (error: unknown) => {
      await commit.catch(() => undefined);
      throw error;
    });
    const committed = await commit;
    if (committed.command !== 'COMMIT') throw new Error(`the transaction was not committed (${committed.command})`);
    return result;
  } finally {
    connection.release();
  }
}

function clientSql(client: Client): Sql {
  return {
    query: async <T extends Row>(text: string, params: readonly unknown[] = []) =>
      [...(await client.unsafe(text, params as postgres.ParameterOrJSON<never>[], PREPARED))] as unknown as T[],
    exec: async (text) => void (await client.unsafe(text)),
    transaction: nestedTransaction,
    close: nestedTransaction,
  };
}

/**
 * libpq's way of naming a Unix socket in a URL, `postgres://user@localhost:5432/db?host=/run/postgresql`
 * (a database on the server's own machine; Debian's default), which postgres.js would send to
 * the database as a setting: taken out of the URL and given as the socket's path instead.
 */
export function unixSocketOf(url: string): { url: string; socketPath?: string } {
  const parsed = new URL(url);
  const directory = parsed.searchParams.get('host');
  if (!directory?.startsWith('/')) return { url };
  parsed.searchParams.delete('host');
  return { url: parsed.toString(), socketPath: `${directory}/.s.PGSQL.${parsed.port || '5432'}` };
}
