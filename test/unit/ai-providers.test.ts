import { describe, expect, it, vi } from 'vitest';
import { builtInAvailability, builtInComplete, type LanguageModelApi } from '../../components/ai/built-in';
import { chatAnswerText, chatBody, chatCompletionsUrl, httpFailure } from '../../lib/ai/endpoint';
import { AiError } from '../../lib/ai/failure';
import { effectiveProvider, parseAiSettings } from '../../lib/ai/settings';

describe('an OpenAI-compatible endpoint', () => {
  it('is reached at …/chat/completions whether the base or the full address is given', () => {
    expect(chatCompletionsUrl('http://localhost:11434/v1').href).toBe('http://localhost:11434/v1/chat/completions');
    expect(chatCompletionsUrl('https://llm.example.com/v1/chat/completions').href).toBe('https://llm.example.com/v1/chat/completions');
    expect(() => chatCompletionsUrl('file:///etc/passwd')).toThrow(AiError);
  });
  it('is asked for a streamed answer, with the JSON schema as response_format', () => {
    const body = JSON.parse(chatBody('llama3.2', [{ role: 'user', content: 'hi' }], { type: 'object' }));
    expect(body).toMatchObject({ model: 'llama3.2', stream: true, response_format: { type: 'json_schema', json_schema: { schema: { type: 'object' } } } });
  });
  it('answers whole or streamed', () => {
    expect(chatAnswerText(JSON.stringify({ choices: [{ message: { content: '{"a":1}' } }] }), 'application/json')).toBe('{"a":1}');
    const stream = ['{"a"', ':1}'].map((piece) => `data: ${JSON.stringify({ choices: [{ delta: { content: piece } }] })}`).join('\n\n') + '\n\ndata: [DONE]\n\n';
    expect(chatAnswerText(stream, 'text/event-stream')).toBe('{"a":1}');
    expect(() => chatAnswerText('<html>', 'text/html')).toThrow(/did not answer with JSON/);
  });
  it('explains a 403 from a local Ollama as OLLAMA_ORIGINS, and other failures by status', () => {
    expect(httpFailure(403, new URL('http://localhost:11434/v1/chat/completions'), '')).toMatchObject({ reason: 'ollamaOrigin', detail: 'http://localhost:11434' });
    expect(httpFailure(403, new URL('https://llm.example.com/v1/chat/completions'), 'no')).toMatchObject({ reason: 'forbidden' });
    expect(httpFailure(401, new URL('https://llm.example.com/x'), '')).toMatchObject({ reason: 'unauthorized' });
    expect(httpFailure(500, new URL('https://llm.example.com/x'), 'boom')).toMatchObject({ reason: 'serverError', detail: '500 boom' });
  });
});

describe('which provider is in force', () => {
  it('is Off until chosen, and Off when the stored settings no longer parse', () => {
    expect(parseAiSettings(undefined).provider).toBe('off');
    expect(parseAiSettings({ provider: 'cloud' }).provider).toBe('off');
  });
  it('is forced Off by a policy of off, and limited to the one a policy names', () => {
    expect(effectiveProvider({ provider: 'endpoint' }, { aiProvider: 'off' })).toBe('off');
    expect(effectiveProvider({ provider: 'endpoint' }, { aiProvider: 'builtIn' })).toBe('off');
    expect(effectiveProvider({ provider: 'builtIn' }, { aiProvider: 'builtIn' })).toBe('builtIn');
    expect(effectiveProvider({ provider: 'endpoint' }, {})).toBe('endpoint');
  });
});

/** A stand-in for Chrome's LanguageModel, answering from a script. */
function fakeLanguageModel(availability: string, answer = '{"ok":true}') {
  const prompts: { input: string; options: unknown; initial: unknown }[] = [];
  const api = {
    availability: vi.fn(async () => availability),
    create: vi.fn(async (options: Parameters<LanguageModelApi['create']>[0]) => {
      if (availability === 'downloadable') options.monitor?.({ addEventListener: (_type, listener) => [0.5, 1].forEach((loaded) => listener({ loaded })) });
      return {
        prompt: vi.fn(async (input: string, promptOptions: unknown) => (prompts.push({ input, options: promptOptions, initial: options.initialPrompts }), answer)),
        destroy: vi.fn(),
      };
    }),
  };
  return { api: api as unknown as LanguageModelApi, prompts };
}

describe('the built-in model (Prompt API)', () => {
  const messages = [
    { role: 'system' as const, content: 'Be brief.' },
    { role: 'user' as const, content: 'Draft this.' },
  ];
  it('is unavailable where the browser has no LanguageModel (Firefox, Debian’s Chromium)', async () => {
    expect(await builtInAvailability(undefined)).toBe('unavailable');
    await expect(builtInComplete(() => undefined, undefined)(messages, {}, new AbortController().signal)).rejects.toMatchObject({ reason: 'unavailable' });
  });
  it('reports the device’s own verdict', async () => {
    expect(await builtInAvailability(fakeLanguageModel('unavailable').api)).toBe('unavailable');
    await expect(builtInComplete(() => undefined, fakeLanguageModel('unavailable').api)(messages, {}, new AbortController().signal)).rejects.toMatchObject({
      reason: 'unavailable',
    });
  });
  it('prompts with the conversation and the JSON schema as responseConstraint, reporting download progress', async () => {
    const { api, prompts } = fakeLanguageModel('downloadable');
    const progress: number[] = [];
    const text = await builtInComplete((loaded) => progress.push(loaded), api)(messages, { type: 'object' }, new AbortController().signal);
    expect(text).toBe('{"ok":true}');
    expect(progress).toEqual([0.5, 1]);
    expect(prompts[0]).toMatchObject({ input: 'Draft this.', options: { responseConstraint: { type: 'object' } }, initial: [messages[0]] });
  });
});
