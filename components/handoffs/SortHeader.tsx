import { useHandoffsView, type SortColumn } from './handoffs-store';

/** A column header that sorts the table; screen readers hear the order through aria-sort. */
export function SortHeader({ column, label }: { column: SortColumn; label: string }) {
  const sort = useHandoffsView((state) => state.sort);
  const sortBy = useHandoffsView((state) => state.sortBy);
  const active = sort.column === column;
  const order = sort.descending ? 'descending' : 'ascending';
  return (
    <th scope="col" aria-sort={active ? order : undefined}>
      <button type="button" className="sort" onClick={() => sortBy(column)}>
        {label}
        <span className="sort__mark" aria-hidden="true">
          {active ? (sort.descending ? '▼' : '▲') : '↕'}
        </span>
      </button>
    </th>
  );
}
