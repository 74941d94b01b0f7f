import { i18n } from '#i18n';
import { useId } from 'react';
import type { HandoffRow } from '../../lib/handoff-export';
import { useHandoffsView } from './handoffs-store';
import { LocalTime } from './LocalTime';
import { RevisionLog } from './RevisionLog';
import { useHostAppLink } from './use-host-app-link';

const COLUMN_COUNT = 8;

/** One handoff, and its change log below it when opened. */
export function HandoffTableRow({ row }: { row: HandoffRow }) {
  const open = useHandoffsView((state) => state.expanded[row.id] === true);
  const toggle = useHandoffsView((state) => state.toggleExpanded);
  const logId = useId();
  const { handoff } = row;
  const link = useHostAppLink(handoff.recordUrl);
  return (
    <>
      <tr data-testid="handoff-row" data-handoff-id={row.id}>
        <td>{row.hostName}</td>
        <th scope="row">
          {link ? (
            <a href={link} target="_blank" rel="noreferrer">
              {row.record}
            </a>
          ) : (
            row.record
          )}
          {handoff.recordTitle ? <span className="muted record-id">{handoff.recordId}</span> : null}
        </th>
        <td>{row.templateName}</td>
        <td data-column="completeness">
          {row.progress ? i18n.t('handoffs.table.ofRequired', [row.progress.filled, row.progress.required]) : i18n.t('handoffs.table.templateMissing')}
        </td>
        <td data-column="state">
          <span className={`state state--${row.state}`}>{i18n.t(`handoffs.state.${row.state}`)}</span>
          {handoff.unverified ? (
            <span className="state-unverified" title={i18n.t('handoffs.table.unverifiedWhy', [handoff.unverified.stage])}>
              {i18n.t('handoffs.table.unverified')}
            </span>
          ) : null}
        </td>
        <td data-column="next-owner">{row.nextOwner || <span className="muted">{i18n.t('handoffs.table.notNamed')}</span>}</td>
        <td>
          <LocalTime at={handoff.updatedAt} />
        </td>
        <td>
          <button type="button" className="link-button" aria-expanded={open} aria-controls={open ? logId : undefined} onClick={() => toggle(row.id)}>
            {open ? i18n.t('handoffs.table.hideLog') : i18n.t('handoffs.table.showLog')}
          </button>
        </td>
      </tr>
      {open ? (
        <tr className="log-row">
          <td colSpan={COLUMN_COUNT} id={logId}>
            <RevisionLog row={row} />
          </td>
        </tr>
      ) : null}
    </>
  );
}
