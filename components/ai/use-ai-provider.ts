import { useEffect, useState } from 'react';
import type { Complete } from '../../lib/ai/ask';
import { chatCompletionsUrl } from '../../lib/ai/endpoint';
import { effectiveAiSettings, parseAiSettings, type AiSettings } from '../../lib/ai/settings';
import type { ManagedPolicy } from '../../lib/managed-policy';
import { aiSettings } from '../storage/ai-settings';
import { managedPolicy } from '../storage/managed-policy';
import { builtInComplete } from './built-in';
import { endpointComplete } from './endpoint-complete';

/** The provider in force, what the rep is told about it, and how to call it. */
export interface AiProviderView {
  kind: 'builtIn' | 'endpoint';
  /** Where the text goes: the endpoint's address, or undefined for the on-device model. */
  url?: string;
  model?: string;
  timeoutSeconds: number;
  complete(onProgress: (loaded: number) => void): Complete;
}

/** The settings and the policy, watched; undefined while AI is off (or still loading). */
export function useAiProvider(): AiProviderView | undefined {
  const [settings, setSettings] = useState<AiSettings>();
  const [policy, setPolicy] = useState<ManagedPolicy>();
  useEffect(() => {
    void aiSettings.get().then(setSettings);
    void managedPolicy.get().then(setPolicy);
    const stopSettings = aiSettings.watch(setSettings);
    const stopPolicy = managedPolicy.watch(setPolicy);
    return () => (stopSettings(), stopPolicy());
  }, []);
  if (!settings || !policy) return undefined;
  return providerView(settings, policy);
}

export function providerView(chosen: AiSettings = parseAiSettings(undefined), policy: ManagedPolicy): AiProviderView | undefined {
  const settings = effectiveAiSettings(chosen, policy);
  const kind = settings.provider;
  if (kind === 'builtIn') return { kind, timeoutSeconds: settings.timeoutSeconds, complete: (onProgress) => builtInComplete(onProgress) };
  if (kind !== 'endpoint' || !URL.canParse(settings.endpointUrl)) return undefined;
  let url: string;
  try {
    url = chatCompletionsUrl(settings.endpointUrl).href;
  } catch {
    return undefined;
  }
  return { kind, url, model: settings.model, timeoutSeconds: settings.timeoutSeconds, complete: () => endpointComplete };
}
