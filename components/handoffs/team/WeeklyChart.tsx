import { useId } from 'react';
import { i18n } from '#i18n';
import type { TeamMetrics } from '../../../lib/sync/metrics';

const WIDTH = 480;
const HEIGHT = 120;
const AXIS = 18;
// Weeks start on Monday 00:00 UTC (lib/sync/metrics.ts): named in UTC so the day never shifts.
const DATE = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' });

/**
 * Handoffs sent per week as bars: an inline SVG drawn in the page's own colours (so it follows
 * dark mode), named for screen readers, with the same numbers as a table one click away.
 */
export function WeeklyChart({ weeks }: { weeks: TeamMetrics['handoffsPerWeek'] }) {
  const titleId = useId();
  const most = Math.max(1, ...weeks.map((week) => week.handoffs));
  const slot = WIDTH / Math.max(weeks.length, 1);
  const label = (weekStart: number) => DATE.format(new Date(weekStart));
  const summary = weeks.map((week) => i18n.t('teamView.chart.week', [label(week.weekStart), String(week.handoffs)])).join('; ');
  return (
    <figure className="chart" data-testid="weekly-chart">
      <figcaption id={titleId}>{i18n.t('teamView.chart.title')}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT + AXIS}`} role="img" aria-labelledby={titleId} aria-describedby={`${titleId}-summary`} className="chart__svg">
        <line x1="0" x2={WIDTH} y1={HEIGHT} y2={HEIGHT} className="chart__axis" />
        {weeks.map((week, index) => {
          const height = (week.handoffs / most) * (HEIGHT - 16);
          const x = index * slot + slot * 0.15;
          return (
            <g key={week.weekStart}>
              <rect x={x} y={HEIGHT - height} width={slot * 0.7} height={height} className="chart__bar" />
              <text x={x + slot * 0.35} y={HEIGHT - height - 3} textAnchor="middle" className="chart__count">
                {week.handoffs}
              </text>
              {weeks.length <= 12 || index % Math.ceil(weeks.length / 12) === 0 ? (
                <text x={x + slot * 0.35} y={HEIGHT + 13} textAnchor="middle" className="chart__label">
                  {label(week.weekStart)}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <p id={`${titleId}-summary`} className="sr-only">
        {summary}
      </p>
      <details>
        <summary>{i18n.t('teamView.chart.asTable')}</summary>
        <table className="chart__table">
          <thead>
            <tr>
              <th scope="col">{i18n.t('teamView.chart.weekOf')}</th>
              <th scope="col">{i18n.t('teamView.chart.handoffs')}</th>
            </tr>
          </thead>
          <tbody>
            {weeks.map((week) => (
              <tr key={week.weekStart}>
                <th scope="row">{label(week.weekStart)}</th>
                <td>{week.handoffs}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
