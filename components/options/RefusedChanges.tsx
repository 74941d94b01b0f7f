import { i18n } from '#i18n';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Change } from '../../lib/sync/schemas';
import { batonDb } from '../storage/db';
import { HandoffRules } from '../sync/HandoffRules';

/** What the team server would not take: kept until the person has seen it and dismisses it. */
export function RefusedChanges() {
  const refused = useLiveQuery(() => batonDb().outbox.filter((entry) => entry.refused !== undefined).toArray(), []);
  if (!refused?.length) return null;
  return (
    <section aria-label={i18n.t('sync.refusedTitle')} data-testid="refused-changes">
      <h3>{i18n.t('sync.refusedTitle')}</h3>
      <p className="help">{i18n.t('sync.refusedHelp')}</p>
      <HandoffRules />
      <ul>
        {refused.map((entry) => (
          <li key={entry.id}>
            {describe(entry.change)}: {entry.refused?.reason}{' '}
            <button type="button" className="button button--secondary" onClick={() => void batonDb().outbox.delete(entry.order!)}>
              {i18n.t('sync.dismiss')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Host text and typed values shown as text only (React escapes them). */
function describe(change: Change): string {
  const where = 'handoff' in change ? `${change.handoff.host} ${change.handoff.objectType} ${change.handoff.recordId}` : `${change.ref.host} ${change.ref.objectType} ${change.ref.recordId}`;
  return change.kind === 'field' ? `${where} · ${change.fieldId} “${change.value.slice(0, 80)}”` : `${where} · ${change.kind}`;
}
