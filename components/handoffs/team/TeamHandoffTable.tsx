import { i18n } from '#i18n';
import { HOST_NAMES } from '../../../lib/record';
import { teamRecord, teamRowId, type TeamHandoff, type TeamSortColumn } from '../../../lib/team-view';
import { LocalTime } from '../LocalTime';
import { SortableHeader } from '../SortableHeader';
import { StateSelect } from '../StateSelect';
import { useHostAppLink } from '../use-host-app-link';
import { useTeamViewState } from './team-view-store';

/** Every handoff of the team the filters let through, by owner and state, sortable by any column. */
export function TeamHandoffTable({ rows, owners, total }: { rows: TeamHandoff[]; owners: string[]; total: number }) {
  const filters = useTeamViewState((state) => state.filters);
  const filter = useTeamViewState((state) => state.filter);
  const sort = useTeamViewState((state) => state.sort);
  const sortBy = useTeamViewState((state) => state.sortBy);
  const header = (column: TeamSortColumn, label: string) => (
    <SortableHeader label={label} active={sort.column === column} descending={sort.descending} onSort={() => sortBy(column)} />
  );
  return (
    <>
      <div className="filters" role="search" aria-label={i18n.t('teamView.filtersLabel')}>
        <label>
          {i18n.t('teamView.owner')}
          <select value={filters.owner} onChange={(event) => filter({ owner: event.target.value })} data-testid="team-owner-filter">
            <option value="">{i18n.t('teamView.allOwners')}</option>
            {owners.map((owner) => (
              <option key={owner} value={owner}>
                {owner}
              </option>
            ))}
          </select>
        </label>
        <StateSelect
          label={i18n.t('teamView.state')}
          allLabel={i18n.t('teamView.allStates')}
          value={filters.state}
          onChange={(state) => filter({ state })}
          testId="team-state-filter"
        />
        <p className="filters__count" role="status" data-testid="team-count">
          {i18n.t('teamView.count', total)}, {i18n.t('teamView.shown', [String(rows.length)])}
        </p>
      </div>
      {rows.length === 0 ? (
        <p className="muted">{i18n.t('teamView.noMatch')}</p>
      ) : (
        <table className="handoffs" data-testid="team-table">
          <caption className="sr-only">{i18n.t('teamView.tableCaption')}</caption>
          <thead>
            <tr>
              {header('owner', i18n.t('teamView.owner'))}
              {header('host', i18n.t('teamView.app'))}
              {header('record', i18n.t('teamView.record'))}
              {header('state', i18n.t('teamView.state'))}
              {header('updatedAt', i18n.t('teamView.lastChange'))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <TeamRow key={`${row.owner}/${teamRowId(row)}`} row={row} />
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

function TeamRow({ row }: { row: TeamHandoff }) {
  // Only a page of a host app is linked, whatever the server sent (as on the local list).
  const link = useHostAppLink(row.url);
  return (
    <tr data-testid="team-row" data-handoff-id={teamRowId(row)}>
      <td data-column="owner">{row.owner}</td>
      <td>{HOST_NAMES[row.handoff.host]}</td>
      <th scope="row">
        {link ? (
          <a href={link} target="_blank" rel="noreferrer">
            {teamRecord(row)}
          </a>
        ) : (
          teamRecord(row)
        )}
        {row.title ? <span className="muted record-id">{row.handoff.recordId}</span> : null}
      </th>
      <td data-column="state">
        <span className={`state state--${row.state}`}>{i18n.t(`handoffs.state.${row.state}`)}</span>
      </td>
      <td>
        <LocalTime at={row.updatedAt} />
      </td>
    </tr>
  );
}
