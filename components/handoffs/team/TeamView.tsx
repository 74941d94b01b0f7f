import { i18n } from '#i18n';
import type { TeamConnection } from '../../../lib/sync/connection';
import { may } from '../../../lib/sync/roles';
import { teamOwners, visibleTeamRows } from '../../../lib/team-view';
import { HandoffRules } from '../../sync/HandoffRules';
import { LocalTime } from '../LocalTime';
import { TeamExport } from './TeamExport';
import { TeamHandoffTable } from './TeamHandoffTable';
import { TeamIndicators } from './TeamIndicators';
import { TeamMembers } from './TeamMembers';
import { useTeamViewState, WEEK_CHOICES } from './team-view-store';
import { useTeamView } from './use-team-view';

/** The Team tab: every handoff of the team and its health, from the team server; members for admins. */
export function TeamView({ connection }: { connection: TeamConnection }) {
  const weeks = useTeamViewState((state) => state.weeks);
  const chooseWeeks = useTeamViewState((state) => state.chooseWeeks);
  const filters = useTeamViewState((state) => state.filters);
  const sort = useTeamViewState((state) => state.sort);
  const { view, loading, error, reload } = useTeamView(connection, weeks);
  // A 403 means the server no longer counts this person as a lead: show nothing it sent before.
  const refused = error?.status === 403;
  const shown = view && !refused ? visibleTeamRows(view.handoffs, filters, sort) : [];

  return (
    <>
      <section aria-labelledby="team-title" data-testid="team-view">
        <h2 id="team-title">{i18n.t('teamView.title', [connection.member.team])}</h2>
        <div className="team-toolbar">
          <label>
            {i18n.t('teamView.weeks')}
            <select value={weeks} onChange={(event) => chooseWeeks(Number(event.target.value))} data-testid="team-weeks">
              {WEEK_CHOICES.map((choice) => (
                <option key={choice} value={choice}>
                  {i18n.t('teamView.weeksChoice', choice)}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="secondary" onClick={reload} disabled={loading}>
            {i18n.t('teamView.refresh')}
          </button>
          <p className="muted team-toolbar__status" role="status" data-testid="team-status">
            {loading ? i18n.t('teamView.loading') : view && !error ? <>{i18n.t('teamView.loadedAt')} <LocalTime at={view.loadedAt} /></> : null}
          </p>
        </div>
        {error ? (
          <div className={`notice ${refused ? 'notice--error' : 'notice--warn'}`} role="alert" data-testid="team-notice">
            {refused ? i18n.t('teamView.refused', [error.message]) : error.unreachable ? i18n.t('teamView.unreachable', [connection.server]) : error.message}
            {view && !refused ? (
              <>
                {' '}
                {i18n.t('teamView.asOf')} <LocalTime at={view.loadedAt} />
              </>
            ) : null}
          </div>
        ) : null}
        {!view || refused ? (
          loading ? <p className="muted">{i18n.t('teamView.loadingFirst')}</p> : null
        ) : (
          <>
            <TeamIndicators metrics={view.metrics} weeks={view.weeks} />
            <h3 id="team-handoffs-title">{i18n.t('teamView.handoffsTitle')}</h3>
            {view.handoffs.length === 0 ? (
              <p data-testid="team-empty">{i18n.t('teamView.empty')}</p>
            ) : (
              <>
                <TeamHandoffTable rows={shown} owners={teamOwners(view.handoffs)} total={view.handoffs.length} />
                <TeamExport rows={shown} view={view} />
              </>
            )}
            <HandoffRules />
          </>
        )}
      </section>
      {may(connection.member.role, 'manageMembers') ? <TeamMembers connection={connection} /> : null}
    </>
  );
}
