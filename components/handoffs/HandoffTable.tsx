import { i18n } from '#i18n';
import type { HandoffRow } from '../../lib/handoff-export';
import { HandoffTableRow } from './HandoffTableRow';
import { SortHeader } from './SortHeader';

/** Every handoff the filters let through: one row each, sortable by any column. */
export function HandoffTable({ rows }: { rows: HandoffRow[] }) {
  return (
    <table className="handoffs" data-testid="handoff-table">
      <caption className="sr-only">{i18n.t('handoffs.table.caption')}</caption>
      <thead>
        <tr>
          <SortHeader column="host" label={i18n.t('handoffs.table.app')} />
          <SortHeader column="record" label={i18n.t('handoffs.table.record')} />
          <SortHeader column="template" label={i18n.t('handoffs.table.template')} />
          <SortHeader column="completeness" label={i18n.t('handoffs.table.completeness')} />
          <SortHeader column="state" label={i18n.t('handoffs.table.state')} />
          <SortHeader column="nextOwner" label={i18n.t('handoffs.table.nextOwner')} />
          <SortHeader column="updatedAt" label={i18n.t('handoffs.table.updatedAt')} />
          <th scope="col">{i18n.t('handoffs.table.log')}</th>
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
