import { create } from 'zustand';
import type { HandoffState } from '../../lib/handoff-state';
import type { HostApp } from '../../lib/record';

// UI state only: how the list is sorted and filtered, which rows are open. The handoffs
// themselves are Dexie's and are read with live queries.

export const SORT_COLUMNS = ['host', 'record', 'template', 'completeness', 'state', 'nextOwner', 'updatedAt'] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];

export interface HandoffFilters {
  host: HostApp | '';
  state: HandoffState | '';
  /** Matched against the record, the next owner and the template name. */
  text: string;
  /** Only handoffs Baton saw moved into a gated stage without a complete checklist (safety net). */
  unverified: boolean;
}

interface HandoffsViewState {
  sort: { column: SortColumn; descending: boolean };
  filters: HandoffFilters;
  expanded: Record<string, true>;
  /** Sorts by a column; choosing the same column again reverses the order. */
  sortBy(column: SortColumn): void;
  filter(change: Partial<HandoffFilters>): void;
  toggleExpanded(id: string): void;
}

export const useHandoffsView = create<HandoffsViewState>()((set) => ({
  // The latest change first: what a lead opens this page to see.
  sort: { column: 'updatedAt', descending: true },
  filters: { host: '', state: '', text: '', unverified: false },
  expanded: {},
  sortBy: (column) =>
    set(({ sort }) => ({ sort: { column, descending: sort.column === column ? !sort.descending : column === 'updatedAt' } })),
  filter: (change) => set(({ filters }) => ({ filters: { ...filters, ...change } })),
  toggleExpanded: (id) =>
    set(({ expanded }) => {
      const { [id]: open, ...others } = expanded;
      return { expanded: open ? others : { ...expanded, [id]: true } };
    }),
}));
