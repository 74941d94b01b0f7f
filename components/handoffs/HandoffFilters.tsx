import { HOST_NAMES } from '../../lib/record';
import { HOST_APPS, type HostApp } from '../../lib/record';
import { useHandoffsView } from './handoffs-store';
import { plural } from './plural';
import { StateSelect } from './StateSelect';

/** Narrows the list by app, by state and by text; the counts say how much is hidden. */
export function HandoffFilters({ total, shown }: { total: number; shown: number }) {
  const filters = useHandoffsView((state) => state.filters);
  const filter = useHandoffsView((state) => state.filter);
  return (
    <div className="filters" role="search">
      <label>
        App
        <select value={filters.host} onChange={(event) => filter({ host: event.target.value as HostApp | '' })}>
          <option value="">All apps</option>
          {HOST_APPS.map((host) => (
            <option key={host} value={host}>
              {HOST_NAMES[host]}
            </option>
          ))}
        </select>
      </label>
      <StateSelect label="State" allLabel="All states" value={filters.state} onChange={(state) => filter({ state })} />
      <label className="filters__check">
        <input type="checkbox" checked={filters.unverified} onChange={(event) => filter({ unverified: event.target.checked })} />
        Moved without a complete handoff only
      </label>
      <label className="filters__text">
        Search record, next owner or template
        <input type="search" value={filters.text} onChange={(event) => filter({ text: event.target.value })} />
      </label>
      <p className="filters__count" role="status" data-testid="handoff-count">
        {plural(total, 'handoff')}, {shown} shown
      </p>
    </div>
  );
}
