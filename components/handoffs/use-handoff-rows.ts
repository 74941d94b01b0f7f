import { useLiveQuery } from 'dexie-react-hooks';
import { handoffRows, type HandoffRow } from '../../lib/handoff-export';
import { batonDb } from '../storage/db';

/**
 * Every stored handoff as a row, kept current by Dexie: a draft typed in another tab (the
 * worker's write reaches this page through Dexie's cross-context change events) shows here
 * without a reload. Undefined while the first read runs.
 */
export function useHandoffRows(): HandoffRow[] | undefined {
  return useLiveQuery(async () => {
    const db = batonDb();
    const [handoffs, templates] = await Promise.all([db.handoffs.toArray(), db.templates.toArray()]);
    return handoffRows(handoffs, templates);
  });
}
