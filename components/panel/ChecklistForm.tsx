import { useRef } from 'react';
import { completeness, isRequired } from '../../lib/completeness';
import type { Handoff } from '../../lib/checklist-status';
import { ownEntry } from '../../lib/own-key';
import { flagsByField } from '../../lib/quality';
import { recordLabel, type RecordRef } from '../../lib/record';
import { withTemplateRules } from '../../lib/template';
import { FieldInput } from './FieldInput';
import { usePanelStore } from './panel-store';
import { useFieldSaver, useUnsavedResend } from './use-field-saver';

interface ChecklistFormProps {
  recordRef: RecordRef;
  recordTitle: string | undefined;
  /** The record's page, stored with the draft for links on the handoffs page. */
  recordUrl?: string;
  handoff: Handoff;
  /**
   * Changes with every blocked move (0: none): the field that is first missing at that moment
   * takes focus, once. Not again as fields fill up: focus must never move under the user's
   * typing.
   */
  focusAttempt: number;
  /** A move is blocked right now: every missing field shows why. */
  blocking: boolean;
  /** Only these fields (the move dialog asks only for what was missing). */
  onlyFields?: ReadonlySet<string>;
  /** The team's members, when known: the "person" check then also asks for a member. */
  members?: readonly string[];
}

/** One template's fields for one record; every change is saved as it is typed. */
export function ChecklistForm({ recordRef, recordTitle, recordUrl, handoff, focusAttempt, blocking, onlyFields, members }: ChecklistFormProps) {
  const { template, values } = handoff;
  const save = useFieldSaver();
  useUnsavedResend(recordRef, template.id, save);
  const touched = usePanelStore((state) => state.touched);
  const touch = usePanelStore((state) => state.touch);
  const status = completeness(template, values);
  const flags = flagsByField(template.fields, values, { members });
  const issues = new Map([...status.missing, ...status.warnings].map((issue) => [issue.fieldId, issue]));
  const firstMissing = status.missing.find((issue) => !onlyFields || onlyFields.has(issue.fieldId))?.fieldId;
  const focusTarget = useRef<{ attempt: number; fieldId: string | undefined }>(undefined);
  if (focusTarget.current?.attempt !== focusAttempt) focusTarget.current = { attempt: focusAttempt, fieldId: firstMissing };

  return (
    <form className="checklist" aria-label={template.name} onSubmit={(event) => event.preventDefault()} noValidate>
      {template.fields.filter((field) => !onlyFields || onlyFields.has(field.id)).map((field) => {
        const key = `${recordLabel(recordRef)}/${template.id}/${field.id}`;
        const issue = issues.get(field.id);
        const missing = status.missing.some((item) => item.fieldId === field.id);
        return (
          <FieldInput
            key={field.id}
            field={withTemplateRules(template, field)}
            stored={ownEntry(values, field.id) ?? ''}
            required={isRequired(field, values)}
            issue={touched[key] || (blocking && missing) ? issue : undefined}
            blocking={blocking && missing}
            focusRequest={field.id === focusTarget.current?.fieldId ? focusAttempt : 0}
            flags={flags.get(field.id)}
            onChange={(value) =>
              save({ ref: recordRef, templateId: template.id, fieldId: field.id, value, typedAt: Date.now(), recordTitle, recordUrl }, field.label)
            }
            onBlur={() => touch(key)}
          />
        );
      })}
    </form>
  );
}
