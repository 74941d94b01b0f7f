import { completeness } from '../completeness';
import type { Handoff } from '../checklist-status';
import type { Template } from '../template';

// What a new version of a template means for a handoff started on an older one: the panel
// shows it before the rep opts in, the editor counts it before the author saves.

export interface TemplateChanges {
  added: string[];
  removed: string[];
  /** Fields required in the new version that were optional (or required only sometimes) before. */
  nowRequired: string[];
}

export function templateChanges(from: Template, to: Template): TemplateChanges {
  const before = new Map(from.fields.map((field) => [field.id, field]));
  const after = new Set(to.fields.map((field) => field.id));
  return {
    added: to.fields.filter((field) => !before.has(field.id)).map((field) => field.label),
    removed: from.fields.filter((field) => !after.has(field.id)).map((field) => field.label),
    nowRequired: to.fields.filter((field) => field.required && before.has(field.id) && !before.get(field.id)!.required).map((field) => field.label),
  };
}

export function hasChanges(changes: TemplateChanges): boolean {
  return changes.added.length + changes.removed.length + changes.nowRequired.length > 0;
}

/** How many handoffs complete today (on the version each is on) would be incomplete on `next`. */
export function newlyIncomplete(handoffs: Pick<Handoff, 'template' | 'values'>[], next: Template): number {
  return handoffs.filter(({ template, values }) => completeness(template, values).complete && !completeness(next, values).complete).length;
}
