import { PGlite, type Transaction } from '@electric-sql/pglite';
import { lockDataDir } from './data-dir-lock';
import { IssuedStatements, nestedTransaction, type Row, type Sql } from './sql';

/**
 * Embedded PostgreSQL in this process. Only one process may open a data directory at a time:
 * while the server holds it, the CLI goes through the server (admin/local-admin.ts).
 */
export async function openPgliteSql(dataDir?: string): Promise<Sql> {
  const unlock = dataDir ? await lockDataDir(dataDir) : async () => {};
  const db = await PGlite.create(dataDir ? { dataDir } : {}).catch(async (error: unknown) => {
    await unlock();
    throw error;
  });
  return {
    query: async <T extends Row>(text: string, params?: readonly unknown[]) => (await db.query<T>(text, params as unknown[])).rows,
    exec: async (text) => void (await db.exec(text)),
    transaction: (work) =>
      db.transaction(async (tx) => {
        const issued = new IssuedStatements();
        const result = await work(transactionSql(tx, issued));
        await issued.settle();
        return result;
      }),
    close: async () => {
      await db.close();
      await unlock();
    },
  };
}

function transactionSql(tx: Transaction, issued: IssuedStatements): Sql {
  return {
    query: <T extends Row>(text: string, params?: readonly unknown[]) => issued.track(tx.query<T>(text, params as unknown[]).then((result) => result.rows)),
    exec: async (text) => void (await tx.exec(text)),
    transaction: nestedTransaction,
    close: nestedTransaction,
  };
}
