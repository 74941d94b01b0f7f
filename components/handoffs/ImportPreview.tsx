import { HOST_NAMES } from '../../lib/record';
import { planCounts, type ImportPlan, type PlannedHandoff } from '../../lib/handoff-import';
import { plural } from './plural';

/** What an import would change, before anything is written. */
export function ImportPreview({ plan }: { plan: ImportPlan }) {
  const counts = planCounts(plan);
  const changing = plan.handoffs.filter((planned) => planned.status !== 'unchanged' || planned.keptFields.length > 0);
  return (
    <div className="preview" data-testid="import-preview">
      <ul className="preview__counts">
        <li>{plural(counts.newHandoffs, 'new handoff')}</li>
        <li>
          {plural(counts.updatedFields, 'field')} updated in {plural(counts.updatedHandoffs, 'handoff')}
        </li>
        <li>{plural(counts.keptFields, 'field')} kept because the value here is newer</li>
        <li>
          {plural(counts.unchangedFields, 'field')} already the same; {plural(counts.unchangedHandoffs, 'handoff')} unchanged
        </li>
        <li>
          {plural(counts.newRevisions, 'change log entry', 'change log entries')} added, {counts.duplicateRevisions} already here
        </li>
      </ul>
      {plan.missingTemplates.length > 0 ? (
        <p className="notice notice--warn" data-testid="missing-templates">
          Template not installed: {plan.missingTemplates.join(', ')}. Its handoffs are imported, and their fields are shown by id
          until the template is installed.
        </p>
      ) : null}
      {changing.length > 0 ? (
        <table className="preview__table">
          <caption className="sr-only">Changes per handoff</caption>
          <thead>
            <tr>
              <th scope="col">Record</th>
              <th scope="col">Template</th>
              <th scope="col">What happens</th>
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
        {planned.templateInstalled ? null : <span className="muted"> (template not installed: fields shown by id)</span>}
      </td>
      <td>
        <ul className="preview__changes">
          {planned.status === 'new' ? <li>New handoff with {plural(planned.updatedFields.length, 'field')}</li> : null}
          {planned.status !== 'new' && planned.updatedFields.length > 0 ? <li>Updates {labels(planned.updatedFields)}</li> : null}
          {planned.keptFields.length > 0 ? <li>Keeps {labels(planned.keptFields)} (newer here)</li> : null}
          {planned.metadata.length > 0 ? <li>Takes the newer {planned.metadata.join(', ')}</li> : null}
        </ul>
      </td>
    </tr>
  );
}
