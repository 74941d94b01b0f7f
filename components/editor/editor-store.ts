import { create } from 'zustand';
import type { HostApp } from '../../lib/record';
import type { FieldKind, Template, TemplateField } from '../../lib/template';
import { draftFromTemplate, idFromLabel, newKey, type EditorDraft, type FieldDraft, type TargetDraft } from '../../lib/template-editor/editor-state';
import { copyFields, duplicateField, removeField, renameField } from '../../lib/template-editor/field-edits';
import type { GateTerm } from '../../lib/template-editor/gate-terms';
import { defaultObjectType } from '../../lib/template-editor/object-types';

// The template being edited, as the form holds it (UI state only: saved templates are Dexie's,
// read with live queries). Lists are edited by their entries' keys, never by position, so a
// reorder in the middle of typing cannot send an edit to the wrong field.

type ListName = 'targets' | 'fields' | 'receipt';

/** Steps of undo kept for one editing session: enough for any slip, bounded for a long session. */
export const UNDO_STEPS = 100;
/** Keystrokes in one input closer together than this are one step of undo, not one per letter. */
const TYPING_STEP_MS = 1000;

interface EditorState {
  draft: EditorDraft | undefined;
  /** The draft as opened or last saved: anything else is an unsaved change. */
  opened: EditorDraft | undefined;
  /** Earlier drafts of this session, newest last; and those undone, for redo. */
  past: EditorDraft[];
  future: EditorDraft[];
  /** The last edit's input and time: typing in one input is one step of undo. */
  lastEdit: { slot: string; at: number } | undefined;
  /** The draft this session started from: the problems it already had stay quiet until a save is tried. */
  start: EditorDraft | undefined;
  /** The author tried to save: every problem shows, those a new template starts with too. */
  saveTried: boolean;
  /** Names of the other templates on this device (a name is refused twice). */
  otherNames: string[];
  setOtherNames(names: string[]): void;
  /** Whatever was last announced to screen readers (a move, a save). */
  announcement: string;
  open(template: Template): void;
  duplicate(template: Template, name: string, takenIds: ReadonlySet<string>): void;
  create(name: string, takenIds: ReadonlySet<string>): void;
  close(): void;
  undo(): void;
  redo(): void;
  trySave(): void;
  setDetails(patch: Partial<Pick<EditorDraft, 'name' | 'description' | 'ownerField' | 'archived' | 'qualityBlocks'>>): void;
  addTarget(host: HostApp): void;
  setTarget(key: string, patch: Partial<Omit<TargetDraft, 'key'>>): void;
  addGate(targetKey: string, term: GateTerm): void;
  addGates(targetKey: string, terms: GateTerm[]): void;
  removeGate(targetKey: string, index: number): void;
  addField(kind: FieldKind, label: string): string;
  setField(key: string, patch: Partial<Omit<FieldDraft, 'key'>>): void;
  removeField(key: string): void;
  duplicateField(key: string, label: string): void;
  copyFields(fields: readonly TemplateField[]): void;
  addReceipt(text: string): void;
  setReceipt(key: string, text: string): void;
  remove(list: ListName, key: string): void;
  /** Moves an entry to `index` (drag and drop, or one step with the keyboard). */
  move(list: ListName, key: string, index: number): void;
  announce(text: string): void;
}

function emptyDraft(id: string, name: string): EditorDraft {
  return { id, name, description: '', baseVersion: 0, archived: false, ownerField: '', qualityBlocks: false, targets: [], fields: [], receipt: [] };
}

/** A fresh session on this draft: nothing to undo, nothing unsaved. */
const session = (draft: EditorDraft | undefined) => ({ draft, opened: draft, start: draft, past: [], future: [], lastEdit: undefined, saveTried: false });

export const useEditorStore = create<EditorState>()((set) => {
  /**
   * Every change of the draft goes through here, so each is a step of undo. `slot` names the
   * input typed in: a burst of keystrokes in one slot amends its step instead of adding one.
   */
  const update = (change: (draft: EditorDraft) => Partial<EditorDraft>, slot?: string) =>
    set((state) => {
      if (!state.draft) return {};
      const patch = change(state.draft);
      // A move to where the entry already is changes nothing: no step of undo for it.
      if (Object.keys(patch).length === 0) return {};
      const now = Date.now();
      const amend = slot !== undefined && state.lastEdit?.slot === slot && now - state.lastEdit.at < TYPING_STEP_MS && state.past.length > 0;
      return {
        draft: { ...state.draft, ...patch },
        past: amend ? state.past : [...state.past, state.draft].slice(-UNDO_STEPS),
        future: [],
        lastEdit: slot === undefined ? undefined : { slot, at: now },
      };
    });
  const mapEntries = <T extends { key: string }>(entries: T[], key: string, patch: Partial<Omit<T, 'key'>>): T[] =>
    entries.map((entry) => (entry.key === key ? { ...entry, ...patch } : entry));
  const slotOf = (key: string, patch: object) => `${key}:${Object.keys(patch).sort().join(',')}`;

  return {
    ...session(undefined),
    announcement: '',
    otherNames: [],
    setOtherNames: (otherNames) => set({ otherNames }),
    open: (template) => set(session(draftFromTemplate(template))),
    duplicate: (template, name, takenIds) => {
      const source = draftFromTemplate(template);
      // A copy is a new template: its fields have no earlier ids to carry answers from.
      const fields = source.fields.map(({ savedId: _saved, renamedFrom: _renamed, ...field }) => field);
      const copy = { ...source, fields, id: idFromLabel(name, takenIds, 'template'), name, baseVersion: 0, archived: false };
      set({ ...session(copy), opened: undefined });
    },
    create: (name, takenIds) => set({ ...session(emptyDraft(idFromLabel(name, takenIds, 'template'), name)), opened: undefined }),
    close: () => set(session(undefined)),
    undo: () =>
      set((state) => {
        const previous = state.past.at(-1);
        if (!previous || !state.draft) return {};
        return { draft: previous, past: state.past.slice(0, -1), future: [state.draft, ...state.future], lastEdit: undefined };
      }),
    redo: () =>
      set((state) => {
        const [next, ...rest] = state.future;
        if (!next || !state.draft) return {};
        return { draft: next, past: [...state.past, state.draft], future: rest, lastEdit: undefined };
      }),
    trySave: () => set({ saveTried: true }),
    setDetails: (patch) => update(() => patch, slotOf('details', patch)),
    addTarget: (host) => update((draft) => ({ targets: [...draft.targets, { key: newKey(), host, objectType: defaultObjectType(host), gates: [] }] })),
    setTarget: (key, patch) => update((draft) => ({ targets: mapEntries(draft.targets, key, patch) }), slotOf(key, patch)),
    addGate: (targetKey, term) => update((draft) => ({ targets: draft.targets.map((target) => (target.key === targetKey ? { ...target, gates: [...target.gates, term] } : target)) })),
    addGates: (targetKey, terms) =>
      update((draft) => ({ targets: draft.targets.map((target) => (target.key === targetKey ? { ...target, gates: [...target.gates, ...terms] } : target)) })),
    removeGate: (targetKey, index) =>
      update((draft) => ({ targets: draft.targets.map((target) => (target.key === targetKey ? { ...target, gates: target.gates.filter((_, at) => at !== index) } : target)) })),
    addField: (kind, label) => {
      const key = newKey();
      update((draft) => {
        const id = idFromLabel(label, new Set(draft.fields.flatMap((field) => [field.id, ...(field.renamedFrom ?? [])])), 'field');
        return { fields: [...draft.fields, { key, id, label, kind, required: false, options: [] }] };
      });
      return key;
    },
    setField: (key, { id, ...patch }) =>
      update((draft) => {
        const renamed = id === undefined ? { fields: draft.fields } : renameField(draft, key, id);
        return { ...renamed, fields: mapEntries(renamed.fields, key, patch) };
      }, slotOf(key, id === undefined ? patch : { ...patch, id })),
    removeField: (key) => update((draft) => removeField(draft, key)),
    duplicateField: (key, label) => update((draft) => duplicateField(draft, key, label)),
    copyFields: (fields) => update((draft) => copyFields(draft, fields)),
    addReceipt: (text) => update((draft) => ({ receipt: [...draft.receipt, { key: newKey(), text }] })),
    setReceipt: (key, text) => update((draft) => ({ receipt: mapEntries(draft.receipt, key, { text }) }), slotOf(key, { text })),
    remove: (list, key) => update((draft) => ({ [list]: (draft[list] as { key: string }[]).filter((entry) => entry.key !== key) })),
    move: (list, key, index) =>
      update((draft) => {
        const entries = [...(draft[list] as { key: string }[])];
        const from = entries.findIndex((entry) => entry.key === key);
        if (from < 0 || index < 0 || index >= entries.length || index === from) return {};
        const [moved] = entries.splice(from, 1);
        entries.splice(index, 0, moved!);
        return { [list]: entries };
      }),
    announce: (announcement) => set({ announcement }),
  };
});

/** Whether the draft holds changes not saved as a version (a new template always does). */
export function hasUnsavedChanges(state: Pick<EditorState, 'draft' | 'opened'>): boolean {
  return state.draft !== undefined && state.draft !== state.opened;
}

export type { ListName };
