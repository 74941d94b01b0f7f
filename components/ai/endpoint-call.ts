import { chatAnswerText, chatBody, chatCompletionsUrl, httpFailure } from '../../lib/ai/endpoint';
import { AiError } from '../../lib/ai/failure';
import type { AiCall } from '../../lib/ai/transport';
import type { AiSettings } from '../../lib/ai/settings';

/**
 * One call to the person's OpenAI-compatible endpoint, from the worker: an ordinary CORS
 * request (no host permission asked), so the endpoint decides whether Baton's origin may call it.
 */
export async function callEndpoint(settings: AiSettings, call: AiCall, signal: AbortSignal, ownOrigin: string): Promise<string> {
  const url = chatCompletionsUrl(settings.endpointUrl);
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (settings.apiKey) headers.Authorization = `Bearer ${settings.apiKey}`;
  let response: Response;
  try {
    response = await fetch(url, { method: 'POST', headers, body: chatBody(settings.model, call.messages, call.jsonSchema), signal, credentials: 'omit' });
  } catch (error) {
    if (signal.aborted) throw error;
    // fetch tells a refused CORS preflight and a server that is down apart only in the console.
    throw new AiError('unreachable', ownOrigin);
  }
  const body = await response.text();
  if (!response.ok) throw httpFailure(response.status, url, body);
  return chatAnswerText(body, response.headers.get('content-type') ?? '');
}
