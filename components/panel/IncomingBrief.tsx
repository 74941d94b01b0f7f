import type { ParsedBrief } from '../../lib/brief';
import { HOST_NAMES } from '../../lib/record';

interface IncomingBriefProps {
  brief: ParsedBrief;
  templateName: string | undefined;
  /** The brief before this one for the same template, to show what changed. */
  previous: ParsedBrief | undefined;
}

/** A brief read from the record's notes: read-only context, never taken as markup. */
export function IncomingBrief({ brief, templateName, previous }: IncomingBriefProps) {
  const { record } = brief;
  const when = brief.at ? brief.at.toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' }) : undefined;
  const changed = (fieldId: string, value: string | undefined) => {
    const before = previous?.fields?.find((field) => field.fieldId === fieldId)?.value;
    return previous !== undefined && before !== value;
  };
  return (
    <section className="incoming" aria-labelledby="incoming-title" data-testid="incoming-brief">
      <h2 id="incoming-title">Incoming handoff · {templateName ?? brief.templateId}</h2>
      <p className="incoming__meta">
        {brief.by ? <>From {brief.by}</> : 'From an unnamed sender'}
        {when ? <> on {when}</> : null} · {HOST_NAMES[record.host]} {record.objectType} {record.recordId}
        {brief.nextOwner ? <> · next owner {brief.nextOwner}</> : null}
      </p>
      {brief.complete ? (
        <p className="notice notice--ok" data-testid="incoming-status">Complete: {brief.declared.filled} of {brief.declared.required} required</p>
      ) : brief.readable ? (
        <p className="notice notice--error" data-testid="incoming-status">Incomplete: {brief.declared.filled} of {brief.declared.required} required</p>
      ) : (
        <p className="notice notice--error" data-testid="incoming-status">
          {brief.fields ? 'Baton could not read every field of this brief (the note may have been edited or cut short). Ask the sender for a new one.' : 'This brief uses a template that is not installed here; its fields cannot be read.'}
        </p>
      )}
      {brief.fields ? (
        <dl className="incoming__fields">
          {brief.fields.map((field) => (
            <div key={field.fieldId} id={briefFieldAnchor(field.fieldId)} className={changed(field.fieldId, field.value) ? 'incoming__field incoming__field--changed' : 'incoming__field'} data-field={field.fieldId}>
              <dt>
                {field.label}
                {changed(field.fieldId, field.value) ? <span className="changed-tag"> changed since the earlier brief</span> : null}
              </dt>
              <dd>{field.value === undefined ? <em>could not be read</em> : field.value || <em>none</em>}</dd>
            </div>
          ))}
        </dl>
      ) : null}
    </section>
  );
}

/** The id of a field's row in the incoming brief: Summarize's bullets link to it. */
export const briefFieldAnchor = (fieldId: string) => `brief-field-${fieldId}`;
