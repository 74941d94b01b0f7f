// Why an AI request gave no suggestion, as a code the panel puts into words (ai.reason.* in
// locales/en.yml) and an optional detail (an HTTP status, the parser's complaint, an origin).

export const AI_REASONS = [
  'off',
  'unavailable',
  'unreachable',
  /** Plain http:// to another computer: refused before anything is sent. */
  'cleartext',
  'ollamaOrigin',
  'forbidden',
  'unauthorized',
  'notFound',
  'serverError',
  'httpError',
  'timeout',
  'cancelled',
  /** The panel was collapsed (hidden) while the model was still answering: the call was ended. */
  'panelHidden',
  'badAnswer',
  'noNotes',
  'nothingToAsk',
  /** The worker would not take the request (not Baton's panel, or a malformed call). */
  'refused',
] as const;
export type AiReason = (typeof AI_REASONS)[number];

export interface AiFailure {
  reason: AiReason;
  detail?: string;
}

/** Thrown by a provider's transport; carries the reason to the panel unchanged. */
export class AiError extends Error {
  constructor(
    readonly reason: AiReason,
    readonly detail?: string,
  ) {
    super(detail ? `${reason}: ${detail}` : reason);
  }
}

export function failureOf(error: unknown): AiFailure {
  if (error instanceof AiError) return { reason: error.reason, ...(error.detail ? { detail: error.detail } : {}) };
  if (error instanceof DOMException && error.name === 'AbortError') return { reason: 'cancelled' };
  return { reason: 'unreachable', detail: error instanceof Error ? error.message : String(error) };
}
