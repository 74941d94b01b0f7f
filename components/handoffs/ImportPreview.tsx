import { i18n } from '#i18n';
import { HOST_NAMES } from '../../lib/record';
import { planCounts, type ImportPlan, type PlannedHandoff } from '../../lib/handoff-import';

/** What an import would change, before anything is written. */
export function ImportPreview({ plan }: { plan: ImportPlan }) {
  const counts = planCounts(plan);
  const changing = plan.handoffs.filter((planned) => planned.status !== 'unchanged' || planned.keptFields.length > 0);
  return (
    <div className="preview" data-testid="import-preview">
      <ul className="preview__counts">
        <li>{i18n.t('handoffs.counts.newHandoffs', counts.newHandoffs)}</li>
        <li>
          {i18n.t('handoffs.counts.updatedIn', [i18n.t('handoffs.counts.fields', counts.updatedFields), i18n.t('handoffs.counts.handoffs', counts.updatedHandoffs)])}
        </li>
        <li>{i18n.t('handoffs.counts.kept', [i18n.t('handoffs.counts.fields', counts.keptFields)])}</li>
        <li>
          {i18n.t('handoffs.counts.same', [i18n.t('handoffs.counts.fields', counts.unchangedFields), i18n.t('handoffs.counts.handoffs', counts.unchangedHandoffs)])}
        </li>
        <li>
          {i18n.t('handoffs.counts.added', [i18n.t('handoffs.counts.logEntries', counts.newRevisions), counts.duplicateRevisions])}
        </li>
      </ul>
      {plan.missingTemplates.length > 0 ? (
        <p className="notice notice--warn" data-testid="missing-templates">
          {i18n.t('handoffs.preview.missingTemplates', [plan.missingTemplates.join(', ')])}
        </p>
      ) : null}
      {changing.length > 0 ? (
        <table className="preview__table">
          <caption className="sr-only">{i18n.t('handoffs.preview.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{i18n.t('handoffs.preview.record')}</th>
              <th scope="col">{i18n.t('handoffs.preview.template')}</th>
              <th scope="col">{i18n.t('handoffs.preview.what')}</th>
            </tr>
          </thead>
          <tbody>
            {changing.map((planned) => (
              <PlannedRow key={planned.id} planned={planned} />
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}

function PlannedRow({ planned }: { planned: PlannedHandoff }) {
  const { handoff } = planned;
  const labels = (fields: { label: string }[]) => fields.map((field) => field.label).join(', ');
  return (
    <tr>
      <th scope="row">
        {HOST_NAMES[handoff.host]} {handoff.recordTitle ?? handoff.recordId}
      </th>
      <td>
        {planned.templateName}
        {planned.templateInstalled ? null : <span className="muted">{i18n.t('handoffs.preview.notInstalled')}</span>}
      </td>
      <td>
        <ul className="preview__changes">
          {planned.status === 'new' ? <li>{i18n.t('handoffs.preview.new', [i18n.t('handoffs.counts.fields', planned.updatedFields.length)])}</li> : null}
          {planned.status !== 'new' && planned.updatedFields.length > 0 ? <li>{i18n.t('handoffs.preview.updates', [labels(planned.updatedFields)])}</li> : null}
          {planned.keptFields.length > 0 ? <li>{i18n.t('handoffs.preview.keeps', [labels(planned.keptFields)])}</li> : null}
          {planned.metadata.length > 0 ? <li>{i18n.t('handoffs.preview.takesNewer', [planned.metadata.join(', ')])}</li> : null}
        </ul>
      </td>
    </tr>
  );
}
