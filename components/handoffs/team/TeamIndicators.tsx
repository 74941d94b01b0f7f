import { i18n } from '#i18n';
import type { TeamMetrics } from '../../../lib/sync/metrics';
import { teamRecordOf } from './team-record';
import { LocalTime } from '../LocalTime';
import { WeeklyChart } from './WeeklyChart';

/** The leading indicators a lead reads to tell whether handoffs are healthy, as numbers. */
export function TeamIndicators({ metrics, weeks }: { metrics: TeamMetrics; weeks: number }) {
  const sent = metrics.handoffsPerWeek.reduce((sum, week) => sum + week.handoffs, 0);
  const { share, answered } = metrics.completeAtFirstTry;
  const indicators: [id: string, label: string, value: string, detail?: string][] = [
    ['handoffsPerWeek', i18n.t('teamView.indicator.sent', weeks), String(sent), i18n.t('teamView.indicator.perWeek', [(sent / weeks).toFixed(1)])],
    [
      'completeAtFirstTry',
      i18n.t('teamView.indicator.firstTry'),
      share === null ? i18n.t('teamView.indicator.none') : `${Math.round(share * 100)}%`,
      i18n.t('teamView.indicator.answered', [String(answered)]),
    ],
    ['movesBlocked', i18n.t('teamView.indicator.blocked'), String(metrics.movesBlocked)],
    ['sentBack', i18n.t('teamView.indicator.sentBack'), String(metrics.sentBack.length)],
    [
      'medianHoursToAccept',
      i18n.t('teamView.indicator.medianToAccept'),
      metrics.medianHoursToAccept === null ? i18n.t('teamView.indicator.none') : i18n.t('teamView.indicator.hours', [metrics.medianHoursToAccept.toFixed(1)]),
    ],
    ['waitingForAccept', i18n.t('teamView.indicator.waiting'), String(metrics.waitingForAccept.length)],
    ['movesUnverified', i18n.t('teamView.indicator.unverified'), String(metrics.movesUnverified)],
  ];
  return (
    <div className="indicators">
      <h3>{i18n.t('teamView.indicatorsTitle', weeks)}</h3>
      <dl className="indicators__list">
        {indicators.map(([id, label, value, detail]) => (
          <div key={id} className="indicator" data-testid={`indicator-${id}`}>
            <dt>{label}</dt>
            <dd>
              <span className="indicator__value" data-testid="indicator-value">
                {value}
              </span>
              {detail ? <span className="muted indicator__detail">{detail}</span> : null}
            </dd>
          </div>
        ))}
      </dl>
      <WeeklyChart weeks={metrics.handoffsPerWeek} />
      {metrics.sentBack.length > 0 ? (
        <>
          <h4>{i18n.t('teamView.sentBackTitle')}</h4>
          <ul className="team-list" data-testid="sent-back-reasons">
            {metrics.sentBack.map((entry) => (
              <li key={`${teamRecordOf(entry.handoff)}-${entry.at}`}>
                <span className="value">“{entry.reason}”</span>{' '}
                <span className="muted">
                  {i18n.t('teamView.sentBackBy', [entry.by, teamRecordOf(entry.handoff)])} <LocalTime at={entry.at} />
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {metrics.waitingForAccept.length > 0 ? (
        <>
          <h4>{i18n.t('teamView.waitingTitle')}</h4>
          <ul className="team-list" data-testid="waiting-for-accept">
            {metrics.waitingForAccept.map((entry) => (
              <li key={teamRecordOf(entry.handoff)}>
                {teamRecordOf(entry.handoff)}{' '}
                <span className="muted">
                  {i18n.t('teamView.waitingSince', [entry.by])} <LocalTime at={entry.sentAt} />
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
