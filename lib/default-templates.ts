import { parseTemplate } from './template-json';
import type { Template } from './template';
import onboardingToDelivery from './templates/onboarding-to-delivery.json';
import salesToOnboarding from './templates/sales-to-onboarding.json';

/** Templates every install starts with. Parsed like any user template: a typo fails the build's tests. */
export function defaultTemplates(): Template[] {
  return [salesToOnboarding, onboardingToDelivery].map((raw) => {
    const result = parseTemplate(raw);
    if (!result.ok) throw new Error(`Default template is invalid: ${result.errors.join('; ')}`);
    return result.template;
  });
}

/** The next-owner field of a built-in template, by template id (the server has no copy of them otherwise). */
export function builtInOwnerField(templateId: string): string | undefined {
  return BUILT_IN_OWNER_FIELDS.get(templateId);
}

const BUILT_IN_OWNER_FIELDS = new Map(defaultTemplates().flatMap((template) => (template.ownerField ? [[template.id, template.ownerField] as const] : [])));
