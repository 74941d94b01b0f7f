import { i18n } from '#i18n';
import { HOST_NAMES } from '../../lib/record';
import { HOST_APPS, type HostApp } from '../../lib/record';
import { useHandoffsView } from './handoffs-store';
import { StateSelect } from './StateSelect';

/** Narrows the list by app, by state and by text; the counts say how much is hidden. */
export function HandoffFilters({ total, shown }: { total: number; shown: number }) {
  const filters = useHandoffsView((state) => state.filters);
  const filter = useHandoffsView((state) => state.filter);
  return (
    <div className="filters" role="search">
      <label>
        {i18n.t('handoffs.filter.app')}
        <select value={filters.host} onChange={(event) => filter({ host: event.target.value as HostApp | '' })}>
          <option value="">{i18n.t('handoffs.filter.allApps')}</option>
          {HOST_APPS.map((host) => (
            <option key={host} value={host}>
              {HOST_NAMES[host]}
            </option>
          ))}
        </select>
      </label>
      <StateSelect label={i18n.t('handoffs.filter.state')} allLabel={i18n.t('handoffs.filter.allStates')} value={filters.state} onChange={(state) => filter({ state })} />
      <label className="filters__check">
        <input type="checkbox" checked={filters.unverified} onChange={(event) => filter({ unverified: event.target.checked })} />
        {i18n.t('handoffs.filter.unverified')}
      </label>
      <label className="filters__text">
        {i18n.t('handoffs.filter.search')}
        <input type="search" value={filters.text} onChange={(event) => filter({ text: event.target.value })} />
      </label>
      <p className="filters__count" role="status" data-testid="handoff-count">
        {i18n.t('handoffs.filter.count', total, [total, shown])}
      </p>
    </div>
  );
}
