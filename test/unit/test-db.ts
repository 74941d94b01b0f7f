import { afterEach, beforeEach } from 'vitest';
import { BatonDb } from '../../components/storage/db';
import { installTemplates } from '../../components/storage/templates';
import type { Template } from '../../lib/template';

/**
 * A throwaway store per test (fake-indexeddb), with these templates installed, deleted after
 * the test. `onOpen` hands each test's store to the suite's own variable.
 */
export function useTestDb(templates: Template[], onOpen: (db: BatonDb) => void): void {
  let db: BatonDb | undefined;
  beforeEach(async () => {
    db = new BatonDb(`test-${crypto.randomUUID()}`);
    if (templates.length > 0) await installTemplates(db, templates);
    onOpen(db);
  });
  afterEach(async () => {
    await db?.delete();
  });
}
