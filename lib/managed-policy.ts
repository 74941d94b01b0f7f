import * as z from 'zod/mini';
import { TemplateSchema, type Template } from './template';
import { parseServerAddress } from './sync/connection';

// What an organization's administrator can set for every Baton it installs, through the
// browser's managed storage (Chrome enterprise policy, Firefox policies.json "3rdparty"). A
// managed value wins over the same setting made locally; the settings page shows it locked.

export const AI_PROVIDERS = ['off', 'builtIn', 'endpoint'] as const;
export type AiProvider = (typeof AI_PROVIDERS)[number];

export const ManagedPolicySchema = z.object({
  /** The team server every install connects to; people cannot change it. */
  teamServer: z.optional(z.string()),
  /** Which AI provider is allowed: "off" forces AI off whatever the person chose. */
  aiProvider: z.optional(z.enum(AI_PROVIDERS)),
  /** The only AI endpoint (OpenAI-compatible URL) Baton may send to; people cannot change it. */
  aiEndpoint: z.optional(z.string()),
  /**
   * The organization's templates: installed on every Baton, and locked (people cannot edit,
   * archive or replace them). Read one by one: a template that does not parse is left out, the others stay.
   */
  templates: z.optional(z.pipe(z.array(z.unknown()), z.transform((entries) => entries.flatMap(validTemplate)))),
});
export type ManagedPolicy = z.infer<typeof ManagedPolicySchema>;

function validTemplate(entry: unknown): Template[] {
  const parsed = TemplateSchema.safeParse(entry);
  return parsed.success ? [parsed.data] : [];
}

/** A setting as it applies: the organization's value when it manages it, locked, else the person's own. */
export interface EffectiveSetting<T> {
  value: T;
  locked: boolean;
}

export function effectiveSetting<T>(local: T, managed: T | undefined): EffectiveSetting<T> {
  return managed === undefined ? { value: local, locked: false } : { value: managed, locked: true };
}

/** The ids of the templates the organization manages: people may not edit or replace them. */
export function managedTemplateIds(policy: ManagedPolicy): ReadonlySet<string> {
  return new Set((policy.templates ?? []).map((template) => template.id));
}

/**
 * May this device talk to the team server at `server` (an origin)? Always, unless the policy
 * pins another. A pinned address that does not parse (say plain http to another computer)
 * allows no server at all: a typo in a policy must never leave a device syncing elsewhere.
 */
export function teamServerAllowed(server: string, policy: ManagedPolicy): boolean {
  if (policy.teamServer === undefined) return true;
  const required = parseServerAddress(policy.teamServer);
  return required.ok && required.origin === server;
}

/** A policy that does not parse is ignored key by key, never as a whole: one typo must not unlock the rest. */
export function parseManagedPolicy(raw: unknown): ManagedPolicy {
  if (typeof raw !== 'object' || raw === null) return {};
  const policy: ManagedPolicy = {};
  for (const key of Object.keys(ManagedPolicySchema.shape) as (keyof ManagedPolicy)[]) {
    const parsed = ManagedPolicySchema.shape[key].safeParse((raw as Record<string, unknown>)[key]);
    if (parsed.success && parsed.data !== undefined) Object.assign(policy, { [key]: parsed.data });
  }
  return policy;
}
