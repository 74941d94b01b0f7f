import { useHandoffsView, type SortColumn } from './handoffs-store';
import { SortableHeader } from './SortableHeader';

/** A column header of the local handoffs table, sorting through the page's store. */
export function SortHeader({ column, label }: { column: SortColumn; label: string }) {
  const sort = useHandoffsView((state) => state.sort);
  const sortBy = useHandoffsView((state) => state.sortBy);
  return <SortableHeader label={label} active={sort.column === column} descending={sort.descending} onSort={() => sortBy(column)} />;
}
