import { i18n } from '#i18n';
import { useEffect, useId, useRef, useState, type ChangeEvent } from 'react';
import type { FieldIssue } from '../../lib/completeness';
import type { QualityFlag } from '../../lib/quality';
import { maxLengthOf, type TemplateField } from '../../lib/template';
import { QualityFlags } from './QualityFlags';
import { fieldIssueText } from '../words/checklist-words';

interface FieldInputProps {
  field: TemplateField;
  /** The stored draft; shown unless the user is typing in this field. */
  stored: string;
  required: boolean;
  /** The problem to show now, if any. */
  issue: FieldIssue | undefined;
  /** Marked after a blocked move: this field is what stands in the way. */
  blocking: boolean;
  focusRequest: number;
  /** What the quality checks found in the stored answer (lib/quality.ts). */
  flags?: QualityFlag[];
  onChange(value: string): void;
  onBlur(): void;
}

/** Enough of this panel's own recent values to recognise their saves coming back. */
const OWN_VALUES_KEPT = 200;

const INPUT_TYPES: Partial<Record<TemplateField['kind'], string>> = {
  date: 'date',
  number: 'number',
  url: 'url',
  email: 'email',
};

export function FieldInput({ field, stored, required, issue, blocking, focusRequest, flags = [], onChange, onBlur }: FieldInputProps) {
  const id = useId();
  const [value, setValue] = useState(stored);
  /** What another tab stored while the user was typing here: shown beside the field, never put into it. */
  const [elsewhere, setElsewhere] = useState<string>();
  const focused = useRef(false);
  const sent = useRef<string[]>([]);
  const element = useRef<HTMLInputElement & HTMLTextAreaElement & HTMLSelectElement>(null);

  // A stored value this panel did not send was typed in another tab (the newest keystroke
  // wins in the store). Not typing here: the field shows it. Typing here: the user's text
  // stays, mid-word or not, and the other text is shown with a choice.
  useEffect(() => {
    if (!focused.current) setValue(stored);
    else if (stored !== value && !sent.current.includes(stored)) setElsewhere(stored);
    // Only a change of the stored value is news: the field's own changes are not watched.
  }, [stored]);

  useEffect(() => {
    if (focusRequest > 0) element.current?.focus();
  }, [focusRequest]);

  const change = (next: string) => {
    setValue(next);
    sent.current = [...sent.current.slice(1 - OWN_VALUES_KEPT), next];
    onChange(next);
  };
  const takeTheirs = () => {
    setValue(elsewhere ?? value);
    setElsewhere(undefined);
  };
  // Saved again, it is the newest: the store holds it, and the other tab is told in turn.
  const keepMine = () => {
    setElsewhere(undefined);
    change(value);
  };
  const common = {
    id,
    ref: element,
    'aria-invalid': issue ? true : undefined,
    'aria-required': required,
    'aria-describedby': `${id}-help ${id}-problem${flags.length > 0 && !issue ? ` ${id}-flags` : ''}`,
    onFocus: () => (focused.current = true),
    onBlur: () => {
      focused.current = false;
      onBlur();
    },
  };
  const max = maxLengthOf(field);

  return (
    <div className={`field${blocking ? ' field--blocking' : ''}`} data-field={field.id}>
      <label htmlFor={id}>
        {field.label}
        {required ? <span className="required" aria-hidden="true"> *</span> : <span className="optional"> {i18n.t('panel.optional')}</span>}
      </label>
      {field.kind === 'checkbox' ? (
        <input {...common} type="checkbox" checked={value === 'true'} onChange={(e) => change(e.target.checked ? 'true' : '')} />
      ) : field.kind === 'select' ? (
        <select {...common} value={value} onChange={(e) => change(e.target.value)}>
          <option value="">{i18n.t('panel.choose')}</option>
          {field.options?.map((option) => (
            <option key={option}>{option}</option>
          ))}
        </select>
      ) : field.kind === 'longText' ? (
        <textarea
          {...common}
          value={value}
          rows={3}
          placeholder={field.placeholder}
          onChange={(e: ChangeEvent<HTMLTextAreaElement>) => change(e.target.value)}
        />
      ) : (
        <input
          {...common}
          type={INPUT_TYPES[field.kind] ?? 'text'}
          value={value}
          placeholder={field.placeholder}
          onChange={(e) => change(e.target.value)}
        />
      )}
      <div id={`${id}-help`} className="help">
        {field.help}
        {value.length > max * 0.8 ? ` ${value.length} / ${max}` : null}
      </div>
      <div id={`${id}-problem`} className="problem" role={issue ? 'status' : undefined}>
        {issue ? fieldIssueText(issue) : null}
      </div>
      {/* One message per mistake: an answer with a problem (not an email, vague and blocking) shows that alone, never the flags again beside it. */}
      <QualityFlags field={field} flags={issue ? [] : flags} id={`${id}-flags`} />
      {elsewhere !== undefined && elsewhere !== value ? (
        <div className="elsewhere" role="status" data-testid="changed-elsewhere">
          {i18n.t('panel.elsewhere', [elsewhere])}
          <button type="button" onClick={takeTheirs}>{i18n.t('panel.useTheirs')}</button>
          <button type="button" onClick={keepMine}>{i18n.t('panel.keepMine')}</button>
        </div>
      ) : null}
    </div>
  );
}
