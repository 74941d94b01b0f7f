import type { TestProject } from 'vitest/node';
import { startThrowawayPostgres } from './throwaway-postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
    postgresSocketUrl: string;
  }
}

/** One PostgreSQL for the whole run; each test file makes its own database in it. */
export default async function setup(project: TestProject): Promise<() => void> {
  const postgres = await startThrowawayPostgres({ durable: false });
  project.provide('postgresUrl', postgres.url);
  project.provide('postgresSocketUrl', postgres.socketUrl);
  return () => postgres.stop();
}
