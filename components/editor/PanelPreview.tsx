import { i18n } from '#i18n';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { checklistStatus } from '../../lib/checklist-status';
import { completeness, isRequired } from '../../lib/completeness';
import { isComplete } from '../../lib/gate';
import { badgeText } from '../words/checklist-words';
import { ownEntry } from '../../lib/own-key';
import type { FieldValues, Template } from '../../lib/template';
import { newlyIncomplete } from '../../lib/template-editor/template-changes';
import { FieldInput } from '../panel/FieldInput';
import { batonDb } from '../storage/db';
import { templateHandoffs } from '../storage/handoffs';

/**
 * The panel as a rep will see this version: the panel's own field component and completeness
 * rules, with answers typed here kept on this page only. And how many of this device's
 * handoffs, complete today, this version would make incomplete.
 */
export function PanelPreview({ template }: { template: Template }) {
  const [values, setValues] = useState<FieldValues>({});
  const [touched, setTouched] = useState<Record<string, true>>({});
  const target = template.appliesTo[0];
  const status = completeness(template, values);
  const checklists = target ? [checklistStatus({ template, values }, target)] : [];
  const issues = new Map([...status.missing, ...status.warnings].map((issue) => [issue.fieldId, issue]));
  const handoffs = useLiveQuery(() => templateHandoffs(batonDb(), template.id), [template.id]);

  return (
    <aside className="preview" aria-labelledby="preview-title">
      <h2 id="preview-title">{i18n.t('editor.preview')}</h2>
      <p className="impact" data-testid="impact">
        {handoffs === undefined ? null : i18n.t('editor.impact', newlyIncomplete(handoffs, template), [String(newlyIncomplete(handoffs, template)), String(handoffs.length)])}
      </p>
      <div className="panel preview__panel" data-testid="panel-preview">
        <header className="panel__header">
          <h3>{template.name}</h3>
          <span className="badge" data-complete={isComplete(checklists)}>
            {badgeText(checklists)}
          </span>
        </header>
        <form className="checklist" aria-label={i18n.t('editor.previewForm', [template.name])} onSubmit={(event) => event.preventDefault()} noValidate>
          {template.fields.map((field) => (
            <FieldInput
              key={field.id}
              field={field}
              stored={ownEntry(values, field.id) ?? ''}
              required={isRequired(field, values)}
              issue={touched[field.id] ? issues.get(field.id) : undefined}
              blocking={false}
              focusRequest={0}
              onChange={(value) => setValues((current) => ({ ...current, [field.id]: value }))}
              onBlur={() => setTouched((current) => ({ ...current, [field.id]: true }))}
            />
          ))}
        </form>
      </div>
    </aside>
  );
}
