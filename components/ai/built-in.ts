import { AiError } from '../../lib/ai/failure';
import type { Complete } from '../../lib/ai/ask';
import type { ChatMessage } from '../../lib/ai/prompts';

// Chrome's built-in Prompt API (`LanguageModel`, Chrome 138+ in windows, not in workers): the
// model runs on the device, nothing leaves it. Browsers without it (Firefox, Debian's Chromium)
// get a clear "unavailable".

export type BuiltInAvailability = 'unavailable' | 'downloadable' | 'downloading' | 'available';

interface LanguageModelSession {
  prompt(input: string, options: { responseConstraint?: unknown; signal?: AbortSignal }): Promise<string>;
  destroy(): void;
}
interface DownloadMonitor {
  addEventListener(type: 'downloadprogress', listener: (event: { loaded: number }) => void): void;
}
/** The part of the API Baton uses (https://developer.chrome.com/docs/ai/prompt-api). */
export interface LanguageModelApi {
  availability(options?: object): Promise<BuiltInAvailability>;
  create(options: { initialPrompts?: { role: ChatMessage['role']; content: string }[]; signal?: AbortSignal; monitor?: (monitor: DownloadMonitor) => void }): Promise<LanguageModelSession>;
}

const OPTIONS = { expectedInputs: [{ type: 'text', languages: ['en'] }], expectedOutputs: [{ type: 'text', languages: ['en'] }] };

export function languageModelApi(scope: object = globalThis): LanguageModelApi | undefined {
  return (scope as { LanguageModel?: LanguageModelApi }).LanguageModel;
}

export async function builtInAvailability(api = languageModelApi()): Promise<BuiltInAvailability> {
  if (!api) return 'unavailable';
  try {
    return await api.availability(OPTIONS);
  } catch {
    return 'unavailable';
  }
}

/**
 * A Complete for the built-in model. Every call starts a fresh session holding the conversation
 * so far; `onProgress` hears the download (0..1) when the model must be fetched first.
 */
export function builtInComplete(onProgress: (loaded: number) => void, api = languageModelApi()): Complete {
  return async (messages, jsonSchema, signal) => {
    if (!api || (await builtInAvailability(api)) === 'unavailable') throw new AiError('unavailable');
    const last = messages.at(-1)!;
    const session = await api.create({
      ...OPTIONS,
      initialPrompts: messages.slice(0, -1),
      signal,
      monitor: (monitor) => monitor.addEventListener('downloadprogress', (event) => onProgress(event.loaded)),
    });
    try {
      return await session.prompt(last.content, { responseConstraint: jsonSchema, signal });
    } finally {
      session.destroy();
    }
  };
}
