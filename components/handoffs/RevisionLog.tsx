import { i18n } from '#i18n';
import { useLiveQuery } from 'dexie-react-hooks';
import type { HandoffRow } from '../../lib/handoff-export';
import { teammateOf } from '../../lib/sync/revision-editor';
import { batonDb } from '../storage/db';
import { handoffKey } from '../storage/handoffs';
import { ClippedText } from './ClippedText';
import { LocalTime } from './LocalTime';

/** Every change of one handoff's fields, newest first; a teammate's (synced) entries say who wrote them. */
export function RevisionLog({ row }: { row: HandoffRow }) {
  const { handoff, template } = row;
  const log = useLiveQuery(async () => {
    const db = batonDb();
    const [revisions, link] = await Promise.all([
      db.revisions.where('[host+objectType+recordId+templateId]').equals(handoffKey(handoff, handoff.templateId)).toArray(),
      db.syncMeta.get('link'),
    ]);
    return { revisions, me: link?.key === 'link' ? link.email : undefined };
  }, [row.id]);
  if (!log) return <p className="muted">{i18n.t('handoffs.log.loading')}</p>;
  const { revisions, me } = log;
  if (revisions.length === 0) return <p className="muted">{i18n.t('handoffs.log.none')}</p>;
  const newestFirst = [...revisions].sort((a, b) => b.at - a.at || (b.id ?? 0) - (a.id ?? 0));
  const label = (fieldId: string) => template?.fields.find((field) => field.id === fieldId)?.label ?? fieldId;
  return (
    <table className="revisions" data-testid="revision-log">
      <caption>
        {i18n.t('handoffs.log.caption', [row.record, row.templateName])}
      </caption>
      <thead>
        <tr>
          <th scope="col">{i18n.t('handoffs.log.when')}</th>
          <th scope="col">{i18n.t('handoffs.log.field')}</th>
          <th scope="col">{i18n.t('handoffs.log.before')}</th>
          <th scope="col">{i18n.t('handoffs.log.after')}</th>
        </tr>
      </thead>
      <tbody>
        {newestFirst.map((revision) => {
          const teammate = teammateOf(revision.editor, me);
          return (
            <tr key={revision.id}>
              <td>
                <LocalTime at={revision.at} />
                {teammate ? <div className="muted">{i18n.t('syncGaps.byTeammate', [teammate])}</div> : null}
              </td>
              {revision.unverifiedMove ? (
                <td colSpan={3} className="revisions__unverified" data-testid="unverified-entry">
                  {i18n.t('handoffs.log.seen', [revision.unverifiedMove.stage])}
                  {revision.unverifiedMove.missing.length > 0 ? i18n.t('handoffs.log.missing', [revision.unverifiedMove.missing.join(', ')]) : ''}
                </td>
              ) : (
                <>
                  <td>{label(revision.field)}</td>
                  <td>
                    <ClippedText value={revision.oldValue} />
                  </td>
                  <td className="revisions__after">
                    <ClippedText value={revision.newValue} />
                  </td>
                </>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
