import { i18n } from '#i18n';
import type { SummaryAnswer } from '../../lib/ai/answers';
import { MAX_FIELD_CHARS, summaryRequest, type HandedField } from '../../lib/ai/prompts';
import { summaryBullets } from '../../lib/ai/suggestions';
import { AiFailureNote, AiRequestSteps } from './AiPreview';
import { useAiProvider, type AiProviderView } from './use-ai-provider';
import { useAiRequest } from './use-ai-request';

interface SummarizeProps {
  /** The incoming brief's fields, as read from the note. */
  fields: readonly HandedField[];
  /** Fields the installed template marks private: never sent. */
  privateIds: ReadonlySet<string>;
  /** The element id of a field's row in the brief, for the bullet's link. */
  fieldAnchor(fieldId: string): string;
}

/** Summarize an incoming handoff: 3–5 bullets (promises, risks, dates), each linked to its field. */
export function SummarizeHandoff(props: SummarizeProps) {
  const provider = useAiProvider();
  return provider && props.fields.some((field) => field.value?.trim()) ? <SummaryPanel provider={provider} {...props} /> : null;
}

function SummaryPanel({ provider, fields, privateIds, fieldAnchor }: SummarizeProps & { provider: AiProviderView }) {
  const ai = useAiRequest<SummaryAnswer>(provider);
  const { state } = ai;
  return (
    <div className="ai-summary" data-testid="ai-summary">
      {state.step === 'idle' ? (
        <button type="button" className="button button--secondary" onClick={() => ai.preview(summaryRequest(fields, privateIds))}>
          {i18n.t('ai.summary.button')}
        </button>
      ) : null}
      <AiRequestSteps provider={provider} ai={ai} capNote={i18n.t('ai.preview.capSummary', [MAX_FIELD_CHARS.toLocaleString('en')])} />
      {state.step === 'answered' && state.result.ok ? <Bullets answer={state.result.answer} fields={fields} fieldAnchor={fieldAnchor} onRetry={ai.retry} /> : null}
    </div>
  );
}

interface BulletsProps {
  answer: SummaryAnswer;
  fields: readonly HandedField[];
  fieldAnchor(fieldId: string): string;
  onRetry(): void;
}

function Bullets({ answer, fields, fieldAnchor, onRetry }: BulletsProps) {
  const bullets = summaryBullets(answer, fields);
  if (bullets.length === 0) return <AiFailureNote failure={{ reason: 'badAnswer', detail: 'no bullet named a field of the brief' }} onRetry={onRetry} />;
  return (
    <>
      <h3>{i18n.t('ai.summary.title')}</h3>
      <ul className="ai-bullets" data-testid="ai-bullets">
        {bullets.map((bullet, index) => (
          <li key={index} data-kind={bullet.kind}>
            <span className="ai-bullets__kind">{i18n.t(`ai.summary.kind.${bullet.kind}`)}</span> {bullet.text}{' '}
            <a href={`#${fieldAnchor(bullet.fieldId)}`}>{i18n.t('ai.summary.fromField', [bullet.label])}</a>
          </li>
        ))}
      </ul>
    </>
  );
}
