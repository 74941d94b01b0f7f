import type { ChecklistStatus } from './gate';
import type { RecordRef } from './record';

// A board asks for a thousand records at once, most of them alike (nothing typed yet): each
// distinct set of checklists travels once, and each record points at it. This keeps the
// reply a few KB instead of half a megabyte of repeated field labels.

export interface StatusBatch {
  host: RecordRef['host'];
  objectType: string;
  asOf: number;
  checklistSets: ChecklistStatus[][];
  records: { recordId: string; started: boolean; set: number }[];
}

interface Status {
  ref: RecordRef;
  started: boolean;
  asOf: number;
  checklists: ChecklistStatus[];
}

/** Packs statuses of records of one kind (`kind`, else the kind of the first record). */
export function packStatuses(statuses: Status[], kind: Pick<RecordRef, 'host' | 'objectType'> | undefined = statuses[0]?.ref): StatusBatch {
  const setIndex = new Map<string, number>();
  // Untouched records share one array (components/storage/handoffs.ts): known by identity,
  // a thousand of them cost no serialisation.
  const setOfArray = new Map<ChecklistStatus[], number>();
  const checklistSets: ChecklistStatus[][] = [];
  const records = statuses.map(({ ref, started, checklists }) => {
    let set = setOfArray.get(checklists);
    if (set === undefined) {
      const key = JSON.stringify(checklists);
      set = setIndex.get(key) ?? checklistSets.push(checklists) - 1;
      setIndex.set(key, set);
      setOfArray.set(checklists, set);
    }
    return { recordId: ref.recordId, started, set };
  });
  return { host: kind?.host ?? 'hubspot', objectType: kind?.objectType ?? '', asOf: statuses[0]?.asOf ?? 0, checklistSets, records };
}

export function unpackStatuses(batch: StatusBatch): Status[] {
  return batch.records.flatMap(({ recordId, started, set }) => {
    const checklists = batch.checklistSets[set];
    return checklists ? [{ ref: { host: batch.host, objectType: batch.objectType, recordId }, started, asOf: batch.asOf, checklists }] : [];
  });
}
