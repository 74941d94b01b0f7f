import { completeness } from '../completeness';
import type { Handoff } from '../checklist-status';
import type { Template, TemplateField } from '../template';

// What a new version of a template means for a handoff started on an older one: the panel
// shows it before the rep opts in, the editor counts it before the author saves.

export interface TemplateChanges {
  added: string[];
  removed: string[];
  /** Fields renamed (a new id, and perhaps a new label): what was typed in them carries across. */
  renamed: { from: string; to: string }[];
  /** Fields required in the new version that were optional (or required only sometimes) before. */
  nowRequired: string[];
}

/** The new version's field that holds what was typed under `oldId`, matching by id first and then by earlier ids. */
export function successorOf(oldId: string, to: Template): TemplateField | undefined {
  return to.fields.find((field) => field.id === oldId) ?? to.fields.find((field) => field.renamedFrom?.includes(oldId));
}

export function templateChanges(from: Template, to: Template): TemplateChanges {
  const successors = new Map(from.fields.map((field) => [field.id, successorOf(field.id, to)]));
  const carried = new Set([...successors.values()].filter((field) => field !== undefined));
  const before = new Map(from.fields.map((field) => [successors.get(field.id), field]));
  return {
    added: to.fields.filter((field) => !carried.has(field)).map((field) => field.label),
    removed: from.fields.filter((field) => !successors.get(field.id)).map((field) => field.label),
    renamed: from.fields.flatMap((field) => {
      const next = successors.get(field.id);
      return next && next.id !== field.id ? [{ from: field.label, to: next.label }] : [];
    }),
    nowRequired: to.fields.filter((field) => field.required && before.has(field) && !before.get(field)!.required).map((field) => field.label),
  };
}

export function hasChanges(changes: TemplateChanges): boolean {
  return changes.added.length + changes.removed.length + changes.renamed.length + changes.nowRequired.length > 0;
}

/**
 * What was typed on one version, keyed for another: a renamed field's answer moves to its new
 * id; a removed field's answer stays under its old id (kept, never shown, back if it returns).
 */
export function carryValues(values: Readonly<Record<string, string>>, from: Template, to: Template): Record<string, string> {
  const carried: Record<string, string> = { ...values };
  for (const [oldId, newId] of renamedIds(from, to)) {
    if (!Object.hasOwn(values, oldId)) continue;
    carried[newId] = values[oldId]!;
    delete carried[oldId];
  }
  return carried;
}

/** Old id -> new id of every field renamed between the two versions. */
export function renamedIds(from: Template, to: Template): Map<string, string> {
  const renamed = new Map<string, string>();
  for (const field of from.fields) {
    const next = successorOf(field.id, to);
    if (next && next.id !== field.id) renamed.set(field.id, next.id);
  }
  return renamed;
}

/** How many handoffs complete today (on the version each is on) would be incomplete on `next`. */
export function newlyIncomplete(handoffs: Pick<Handoff, 'template' | 'values'>[], next: Template): number {
  return handoffs.filter(({ template, values }) => completeness(template, values).complete && !completeness(next, carryValues(values, template, next)).complete).length;
}
