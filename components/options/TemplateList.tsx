import { useLiveQuery } from 'dexie-react-hooks';
import { HOST_NAMES } from '../../lib/record';
import type { Template } from '../../lib/template';
import { batonDb } from '../storage/db';


/** The installed templates: where each applies and which stages it gates. */
export function TemplateList() {
  const templates = useLiveQuery(() => batonDb().templates.orderBy('id').toArray());
  if (!templates) return null;
  if (templates.length === 0) return <p>No templates yet. Open a CRM record once to install the defaults.</p>;
  return (
    <table className="templates" data-testid="template-list">
      <thead>
        <tr>
          <th scope="col">Template</th>
          <th scope="col">Fields</th>
          <th scope="col">Applies to, and gates</th>
        </tr>
      </thead>
      <tbody>
        {templates.map((template) => (
          <tr key={template.id}>
            <td>
              {template.name} <span className="muted">v{template.version}</span>
            </td>
            <td>{requiredSummary(template)}</td>
            <td>
              <ul>
                {template.appliesTo.map((target) => (
                  <li key={`${target.host}/${target.objectType}`}>
                    {HOST_NAMES[target.host]} {target.objectType}
                    {target.gateStages ? <> — stages matching <code>{target.gateStages}</code></> : ' — no gate'}
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
  return `${template.fields.length} fields, ${required} required`;
}
