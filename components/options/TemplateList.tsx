import { i18n } from '#i18n';
import { useLiveQuery } from 'dexie-react-hooks';
import { HOST_NAMES } from '../../lib/record';
import type { Template } from '../../lib/template';
import { gateTerms } from '../../lib/template-editor/gate-terms';
import { batonDb } from '../storage/db';
import { termText } from '../words/gate-words';

/** The installed templates: where each applies and which stages it gates. */
export function TemplateList() {
  const templates = useLiveQuery(() => batonDb().templates.orderBy('id').toArray());
  if (!templates) return null;
  if (templates.length === 0) return <p>{i18n.t('options.list.none')}</p>;
  return (
    <table className="templates" data-testid="template-list">
      <thead>
        <tr>
          <th scope="col">{i18n.t('options.list.template')}</th>
          <th scope="col">{i18n.t('options.list.fields')}</th>
          <th scope="col">{i18n.t('options.list.appliesTo')}</th>
        </tr>
      </thead>
      <tbody>
        {templates.map((template) => (
          <tr key={template.id}>
            <td>
              {template.name} <span className="muted">{i18n.t('options.list.version', [template.version])}</span>
            </td>
            <td>{requiredSummary(template)}</td>
            <td>
              <ul>
                {template.appliesTo.map((target) => (
                  <li key={`${target.host}/${target.objectType}`}>
                    {HOST_NAMES[target.host]} {target.objectType}
                    {target.gateStages ? ` ${i18n.t('options.list.stagesMatching')} ${gateTerms(target.gateStages).map(termText).join('; ')}` : ` ${i18n.t('options.list.noGate')}`}
                  </li>
                ))}
              </ul>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function requiredSummary(template: Template): string {
  const required = template.fields.filter((field) => field.required).length;
  return i18n.t('options.list.fieldsSummary', template.fields.length, [template.fields.length, required]);
}
