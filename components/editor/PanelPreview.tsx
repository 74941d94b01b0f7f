import { i18n } from '#i18n';
import { useLiveQuery } from 'dexie-react-hooks';
import { useRef, useState } from 'react';
import { checklistStatus } from '../../lib/checklist-status';
import { completeness, isRequired } from '../../lib/completeness';
import { isComplete } from '../../lib/gate';
import { ownEntry } from '../../lib/own-key';
import { flagsByField } from '../../lib/quality';
import { withTemplateRules, type FieldValues, type Template } from '../../lib/template';
import { newlyIncomplete, templateChanges } from '../../lib/template-editor/template-changes';
import { FieldInput } from '../panel/FieldInput';
import { batonDb } from '../storage/db';
import { templateHandoffs } from '../storage/handoffs';
import { badgeText } from '../words/checklist-words';
import { templateProblemText } from '../words/template-problem-words';
import { useDraftResult } from './use-editor-problems';

/**
 * The panel as a rep will see this version: the panel's own field component, completeness
 * rules and quality flags, with answers typed here kept on this page only. While the draft has
 * a problem the preview stays, showing the last state without one, and says so. And what this
 * version means for this device's handoffs: how many it would make incomplete, which renamed
 * fields keep their answers.
 */
export function PanelPreview() {
  const result = useDraftResult();
  const lastGood = useRef<Template>(undefined);
  if (result?.ok) lastGood.current = result.template;
  const template = lastGood.current;
  const problem = result && !result.ok ? result.problems[0] : undefined;

  return (
    <aside className="preview" aria-labelledby="preview-title">
      <h2 id="preview-title">{i18n.t('editor.preview')}</h2>
      {problem ? (
        <p className="notice notice--error" data-testid="preview-held">
          {i18n.t('editor.previewHeldBack')} {templateProblemText(problem.words)}
        </p>
      ) : null}
      {template ? <PreviewPanel template={template} /> : null}
    </aside>
  );
}

function PreviewPanel({ template }: { template: Template }) {
  const [values, setValues] = useState<FieldValues>({});
  const [touched, setTouched] = useState<Record<string, true>>({});
  const target = template.appliesTo[0];
  const status = completeness(template, values);
  const checklists = target ? [checklistStatus({ template, values }, target)] : [];
  const issues = new Map([...status.missing, ...status.warnings].map((issue) => [issue.fieldId, issue]));
  const flags = flagsByField(template.fields, values);
  const handoffs = useLiveQuery(() => templateHandoffs(batonDb(), template.id), [template.id]);
  const saved = useLiveQuery(() => batonDb().templates.get(template.id), [template.id]);
  const renamed = saved ? templateChanges(saved, template).renamed : [];
  const incomplete = handoffs === undefined ? undefined : newlyIncomplete(handoffs, template);

  return (
    <>
      <p className="impact" data-testid="impact">
        {incomplete === undefined ? null : i18n.t('editor.impact', incomplete, [String(incomplete), String(handoffs!.length)])}
        {renamed.length > 0 ? ` ${i18n.t('editor.impactRenamed', [renamed.map(({ from, to }) => i18n.t('editor.renamePair', [from, to])).join(', ')])}` : null}
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
              field={withTemplateRules(template, field)}
              stored={ownEntry(values, field.id) ?? ''}
              required={isRequired(field, values)}
              issue={touched[field.id] ? issues.get(field.id) : undefined}
              blocking={false}
              focusRequest={0}
              flags={flags.get(field.id)}
              onChange={(value) => setValues((current) => ({ ...current, [field.id]: value }))}
              onBlur={() => setTouched((current) => ({ ...current, [field.id]: true }))}
            />
          ))}
        </form>
      </div>
    </>
  );
}
