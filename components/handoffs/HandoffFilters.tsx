import { HOST_NAMES } from '../../lib/record';
import { HANDOFF_STATES, STATE_LABELS, type HandoffState } from '../../lib/handoff-state';
import { HOST_APPS, type HostApp } from '../../lib/record';
import { useHandoffsView } from './handoffs-store';
import { plural } from './plural';

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
      <label>
        State
        <select value={filters.state} onChange={(event) => filter({ state: event.target.value as HandoffState | '' })}>
          <option value="">All states</option>
          {HANDOFF_STATES.map((state) => (
            <option key={state} value={state}>
              {STATE_LABELS[state]}
            </option>
          ))}
        </select>
      </label>
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
