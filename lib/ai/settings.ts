import * as z from 'zod/mini';
import { AI_PROVIDERS, type AiProvider, type ManagedPolicy } from '../managed-policy';

// The person's AI choice, kept in extension storage (browser.storage.local). Off unless chosen.

export const DEFAULT_TIMEOUT_SECONDS = 60;

export const AiSettingsSchema = z.object({
  provider: z._default(z.enum(AI_PROVIDERS), 'off'),
  /** An OpenAI-compatible endpoint: its base URL (…/v1) or its chat completions URL. */
  endpointUrl: z._default(z.string().check(z.maxLength(2000)), ''),
  model: z._default(z.string().check(z.maxLength(200)), ''),
  /** Sent as a Bearer token to that endpoint only; kept on this device. */
  apiKey: z._default(z.string().check(z.maxLength(500)), ''),
  /** How long one request may take before Baton gives up on it. */
  timeoutSeconds: z._default(z.int().check(z.gte(5), z.lte(300)), DEFAULT_TIMEOUT_SECONDS),
});
export type AiSettings = z.infer<typeof AiSettingsSchema>;

/** A stored value that no longer parses reads as the defaults (AI off), never as half a setting. */
export function parseAiSettings(raw: unknown): AiSettings {
  const parsed = AiSettingsSchema.safeParse(raw ?? {});
  return parsed.success ? parsed.data : AiSettingsSchema.parse({});
}

/**
 * The provider in force. A policy of "off" forces Off; a policy naming a provider allows that
 * one only (the person may still choose Off); no policy leaves the person's choice.
 */
export function effectiveProvider(settings: Pick<AiSettings, 'provider'>, policy: ManagedPolicy): AiProvider {
  if (!policy.aiProvider) return settings.provider;
  return settings.provider === policy.aiProvider ? settings.provider : 'off';
}

/**
 * The settings as they apply: the provider in force, and the policy's endpoint address in place
 * of the person's when the organization pins one. Whoever sends or previews uses these, so
 * the worker never sends anywhere the preview did not name.
 */
export function effectiveAiSettings(settings: AiSettings, policy: ManagedPolicy): AiSettings {
  return { ...settings, provider: effectiveProvider(settings, policy), endpointUrl: policy.aiEndpoint ?? settings.endpointUrl };
}
