import * as z from 'zod/mini';
import { AiError, failureOf, type AiFailure } from './failure';
import { repairMessages, type AiRequest, type ChatMessage } from './prompts';

/** What every provider does: send messages (with the answer's JSON schema) and return the model's text. */
export type Complete = (messages: ChatMessage[], jsonSchema: Record<string, unknown>, signal: AbortSignal) => Promise<string>;

export type AiResult<T> = { ok: true; answer: T; repaired: boolean } | ({ ok: false } & AiFailure);

/** Models wrap JSON in a code fence or a sentence now and then: the outermost {...} is taken. */
export function extractJson(text: string): unknown {
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  if (start < 0 || end < start) throw new SyntaxError('no JSON object in the answer');
  return JSON.parse(text.slice(start, end + 1));
}

/** The answer parsed with the request's schema, or why it is not valid, in a line the model can act on. */
export function parseAnswer<T>(schema: z.ZodMiniType<T>, text: string): { ok: true; answer: T } | { ok: false; problem: string } {
  let raw: unknown;
  try {
    raw = extractJson(text);
  } catch (error) {
    return { ok: false, problem: `not JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, answer: parsed.data };
  return { ok: false, problem: parsed.error.issues.slice(0, 5).map((issue) => `${issue.path.join('.') || 'answer'}: ${issue.message}`).join('; ') };
}

/**
 * Asks once; an answer that does not parse gets one repair retry (the model is told what was
 * wrong); a second bad answer is no suggestion, with the parser's reason. A transport failure
 * (timeout, 403, cancel...) is not retried: asking again would not change it.
 */
export async function askForJson<T>(request: AiRequest & { schema: z.ZodMiniType<T> }, complete: Complete, signal: AbortSignal): Promise<AiResult<T>> {
  try {
    const first = await complete(request.messages, request.jsonSchema, signal);
    const parsed = parseAnswer(request.schema, first);
    if (parsed.ok) return { ok: true, answer: parsed.answer, repaired: false };
    const second = await complete(repairMessages(request.messages, first, parsed.problem), request.jsonSchema, signal);
    const repaired = parseAnswer(request.schema, second);
    if (repaired.ok) return { ok: true, answer: repaired.answer, repaired: true };
    return { ok: false, reason: 'badAnswer', detail: repaired.problem };
  } catch (error) {
    if (signal.aborted && !(error instanceof AiError)) return { ok: false, reason: isTimeout(signal.reason) ? 'timeout' : 'cancelled' };
    return { ok: false, ...failureOf(error) };
  }
}

const isTimeout = (reason: unknown) => reason instanceof DOMException && reason.name === 'TimeoutError';
