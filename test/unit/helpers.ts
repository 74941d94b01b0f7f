import { defaultTemplates } from '../../lib/default-templates';
import type { ChecklistStatus } from '../../lib/gate';
import type { RecordRef } from '../../lib/record';
import type { FieldValues, Template } from '../../lib/template';
import { parseTemplate } from '../../lib/template-json';

/** The shipped "Sales → Onboarding" template, parsed like any user template. */
export function salesToOnboarding(): Template {
  const [template] = defaultTemplates();
  if (!template) throw new Error('no default template');
  return template;
}

/** A complete, valid handoff for salesToOnboarding(). */
export function completeSalesValues(): FieldValues {
  return {
    clientGoals: 'Cut onboarding time in half',
    scope: 'CRM setup and two trainings',
    timeline: 'Live by 15 March',
    objections: 'Worried about data migration',
    decisionMaker: 'Rita Ng, COO',
    nextOwner: 'dana@example.com',
    specialTerms: '',
  };
}

export function dealRef(recordId = '1001', host: RecordRef['host'] = 'hubspot'): RecordRef {
  return { host, objectType: 'deal', recordId };
}

/** A template from plain JSON-like data; throws with the parser's errors when it is invalid. */
export function template(raw: Record<string, unknown>): Template {
  const result = parseTemplate({
    id: 'test',
    name: 'Test',
    version: 1,
    appliesTo: [{ host: 'hubspot', objectType: 'deal', gateStages: 'closed won' }],
    ...raw,
  });
  if (!result.ok) throw new Error(result.errors.join('; '));
  return result.template;
}

/** What the guard knows of one template; complete unless `missing` is given. */
export function checklist(
  overrides: Partial<Omit<ChecklistStatus, 'missing'>> & { missing?: string[] } = {},
): ChecklistStatus {
  const missing = (overrides.missing ?? []).map((label) => ({ fieldId: label.replace(/\W/g, ''), label }));
  const required = overrides.required ?? 6;
  return {
    templateId: 'sales-to-onboarding',
    templateName: 'Sales → Onboarding',
    gateStages: '(?:closed won)',
    filled: required - missing.length,
    ...overrides,
    required,
    missing,
  };
}
