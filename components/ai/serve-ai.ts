import { browser, type Browser } from 'wxt/browser';

type Sender = Browser.runtime.MessageSender;
import { AiError, failureOf } from '../../lib/ai/failure';
import { effectiveAiSettings } from '../../lib/ai/settings';
import { AI_PORT, AiCallSchema, type AiReply } from '../../lib/ai/transport';
import { aiSettings } from '../storage/ai-settings';
import { managedPolicy } from '../storage/managed-policy';
import { callEndpoint } from './endpoint-call';

/**
 * Worker side of the panel's AI port. `mayAsk` throws unless the port is Baton's own panel in a
 * host tab. Each message is one call; it is aborted when its timeout passes or the port closes
 * (the panel was closed or cancelled).
 */
export function serveAiCalls(mayAsk: (sender: Sender) => Promise<unknown>): void {
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== AI_PORT) return;
    const controller = new AbortController();
    port.onDisconnect.addListener(() => controller.abort());
    port.onMessage.addListener(async (message: unknown) => {
      const reply = await answer(message, port.sender, controller.signal, mayAsk);
      if (!controller.signal.aborted) port.postMessage(reply);
    });
  });
}

async function answer(
  message: unknown,
  sender: Sender | undefined,
  cancelled: AbortSignal,
  mayAsk: (sender: Sender) => Promise<unknown>,
): Promise<AiReply> {
  try {
    const call = AiCallSchema.safeParse(message);
    if (!sender || !call.success) throw new AiError('refused');
    await mayAsk(sender).catch((error: unknown) => {
      throw new AiError('refused', error instanceof Error ? error.message : undefined);
    });
    // The policy's endpoint, when it pins one, whatever the person typed (or a stale setting says).
    const [chosen, policy] = await Promise.all([aiSettings.withKey(), managedPolicy.get()]);
    const settings = effectiveAiSettings(chosen, policy);
    if (settings.provider !== 'endpoint') throw new AiError('off');
    const timeout = AbortSignal.timeout(settings.timeoutSeconds * 1000);
    const signal = AbortSignal.any([cancelled, timeout]);
    try {
      return { ok: true, text: await callEndpoint(settings, call.data, signal, new URL(browser.runtime.getURL('/')).origin) };
    } catch (error) {
      if (timeout.aborted) throw new AiError('timeout', String(settings.timeoutSeconds));
      throw error;
    }
  } catch (error) {
    return { ok: false, ...failureOf(error) };
  }
}
