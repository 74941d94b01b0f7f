import type { TemplateField } from '../template';
import { idFromLabel, newKey, type EditorDraft, type FieldDraft } from './editor-state';

// Edits of the field list that reach beyond one field: what refers to a field by its id
// ("required when", the next-owner field) follows it, so no edit leaves a rule pointing nowhere.

/** Fields whose "required when" reads the field with this key. */
export function dependentsOf(draft: EditorDraft, key: string): FieldDraft[] {
  const field = draft.fields.find((entry) => entry.key === key);
  if (!field) return [];
  return draft.fields.filter((other) => other.key !== key && other.requiredWhen?.field === field.id);
}

/** A new id for a field: the rules that read it and the next-owner choice follow it. */
export function renameField(draft: EditorDraft, key: string, id: string): Pick<EditorDraft, 'fields' | 'ownerField'> {
  const before = draft.fields.find((field) => field.key === key)?.id;
  if (before === undefined) return { fields: draft.fields, ownerField: draft.ownerField };
  return {
    fields: draft.fields.map((field) => {
      if (field.key === key) return { ...field, id };
      return field.requiredWhen?.field === before ? { ...field, requiredWhen: { ...field.requiredWhen, field: id } } : field;
    }),
    ownerField: draft.ownerField === before ? id : draft.ownerField,
  };
}

/**
 * Removes a field and what would point nowhere without it: the "required when" rules that read
 * it (those fields become optional) and the next-owner choice. The editor asks first when there
 * is any (dependentsOf), and the removal can be undone.
 */
export function removeField(draft: EditorDraft, key: string): Pick<EditorDraft, 'fields' | 'ownerField'> {
  const removed = draft.fields.find((field) => field.key === key);
  if (!removed) return { fields: draft.fields, ownerField: draft.ownerField };
  return {
    fields: draft.fields
      .filter((field) => field.key !== key)
      .map((field) => {
        if (field.requiredWhen?.field !== removed.id) return field;
        const { requiredWhen: _dropped, ...rest } = field;
        return rest;
      }),
    ownerField: draft.ownerField === removed.id ? '' : draft.ownerField,
  };
}

/** A field added from elsewhere (a copy, another template): a fresh key and id, no history of renames. */
function freshField(field: Omit<FieldDraft, 'key'> | TemplateField, label: string, taken: Set<string>): FieldDraft {
  const { savedId: _saved, renamedFrom: _renamed, ...rest } = field as FieldDraft;
  const id = idFromLabel(label, taken, 'field');
  taken.add(id);
  return { ...rest, key: newKey(), id, label, options: [...(field.options ?? [])] };
}

/** The field copied right below itself, labelled as a copy (`label`), with an id of its own. */
export function duplicateField(draft: EditorDraft, key: string, label: string): Pick<EditorDraft, 'fields'> {
  const at = draft.fields.findIndex((field) => field.key === key);
  if (at < 0) return { fields: draft.fields };
  const copy = freshField(draft.fields[at]!, label, new Set(draft.fields.map((field) => field.id)));
  return { fields: [...draft.fields.slice(0, at + 1), copy, ...draft.fields.slice(at + 1)] };
}

/**
 * Fields of another template added at the end. Each keeps its label and settings and gets an
 * id of its own here; a "required when" keeps pointing at its field when that came along too.
 */
export function copyFields(draft: EditorDraft, fields: readonly TemplateField[]): Pick<EditorDraft, 'fields'> {
  const taken = new Set(draft.fields.map((field) => field.id));
  const ids = new Map<string, string>();
  const copies = fields.map((field) => {
    const copy = freshField(field, field.label, taken);
    ids.set(field.id, copy.id);
    return copy;
  });
  const linked = copies.map((copy): FieldDraft => {
    if (!copy.requiredWhen) return copy;
    const target = ids.get(copy.requiredWhen.field);
    if (target) return { ...copy, requiredWhen: { ...copy.requiredWhen, field: target } };
    const { requiredWhen: _unlinked, ...rest } = copy;
    return rest;
  });
  return { fields: [...draft.fields, ...linked] };
}
