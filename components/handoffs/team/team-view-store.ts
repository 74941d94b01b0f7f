import { create } from 'zustand';
import type { TeamFilters, TeamSort, TeamSortColumn } from '../../../lib/team-view';

// UI state of the handoffs page's team side: which tab is open, the weeks the indicators cover,
// the filters and the order. What the server sent is kept by use-team-view, not here.

export type HandoffsTab = 'mine' | 'team';

/** The weeks a lead may choose between for the indicators (the server takes 1 to 52). */
export const WEEK_CHOICES = [4, 8, 12, 26, 52] as const;

interface TeamViewState {
  tab: HandoffsTab;
  weeks: number;
  filters: TeamFilters;
  sort: TeamSort;
  show(tab: HandoffsTab): void;
  chooseWeeks(weeks: number): void;
  filter(change: Partial<TeamFilters>): void;
  /** Sorts by a column; choosing the same column again reverses the order. */
  sortBy(column: TeamSortColumn): void;
}

export const useTeamViewState = create<TeamViewState>()((set) => ({
  tab: 'mine',
  weeks: 8,
  filters: { owner: '', state: '' },
  sort: { column: 'updatedAt', descending: true },
  show: (tab) => set({ tab }),
  chooseWeeks: (weeks) => set({ weeks }),
  filter: (change) => set(({ filters }) => ({ filters: { ...filters, ...change } })),
  sortBy: (column) => set(({ sort }) => ({ sort: { column, descending: sort.column === column ? !sort.descending : column === 'updatedAt' } })),
}));
