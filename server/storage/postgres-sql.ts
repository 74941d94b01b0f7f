import postgres from 'postgres';
import { nestedTransaction, type Row, type Sql } from './sql';

type Client = postgres.Sql | postgres.TransactionSql;

/** A real PostgreSQL server; any number of server processes may share it. */
export function openPostgresSql(url: string, options: { maxConnections?: number } = {}): Sql {
  const client = postgres(url, {
    max: options.maxConnections ?? 10,
    onnotice: () => {},
    // Sequences and millisecond times are bigint; both stay far below 2^53, so numbers are exact.
    types: { bigint: { to: 20, from: [20], serialize: (value: number) => String(value), parse: (value: string) => Number(value) } },
  });
  return {
    ...clientSql(client),
    transaction: (work) => client.begin((tx) => work(clientSql(tx))) as Promise<never>,
    close: () => client.end({ timeout: 5 }),
  };
}

function clientSql(client: Client): Sql {
  return {
    query: async <T extends Row>(text: string, params: readonly unknown[] = []) =>
      [...(await client.unsafe(text, params as postgres.ParameterOrJSON<never>[]))] as unknown as T[],
    exec: async (text) => void (await client.unsafe(text)),
    transaction: nestedTransaction,
    close: nestedTransaction,
  };
}
