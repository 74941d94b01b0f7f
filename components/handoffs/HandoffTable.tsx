import type { HandoffRow } from '../../lib/handoff-export';
import { HandoffTableRow } from './HandoffTableRow';
import { SortHeader } from './SortHeader';

/** Every handoff the filters let through: one row each, sortable by any column. */
export function HandoffTable({ rows }: { rows: HandoffRow[] }) {
  return (
    <table className="handoffs" data-testid="handoff-table">
      <caption className="sr-only">Handoffs; choose a column header to sort</caption>
      <thead>
        <tr>
          <SortHeader column="host" label="App" />
          <SortHeader column="record" label="Record" />
          <SortHeader column="template" label="Template" />
          <SortHeader column="completeness" label="Completeness" />
          <SortHeader column="state" label="State" />
          <SortHeader column="nextOwner" label="Next owner" />
          <SortHeader column="updatedAt" label="Last change" />
          <th scope="col">Change log</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <HandoffTableRow key={row.id} row={row} />
        ))}
      </tbody>
    </table>
  );
}
