import { useEffect, useRef, useState } from 'react';
import { askForJson, type AiResult } from '../../lib/ai/ask';
import type { AiRequest } from '../../lib/ai/prompts';
import type { AiProviderView } from './use-ai-provider';
import { onPanelHidden } from '../panel/panel-hidden';

/** Where one Draft or Summarize stands: shown (not sent), waiting, or answered. */
export type AiRequestState<T> =
  | { step: 'idle' }
  | { step: 'preview'; request: AiRequest }
  | { step: 'sending'; request: AiRequest; downloaded?: number }
  | { step: 'answered'; request: AiRequest; result: AiResult<T> };

/** The panel's own margin over the worker's timeout: the worker's, which says why, comes first. */
const PANEL_MARGIN_MS = 5_000;

/** The abort reason when the panel was collapsed: the rep is told so, with Retry, when it opens again. */
const PANEL_HIDDEN = 'panelHidden';

/**
 * Runs one request at the rep's press. Cancel, a new preview, or the panel closing (unmount,
 * the frame going away with its port, or the dock collapsing it) aborts the call in flight.
 */
export interface AiRequestControl<T = unknown> {
  state: AiRequestState<T>;
  preview(request: AiRequest): void;
  send(request: AiRequest): Promise<void>;
  /** Sends the request that gave no answer again, as it was previewed. */
  retry(): void;
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
    const stopWatching = onPanelHidden(() => controller.abort(PANEL_HIDDEN));
    const answer = (await askForJson(request, provider.complete(onProgress), signal)) as AiResult<T>;
    stopWatching();
    const hidden = controller.signal.reason === PANEL_HIDDEN;
    // Cancelled by the rep, or replaced by a new preview: that step is already shown.
    if (controller.signal.aborted && !hidden) return;
    const result: AiResult<T> = hidden ? { ok: false, reason: 'panelHidden' } : answer;
    if (!result.ok && result.reason === 'timeout' && !result.detail) result.detail = String(provider.timeoutSeconds);
    inFlight.current = undefined;
    setState({ step: 'answered', request, result });
  };
  const retry = () => {
    if (state.step === 'answered') void send(state.request);
  };
  return { state, preview, send, retry, cancel };
}
