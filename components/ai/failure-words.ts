import { i18n } from '#i18n';
import type { AiFailure } from '../../lib/ai/failure';
import { failureParts } from '../../lib/ai/failure-parts';

/** Why a request gave no suggestion, as one sentence that says what to do (ai.reason.* in locales/en.yml). */
export function aiFailureSentence(failure: AiFailure): string {
  return i18n.t(`ai.reason.${failure.reason}`, [failureParts(failure).inline]).trim();
}
