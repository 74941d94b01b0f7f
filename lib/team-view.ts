import { csvTable } from './handoff-export';
import { HANDOFF_STATES, STATE_LABELS, type HandoffState } from './handoff-state';
import { HOST_NAMES } from './record';
import type { TeamMetrics } from './sync/metrics';
import type { TeamHandoffs } from './sync/schemas';

// The team view's rows as the team server sends them (every handoff of the team, by owner and
// state): which of them the lead's filters let through, in the chosen order, and the export.

export type TeamHandoff = TeamHandoffs['handoffs'][number];

export const TEAM_SORT_COLUMNS = ['owner', 'host', 'record', 'state', 'updatedAt'] as const;
export type TeamSortColumn = (typeof TEAM_SORT_COLUMNS)[number];
export interface TeamSort {
  column: TeamSortColumn;
  descending: boolean;
}

export interface TeamFilters {
  /** An owner's email, or '' for everyone. */
  owner: string;
  state: HandoffState | '';
}

/** The record as a person reads it: its title in the app, or its id when none was read. */
export function teamRecord(row: TeamHandoff): string {
  return row.title ?? row.handoff.recordId;
}

/** Everyone who owns a handoff, alphabetically: the owner filter's choices. */
export function teamOwners(rows: readonly TeamHandoff[]): string[] {
  return [...new Set(rows.map((row) => row.owner))].sort((a, b) => a.localeCompare(b));
}

export function visibleTeamRows(rows: readonly TeamHandoff[], filters: TeamFilters, sort: TeamSort): TeamHandoff[] {
  const shown = rows.filter((row) => (!filters.owner || row.owner === filters.owner) && (!filters.state || row.state === filters.state));
  const compare = COMPARE[sort.column];
  const direction = sort.descending ? -1 : 1;
  // Ties fall back to the latest change first, so equal rows never swap between loads.
  return shown.sort((a, b) => direction * compare(a, b) || b.updatedAt - a.updatedAt || teamRowId(a).localeCompare(teamRowId(b)));
}

export function teamRowId(row: TeamHandoff): string {
  const { host, objectType, recordId, templateId } = row.handoff;
  return `${host}/${objectType}/${recordId}/${templateId}`;
}

const byText = (value: (row: TeamHandoff) => string) => (a: TeamHandoff, b: TeamHandoff) => value(a).localeCompare(value(b));

const COMPARE: Record<TeamSortColumn, (a: TeamHandoff, b: TeamHandoff) => number> = {
  owner: byText((row) => row.owner),
  host: byText((row) => HOST_NAMES[row.handoff.host]),
  record: byText(teamRecord),
  // The order a handoff moves through, not the alphabet.
  state: (a, b) => HANDOFF_STATES.indexOf(a.state) - HANDOFF_STATES.indexOf(b.state),
  updatedAt: (a, b) => a.updatedAt - b.updatedAt,
};

const TEAM_COLUMNS: [header: string, cell: (row: TeamHandoff) => string][] = [
  ['owner', (row) => row.owner],
  ['host', (row) => row.handoff.host],
  ['objectType', (row) => row.handoff.objectType],
  ['recordId', (row) => row.handoff.recordId],
  ['record title', (row) => row.title ?? ''],
  ['record url', (row) => row.url ?? ''],
  ['template id', (row) => row.handoff.templateId],
  ['state', (row) => STATE_LABELS[row.state]],
  ['updatedAt', (row) => new Date(row.updatedAt).toISOString()],
];

/** The team's handoffs as a spreadsheet: one line each, cells made safe as in the local export. */
export function teamCsv(rows: readonly TeamHandoff[]): string {
  return csvTable([TEAM_COLUMNS.map(([header]) => header), ...rows.map((row) => TEAM_COLUMNS.map(([, cell]) => cell(row)))]);
}

export const TEAM_EXPORT_FORMAT = 'baton-team-view';

/** The team view as JSON: the handoffs and the indicators, as the server sent them. */
export function teamExportDocument(rows: readonly TeamHandoff[], metrics: TeamMetrics | undefined, weeks: number, loadedAt: number, exportedAt: Date) {
  return {
    format: TEAM_EXPORT_FORMAT,
    exportedAt: exportedAt.toISOString(),
    loadedAt: new Date(loadedAt).toISOString(),
    weeks,
    handoffs: rows,
    ...(metrics ? { metrics } : {}),
  };
}
