import { i18n } from '#i18n';
import type { AiRequest } from '../../lib/ai/prompts';
import type { AiFailure } from '../../lib/ai/failure';
import { failureParts, mayRetry } from '../../lib/ai/failure-parts';
import { aiFailureSentence } from './failure-words';
import type { AiProviderView } from './use-ai-provider';
import type { AiRequestControl } from './use-ai-request';

/** A request's preview while it is shown or sent, and the reason when it gave no answer. */
export function AiRequestSteps({ provider, ai, capNote }: { provider: AiProviderView; ai: AiRequestControl; capNote: string }) {
  const { state } = ai;
  if (state.step === 'preview' || state.step === 'sending') {
    return (
      <AiPreview
        provider={provider}
        request={state.request}
        capNote={capNote}
        sending={state.step === 'sending'}
        downloaded={state.step === 'sending' ? state.downloaded : undefined}
        onSend={() => void ai.send(state.request)}
        onCancel={ai.cancel}
      />
    );
  }
  return state.step === 'answered' && !state.result.ok ? <AiFailureNote failure={state.result} onRetry={ai.retry} /> : null;
}

interface AiPreviewProps {
  provider: AiProviderView;
  request: AiRequest;
  /** The note under the text: what the cap is. */
  capNote: string;
  sending: boolean;
  downloaded?: number;
  onSend(): void;
  onCancel(): void;
}

/** Exactly what will be sent, and where, before anything is: the rep presses Send or Cancel. */
function AiPreview({ provider, request, capNote, sending, downloaded, onSend, onCancel }: AiPreviewProps) {
  return (
    <div className="ai-preview" data-testid="ai-preview">
      <h3>{i18n.t('ai.preview.title')}</h3>
      <p className="ai-preview__where" data-testid="ai-where">
        {i18n.t('ai.preview.where', [provider.url ?? i18n.t('ai.preview.builtIn')])}
        {provider.model ? <><br />{i18n.t('ai.preview.model', [provider.model])}</> : null}
      </p>
      <p className="ai-preview__cap">
        {capNote}
        {request.truncated ? ` ${i18n.t('ai.preview.truncated')}` : null}
      </p>
      <p className="ai-preview__cap">{i18n.t('ai.preview.schema')}</p>
      {request.privateLabels.length > 0 ? <p className="ai-preview__cap">{i18n.t('ai.preview.private', [request.privateLabels.join(', ')])}</p> : null}
      {/* Each message in full, in the panel's own flow (no small scrolling box), and as text:
          host notes are never markup here. */}
      <div className="ai-preview__text" data-testid="ai-sent-text">
        {request.messages.map((message, index) => (
          <section key={index} className="ai-preview__message" data-testid="ai-sent-message" data-role={message.role}>
            <h4>{i18n.t(`ai.preview.role.${message.role}`)}</h4>
            <p className="ai-preview__content">{message.content}</p>
          </section>
        ))}
      </div>
      {sending ? (
        <p role="status" className="ai-preview__status">
          {downloaded !== undefined && downloaded < 1 ? i18n.t('ai.preview.downloading', [String(Math.round(downloaded * 100))]) : i18n.t('ai.preview.sending')}
        </p>
      ) : null}
      <div className="ai-preview__buttons">
        <button type="button" className="button" onClick={onSend} disabled={sending}>
          {i18n.t('ai.preview.send')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {i18n.t('ai.preview.cancel')}
        </button>
      </div>
    </div>
  );
}

/** Why there is no suggestion, as a sentence the rep (or whoever runs the endpoint) can act on, and Retry where it can help. */
export function AiFailureNote({ failure, onRetry }: { failure: AiFailure; onRetry?(): void }) {
  const { aside } = failureParts(failure);
  return (
    <div className="notice notice--error ai-failure" role="alert" data-testid="ai-failure" data-reason={failure.reason}>
      <p>
        <strong>{i18n.t('ai.failure.title')}</strong> {aiFailureSentence(failure)}
      </p>
      {aside ? (
        <details className="ai-failure__detail">
          <summary>{i18n.t('ai.failure.detail')}</summary>
          <p>{aside}</p>
        </details>
      ) : null}
      {onRetry && mayRetry(failure.reason) ? (
        <button type="button" className="button" onClick={onRetry}>
          {i18n.t('ai.failure.retry')}
        </button>
      ) : null}
    </div>
  );
}
