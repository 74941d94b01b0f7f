import { i18n } from '#i18n';
import { useState } from 'react';
import type { DraftAnswer } from '../../lib/ai/answers';
import { draftRequest, MAX_NOTES_CHARS } from '../../lib/ai/prompts';
import { draftSuggestions, type FieldSuggestion, type SuggestionFlag } from '../../lib/ai/suggestions';
import { DEFAULT_MIN_LENGTH } from '../../lib/quality';
import type { TemplateField } from '../../lib/template';
import { fieldIssueText, qualityFlagText } from '../words/checklist-words';
import type { Handoff } from '../../lib/checklist-status';
import { messenger } from '../../lib/messages';
import { ownEntry } from '../../lib/own-key';
import type { RecordRef } from '../../lib/record';
import { useFieldSaver } from '../panel/use-field-saver';
import { AiRequestSteps } from './AiPreview';
import { useAiProvider, type AiProviderView } from './use-ai-provider';
import { useAiRequest } from './use-ai-request';

interface DraftFromNotesProps {
  recordRef: RecordRef;
  recordTitle: string | undefined;
  recordUrl: string | undefined;
  handoff: Handoff;
  /** The team's members, when known: a suggested next owner is checked against them. */
  members: readonly string[] | undefined;
}

type Decision = 'accepted' | 'discarded';

/**
 * Draft from notes: reads the notes the page shows (on the press), shows what will be sent,
 * and after Send proposes a value for each empty field with the sentence it came from. Nothing
 * is written until the rep accepts a suggestion.
 */
export function DraftFromNotes(props: DraftFromNotesProps) {
  const provider = useAiProvider();
  return provider ? <DraftPanel provider={provider} {...props} /> : null;
}

function DraftPanel({ provider, recordRef, recordTitle, recordUrl, handoff, members }: DraftFromNotesProps & { provider: AiProviderView }) {
  const { template, values } = handoff;
  const ai = useAiRequest<DraftAnswer>(provider);
  const save = useFieldSaver();
  const [notesText, setNotesText] = useState('');
  const [note, setNote] = useState<string>();
  const [decisions, setDecisions] = useState<Record<string, Decision>>({});

  const start = async () => {
    setNote(i18n.t('ai.draft.reading'));
    setDecisions({});
    let notes: string[];
    try {
      notes = await messenger.sendMessage('requestNotesText', recordRef);
    } catch (error) {
      return setNote(i18n.t('ai.draft.readFailed', [error instanceof Error ? error.message : String(error)]));
    }
    const request = draftRequest(template.fields, values, notes);
    if (notes.length === 0) return setNote(i18n.t('ai.draft.noNotes'));
    if (request.fieldIds.length === 0) return setNote(i18n.t('ai.draft.nothingToAsk'));
    setNote(undefined);
    setNotesText(request.notesText);
    ai.preview(request);
  };
  const decide = (suggestion: FieldSuggestion & { kind: 'suggested' }, decision: Decision) => {
    setDecisions((current) => ({ ...current, [suggestion.fieldId]: decision }));
    if (decision === 'accepted') {
      save({ ref: recordRef, templateId: template.id, fieldId: suggestion.fieldId, value: suggestion.value, typedAt: Date.now(), recordTitle, recordUrl }, suggestion.label);
    }
  };
  const { state } = ai;
  const asked = state.step === 'idle' ? [] : template.fields.filter((field) => state.request.fieldIds.includes(field.id));

  return (
    <section className="ai-draft" aria-labelledby="ai-draft-title" data-testid="ai-draft">
      {state.step === 'idle' ? (
        <button type="button" className="button button--secondary" onClick={() => void start()}>
          {i18n.t('ai.draft.button')}
        </button>
      ) : (
        <h2 id="ai-draft-title">{i18n.t('ai.draft.title')}</h2>
      )}
      {note ? <p className="notice notice--muted" role="status">{note}</p> : null}
      <AiRequestSteps provider={provider} ai={ai} capNote={i18n.t('ai.preview.capNotes', [MAX_NOTES_CHARS.toLocaleString('en')])} />
      {state.step === 'answered' && state.result.ok ? (
        <>
          {state.result.repaired ? <p className="ai-draft__meta">{i18n.t('ai.preview.repaired')}</p> : null}
          <ul className="ai-suggestions">
            {draftSuggestions(state.result.answer, asked, notesText, { template, values, context: { members } }).map((suggestion) => (
              <Suggestion
                key={suggestion.fieldId}
                field={asked.find((field) => field.id === suggestion.fieldId)!}
                suggestion={suggestion}
                decision={decisions[suggestion.fieldId]}
                filledMeanwhile={(ownEntry(values, suggestion.fieldId) ?? '').trim() !== '' && !decisions[suggestion.fieldId]}
                onDecide={decide}
              />
            ))}
          </ul>
        </>
      ) : null}
      {state.step === 'answered' ? (
        <button type="button" className="button button--secondary" onClick={ai.cancel}>
          {i18n.t('ai.draft.done')}
        </button>
      ) : null}
    </section>
  );
}

interface SuggestionProps {
  field: TemplateField;
  suggestion: FieldSuggestion;
  decision: Decision | undefined;
  /** The rep typed an answer after the draft was asked for: theirs stands, no Accept. */
  filledMeanwhile: boolean;
  onDecide(suggestion: FieldSuggestion & { kind: 'suggested' }, decision: Decision): void;
}

/**
 * One field's suggestion. A flagged one (a quality check, the field's form, or a quote that is an
 * instruction) says why under the value and is never the easy path: "Accept anyway" is the
 * secondary button, so a rep pressing the first button of each row never takes it unread.
 */
function Suggestion({ field, suggestion, decision, filledMeanwhile, onDecide }: SuggestionProps) {
  const flagged = suggestion.kind === 'suggested' && suggestion.flags.length > 0;
  return (
    <li className="ai-suggestion" data-field={suggestion.fieldId} data-testid="ai-suggestion" data-flagged={flagged}>
      <strong>{suggestion.label}</strong>
      {suggestion.kind !== 'suggested' ? (
        <p className="ai-suggestion__none">{i18n.t(`ai.draft.${suggestion.kind}`)}</p>
      ) : (
        <>
          <p className="ai-suggestion__value">{suggestion.value}</p>
          <p className="ai-suggestion__source">{i18n.t('ai.draft.from', [suggestion.source])}</p>
          {flagged ? (
            <ul id={flagsId(suggestion.fieldId)} className="ai-suggestion__flags" data-testid="ai-suggestion-flags">
              {suggestion.flags.map((flag, index) => (
                <li key={index} data-flag={flag.kind === 'quality' ? flag.flag.check : flag.kind}>
                  {suggestionFlagText(flag, field)}
                </li>
              ))}
            </ul>
          ) : null}
          {decision ? (
            <p role="status">{i18n.t(`ai.draft.${decision}`)}</p>
          ) : filledMeanwhile ? null : (
            <SuggestionButtons label={suggestion.label} flagsId={flagged ? flagsId(suggestion.fieldId) : undefined} onAccept={() => onDecide(suggestion, 'accepted')} onDiscard={() => onDecide(suggestion, 'discarded')} />
          )}
        </>
      )}
    </li>
  );
}

const flagsId = (fieldId: string) => `ai-flags-${fieldId}`;

interface SuggestionButtonsProps {
  label: string;
  /** The flags' list, when there are flags: read out with the Accept anyway button. */
  flagsId: string | undefined;
  onAccept(): void;
  onDiscard(): void;
}

/** Accept first for a clean suggestion; for a flagged one, Discard first and "Accept anyway" second. */
function SuggestionButtons({ label, flagsId, onAccept, onDiscard }: SuggestionButtonsProps) {
  const flagged = flagsId !== undefined;
  const acceptWord = i18n.t(flagged ? 'ai.draft.acceptAnyway' : 'ai.draft.accept');
  const accept = (
    <button type="button" className={flagged ? 'button button--secondary' : 'button'} onClick={onAccept} aria-label={`${acceptWord}: ${label}`} aria-describedby={flagsId}>
      {acceptWord}
    </button>
  );
  const discard = (
    <button type="button" className={flagged ? 'button' : 'button button--secondary'} onClick={onDiscard} aria-label={`${i18n.t('ai.draft.discard')}: ${label}`}>
      {i18n.t('ai.draft.discard')}
    </button>
  );
  return <div className="ai-suggestion__buttons">{flagged ? <>{discard}{accept}</> : <>{accept}{discard}</>}</div>;
}

/** A flag in the words the panel uses for a typed answer, or the instruction warning. */
function suggestionFlagText(flag: SuggestionFlag, field: TemplateField): string {
  if (flag.kind === 'quality') return qualityFlagText(flag.flag, field.quality?.minLength ?? DEFAULT_MIN_LENGTH);
  if (flag.kind === 'form') return fieldIssueText(flag.issue);
  return i18n.t('ai.draft.instructionQuote');
}
