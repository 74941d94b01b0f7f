import type { AiFailure, AiReason } from './failure';

// A failure's detail is of two sorts: a value the sentence names (seconds, an origin, an HTTP
// status) and what the other side said (an endpoint's error body, the parser's complaint). The
// first belongs in the sentence; the second is for whoever runs the endpoint, so it goes aside.

/** Details that are only what the endpoint or the parser said: never inside the sentence. */
const ASIDE_ONLY: ReadonlySet<AiReason> = new Set(['forbidden', 'unauthorized', 'badAnswer', 'refused']);
/** Details written "<status> <body>" by httpFailure (lib/ai/endpoint.ts): the status is named, the body set aside. */
const STATUS_AND_BODY: ReadonlySet<AiReason> = new Set(['serverError', 'httpError']);

export function failureParts({ reason, detail = '' }: AiFailure): { inline: string; aside?: string } {
  if (ASIDE_ONLY.has(reason)) return detail ? { inline: '', aside: detail } : { inline: '' };
  if (STATUS_AND_BODY.has(reason)) {
    const [, status = detail, body] = /^(\d{3})\s*(.*)$/s.exec(detail) ?? [];
    return body ? { inline: status, aside: body } : { inline: status };
  }
  return { inline: detail };
}

/** Failures a second press cannot change: AI is off, or there was nothing to send. */
const FINAL: ReadonlySet<AiReason> = new Set(['off', 'noNotes', 'nothingToAsk']);

/**
 * Retry wherever pressing again can help: a slow or failing model, a collapsed panel, and
 * settings the person may have fixed meanwhile (an endpoint's CORS, a key, the built-in model).
 */
export function mayRetry(reason: AiReason): boolean {
  return !FINAL.has(reason);
}
