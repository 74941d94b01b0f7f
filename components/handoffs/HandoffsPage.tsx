import { may } from '../../lib/sync/roles';
import { i18n } from '#i18n';
import { HandoffExport } from './HandoffExport';
import { HandoffFilters } from './HandoffFilters';
import { HandoffImport } from './HandoffImport';
import { HandoffTable } from './HandoffTable';
import { HandoffsTabs } from './HandoffsTabs';
import { TeamView } from './team/TeamView';
import { useTeamConnection } from './team/use-team-connection';
import { useHandoffsView } from './handoffs-store';
import { useHandoffRows } from './use-handoff-rows';
import { visibleRows } from './visible-rows';

/**
 * Every handoff kept in this browser: where each stands, its change log, export and import.
 * Leads and admins of a team server also get the Team tab (members never see it).
 */
export function HandoffsPage() {
  const connection = useTeamConnection();
  return (
    <main className="handoffs-page">
      <h1>{i18n.t('handoffs.title')}</h1>
      {connection && may(connection.member.role, 'teamView') ? <HandoffsTabs mine={<MyHandoffs />} team={<TeamView connection={connection} />} /> : <MyHandoffs />}
    </main>
  );
}

function MyHandoffs() {
  const rows = useHandoffRows();
  const filters = useHandoffsView((state) => state.filters);
  const sort = useHandoffsView((state) => state.sort);
  const shown = rows ? visibleRows(rows, filters, sort) : [];
  return (
    <>
      <section aria-labelledby="list-title">
        <h2 id="list-title">{i18n.t('handoffs.list')}</h2>
        {rows === undefined ? (
          <p className="muted">{i18n.t('handoffs.loading')}</p>
        ) : rows.length === 0 ? (
          <p data-testid="no-handoffs">{i18n.t('handoffs.none')}</p>
        ) : (
          <>
            <HandoffFilters total={rows.length} shown={shown.length} />
            {shown.length > 0 ? <HandoffTable rows={shown} /> : <p className="muted">{i18n.t('handoffs.noMatch')}</p>}
            <HandoffExport all={rows} shown={shown} />
          </>
        )}
      </section>
      <HandoffImport />
    </>
  );
}
