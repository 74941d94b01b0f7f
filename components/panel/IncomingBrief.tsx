import { i18n } from '#i18n';
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
      <h2 id="incoming-title">{i18n.t('panel.incoming.title', [templateName ?? brief.templateId])}</h2>
      <p className="incoming__meta">
        {[brief.by ? i18n.t('panel.incoming.from', [brief.by]) : i18n.t('panel.incoming.fromUnnamed'), when && i18n.t('panel.incoming.on', [when])]
          .filter(Boolean)
          .join(' ')}
        {` · ${HOST_NAMES[record.host]} ${record.objectType} ${record.recordId}`}
        {brief.nextOwner ? ` · ${i18n.t('panel.incoming.nextOwner', [brief.nextOwner])}` : null}
      </p>
      {brief.complete ? (
        <p className="notice notice--ok" data-testid="incoming-status">{i18n.t('panel.incoming.complete', [brief.declared.filled, brief.declared.required])}</p>
      ) : brief.readable ? (
        <p className="notice notice--error" data-testid="incoming-status">{i18n.t('panel.incoming.incomplete', [brief.declared.filled, brief.declared.required])}</p>
      ) : (
        <p className="notice notice--error" data-testid="incoming-status">
          {brief.fields ? i18n.t('panel.incoming.unreadable') : i18n.t('panel.incoming.notInstalled')}
        </p>
      )}
      {brief.fields ? (
        <dl className="incoming__fields">
          {brief.fields.map((field) => (
            <div key={field.fieldId} id={briefFieldAnchor(field.fieldId)} className={changed(field.fieldId, field.value) ? 'incoming__field incoming__field--changed' : 'incoming__field'} data-field={field.fieldId}>
              <dt>
                {field.label}
                {changed(field.fieldId, field.value) ? <span className="changed-tag"> {i18n.t('panel.incoming.changed')}</span> : null}
              </dt>
              <dd>{field.value === undefined ? <em>{i18n.t('panel.incoming.couldNotRead')}</em> : field.value || <em>{i18n.t('panel.incoming.none')}</em>}</dd>
            </div>
          ))}
        </dl>
      ) : null}
    </section>
  );
}

/** The id of a field's row in the incoming brief: Summarize's bullets link to it. */
export const briefFieldAnchor = (fieldId: string) => `brief-field-${fieldId}`;
