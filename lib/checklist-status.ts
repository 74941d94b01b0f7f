import { completeness } from './completeness';
import type { ChecklistStatus, RecordKind } from './gate';
import type { FieldValues, Template } from './template';

/** A template together with what the user has typed into it for one record. */
export interface Handoff {
  template: Template;
  values: FieldValues;
  /** The gated stage Baton saw the record in while this checklist was complete (lib/unverified.ts). */
  verifiedStage?: string;
  /** The template's current version, when this handoff stays on the older one it started on until the rep opts in. */
  newer?: Template;
}

/** The stages a template gates on this kind of record, as one regex source. */
export function gateStagesFor(template: Template, kind: RecordKind): string | undefined {
  const sources = template.appliesTo
    .filter((target) => target.host === kind.host && target.objectType === kind.objectType && target.gateStages)
    .map((target) => `(?:${target.gateStages})`);
  return sources.length > 0 ? sources.join('|') : undefined;
}

export function checklistStatus(handoff: Handoff, kind: RecordKind): ChecklistStatus {
  const result = completeness(handoff.template, handoff.values);
  return {
    templateId: handoff.template.id,
    templateName: handoff.template.name,
    gateStages: gateStagesFor(handoff.template, kind),
    required: result.required,
    filled: result.filled,
    missing: result.missing.map(({ fieldId, label }) => ({ fieldId, label })),
    ...(handoff.verifiedStage ? { verifiedStage: handoff.verifiedStage } : {}),
  };
}

/** The templates (not archived) that apply to records of this kind, those that gate a stage first, then by name. */
export function applicableTemplates(templates: Template[], kind: RecordKind): Template[] {
  return templates
    .filter((template) => !template.archived && template.appliesTo.some((target) => target.host === kind.host && target.objectType === kind.objectType))
    .sort((a, b) => Number(gateStagesFor(b, kind) !== undefined) - Number(gateStagesFor(a, kind) !== undefined) || a.name.localeCompare(b.name));
}
