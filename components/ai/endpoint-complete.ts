import { browser } from 'wxt/browser';
import { AiError } from '../../lib/ai/failure';
import type { Complete } from '../../lib/ai/ask';
import { AI_PORT, AiReplySchema } from '../../lib/ai/transport';

/**
 * A Complete for the person's own endpoint: the worker makes the call (serve-ai.ts). One port
 * per call; aborting the signal, or closing the panel, disconnects it and the worker aborts.
 */
export const endpointComplete: Complete = (messages, jsonSchema, signal) =>
  new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const port = browser.runtime.connect({ name: AI_PORT });
    const stop = () => {
      port.disconnect();
      reject(signal.reason);
    };
    signal.addEventListener('abort', stop, { once: true });
    port.onDisconnect.addListener(() => reject(new AiError('refused', 'the worker closed the call')));
    port.onMessage.addListener((message: unknown) => {
      signal.removeEventListener('abort', stop);
      port.disconnect();
      const reply = AiReplySchema.safeParse(message);
      if (!reply.success) reject(new AiError('refused'));
      else if (reply.data.ok) resolve(reply.data.text);
      else reject(new AiError(reply.data.reason, reply.data.detail));
    });
    port.postMessage({ messages, jsonSchema });
  });
