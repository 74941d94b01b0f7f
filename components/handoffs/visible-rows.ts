import type { HandoffRow } from '../../lib/handoff-export';
import { HANDOFF_STATES } from '../../lib/handoff-state';
import type { HandoffFilters, SortColumn } from './handoffs-store';

/** The rows the filters let through, in the chosen order. */
export function visibleRows(rows: HandoffRow[], filters: HandoffFilters, sort: { column: SortColumn; descending: boolean }): HandoffRow[] {
  const text = filters.text.trim().toLocaleLowerCase();
  const shown = rows.filter(
    (row) =>
      (!filters.host || row.handoff.host === filters.host) &&
      (!filters.state || row.state === filters.state) &&
      (!filters.unverified || row.handoff.unverified !== undefined) &&
      (!text || [row.record, row.nextOwner, row.templateName].some((value) => value.toLocaleLowerCase().includes(text))),
  );
  const compare = COMPARE[sort.column];
  const direction = sort.descending ? -1 : 1;
  // Ties fall back to the latest change first, so equal rows never swap between renders.
  return shown.sort((a, b) => direction * compare(a, b) || b.handoff.updatedAt - a.handoff.updatedAt || a.id.localeCompare(b.id));
}

const byText = (value: (row: HandoffRow) => string) => (a: HandoffRow, b: HandoffRow) => value(a).localeCompare(value(b));

/** A template that is not installed has no completeness: it sorts below an empty checklist. */
const ratio = (row: HandoffRow) => (row.progress ? row.progress.filled / Math.max(row.progress.required, 1) : -1);

const COMPARE: Record<SortColumn, (a: HandoffRow, b: HandoffRow) => number> = {
  host: byText((row) => row.hostName),
  record: byText((row) => row.record),
  template: byText((row) => row.templateName),
  completeness: (a, b) => ratio(a) - ratio(b) || (a.progress?.required ?? 0) - (b.progress?.required ?? 0),
  // The order a handoff moves through, not the alphabet.
  state: (a, b) => HANDOFF_STATES.indexOf(a.state) - HANDOFF_STATES.indexOf(b.state),
  nextOwner: byText((row) => row.nextOwner),
  updatedAt: (a, b) => a.handoff.updatedAt - b.handoff.updatedAt,
};
