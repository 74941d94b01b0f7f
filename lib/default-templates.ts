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
