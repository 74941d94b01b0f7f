import { AiError } from './failure';
import type { ChatMessage } from './prompts';
import { isLoopbackHost, sendsInTheClear } from '../web-address';

// An OpenAI-compatible chat completions endpoint (Ollama, vLLM, llama.cpp, LM Studio, OpenAI):
// the request body, the answer (whole or streamed), and what each failure means for the person.

/** "http://localhost:11434/v1" and ".../v1/chat/completions" both name the same endpoint. */
export function chatCompletionsUrl(endpointUrl: string): URL {
  const url = new URL(endpointUrl.trim());
  if (!['http:', 'https:'].includes(url.protocol)) throw new AiError('notFound', 'the address must start with http:// or https://');
  // The notes, and the API key with them, would cross the network readable by anyone on it.
  if (sendsInTheClear(url)) throw new AiError('cleartext', url.origin);
  if (!url.pathname.endsWith('/chat/completions')) url.pathname = `${url.pathname.replace(/\/+$/, '')}/chat/completions`;
  return url;
}

/**
 * Streamed: the answer starts at once and keeps arriving, where a whole answer from a slow local
 * model could take longer than Chrome lets a worker wait for a response to begin (30 s).
 * Servers that answer whole anyway are read just the same (chatAnswerText).
 */
export function chatBody(model: string, messages: ChatMessage[], jsonSchema: Record<string, unknown>): string {
  return JSON.stringify({
    model,
    messages,
    temperature: 0,
    stream: true,
    response_format: { type: 'json_schema', json_schema: { name: 'baton_answer', strict: true, schema: jsonSchema } },
  });
}

/** The model's text from a whole answer, or from a streamed one (text/event-stream), whichever came. */
export function chatAnswerText(body: string, contentType: string): string {
  if (contentType.includes('text/event-stream') || body.trimStart().startsWith('data:')) return streamedText(body);
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new AiError('badAnswer', 'the endpoint did not answer with JSON');
  }
  const content = (json as { choices?: { message?: { content?: unknown } }[] }).choices?.[0]?.message?.content;
  if (typeof content !== 'string') throw new AiError('badAnswer', 'the answer holds no choices[0].message.content');
  return content;
}

/** Server-sent events: each `data:` line a chunk whose choices[0].delta.content adds to the text. */
function streamedText(body: string): string {
  let text = '';
  for (const line of body.split(/\r?\n/)) {
    const data = line.startsWith('data:') ? line.slice(5).trim() : '';
    if (!data || data === '[DONE]') continue;
    try {
      const chunk = JSON.parse(data) as { choices?: { delta?: { content?: unknown }; message?: { content?: unknown } }[] };
      const piece = chunk.choices?.[0]?.delta?.content ?? chunk.choices?.[0]?.message?.content;
      if (typeof piece === 'string') text += piece;
    } catch {
      throw new AiError('badAnswer', 'a streamed chunk was not JSON');
    }
  }
  return text;
}


/** What an HTTP error from the endpoint means, said so the person can fix it. */
export function httpFailure(status: number, url: URL, body: string): AiError {
  const snippet = body.replace(/\s+/g, ' ').trim().slice(0, 200);
  // Ollama answers 403 with an empty body to an origin OLLAMA_ORIGINS does not allow.
  if (status === 403 && (isLoopbackHost(url.hostname) || url.port === '11434')) return new AiError('ollamaOrigin', url.origin);
  if (status === 403) return new AiError('forbidden', snippet || undefined);
  if (status === 401) return new AiError('unauthorized', snippet || undefined);
  if (status === 404) return new AiError('notFound', url.href);
  if (status >= 500) return new AiError('serverError', `${status}${snippet ? ` ${snippet}` : ''}`);
  return new AiError('httpError', `${status}${snippet ? ` ${snippet}` : ''}`);
}
