import { useEffect, useRef, useState } from 'react';
import { askForJson, type AiResult } from '../../lib/ai/ask';
import type { AiRequest } from '../../lib/ai/prompts';
import type { AiProviderView } from './use-ai-provider';

/** Where one Draft or Summarize stands: shown (not sent), waiting, or answered. */
export type AiRequestState<T> =
  | { step: 'idle' }
  | { step: 'preview'; request: AiRequest }
  | { step: 'sending'; request: AiRequest; downloaded?: number }
  | { step: 'answered'; request: AiRequest; result: AiResult<T> };

/** The panel's own margin over the worker's timeout: the worker's, which says why, comes first. */
const PANEL_MARGIN_MS = 5_000;

/**
 * Runs one request at the rep's press. Cancel, a new preview, or the panel closing (unmount,
 * or the frame going away with its port) aborts the call in flight.
 */
export interface AiRequestControl<T = unknown> {
  state: AiRequestState<T>;
  preview(request: AiRequest): void;
  send(request: AiRequest): Promise<void>;
  cancel(): void;
}

export function useAiRequest<T>(provider: AiProviderView | undefined): AiRequestControl<T> {
  const [state, setState] = useState<AiRequestState<T>>({ step: 'idle' });
  const inFlight = useRef<AbortController>(undefined);
  useEffect(() => () => inFlight.current?.abort(), []);

  const cancel = () => {
    inFlight.current?.abort();
    inFlight.current = undefined;
    setState({ step: 'idle' });
  };
  const preview = (request: AiRequest) => {
    inFlight.current?.abort();
    setState({ step: 'preview', request });
  };
  const send = async (request: AiRequest) => {
    if (!provider) return;
    const controller = new AbortController();
    inFlight.current = controller;
    setState({ step: 'sending', request });
    const signal = AbortSignal.any([controller.signal, AbortSignal.timeout(provider.timeoutSeconds * 1000 + (provider.kind === 'endpoint' ? PANEL_MARGIN_MS : 0))]);
    const onProgress = (loaded: number) => !controller.signal.aborted && setState({ step: 'sending', request, downloaded: loaded });
    const result = (await askForJson(request, provider.complete(onProgress), signal)) as AiResult<T>;
    if (controller.signal.aborted) return;
    if (!result.ok && result.reason === 'timeout' && !result.detail) result.detail = String(provider.timeoutSeconds);
    inFlight.current = undefined;
    setState({ step: 'answered', request, result });
  };
  return { state, preview, send, cancel };
}
