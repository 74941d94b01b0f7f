import { create } from 'zustand';
import type { HostApp } from '../../lib/record';
import type { FieldKind, Template } from '../../lib/template';
import { draftFromTemplate, idFromLabel, newKey, type EditorDraft, type FieldDraft, type TargetDraft } from '../../lib/template-editor/editor-state';
import type { GateTerm } from '../../lib/template-editor/gate-terms';

// The template being edited, as the form holds it (UI state only: saved templates are Dexie's,
// read with live queries). Lists are edited by their entries' keys, never by position, so a
// reorder in the middle of typing cannot send an edit to the wrong field.

type ListName = 'targets' | 'fields' | 'receipt';

interface EditorState {
  draft: EditorDraft | undefined;
  /** Whatever was last announced to screen readers (a move, a save). */
  announcement: string;
  open(template: Template): void;
  duplicate(template: Template, name: string, takenIds: ReadonlySet<string>): void;
  create(name: string, takenIds: ReadonlySet<string>): void;
  close(): void;
  setDetails(patch: Partial<Pick<EditorDraft, 'name' | 'description' | 'ownerField' | 'archived'>>): void;
  addTarget(host: HostApp): void;
  setTarget(key: string, patch: Partial<Omit<TargetDraft, 'key'>>): void;
  addGate(targetKey: string, term: GateTerm): void;
  removeGate(targetKey: string, index: number): void;
  addField(kind: FieldKind, label: string): string;
  setField(key: string, patch: Partial<Omit<FieldDraft, 'key'>>): void;
  addReceipt(text: string): void;
  setReceipt(key: string, text: string): void;
  remove(list: ListName, key: string): void;
  /** Moves an entry to `index` (drag and drop, or one step with the keyboard). */
  move(list: ListName, key: string, index: number): void;
  announce(text: string): void;
}

function emptyDraft(id: string, name: string): EditorDraft {
  return { id, name, description: '', baseVersion: 0, archived: false, ownerField: '', targets: [], fields: [], receipt: [] };
}

export const useEditorStore = create<EditorState>()((set) => {
  const update = (change: (draft: EditorDraft) => Partial<EditorDraft>) =>
    set((state) => (state.draft ? { draft: { ...state.draft, ...change(state.draft) } } : {}));
  const mapEntries = <T extends { key: string }>(entries: T[], key: string, patch: Partial<Omit<T, 'key'>>): T[] =>
    entries.map((entry) => (entry.key === key ? { ...entry, ...patch } : entry));

  return {
    draft: undefined,
    announcement: '',
    open: (template) => set({ draft: draftFromTemplate(template) }),
    duplicate: (template, name, takenIds) =>
      set({ draft: { ...draftFromTemplate(template), id: idFromLabel(name, takenIds, 'template'), name, baseVersion: 0, archived: false } }),
    create: (name, takenIds) => set({ draft: emptyDraft(idFromLabel(name, takenIds, 'template'), name) }),
    close: () => set({ draft: undefined }),
    setDetails: (patch) => update(() => patch),
    addTarget: (host) => update((draft) => ({ targets: [...draft.targets, { key: newKey(), host, objectType: host === 'clickup' ? 'task' : host === 'salesforce' ? 'opportunity' : 'deal', gates: [] }] })),
    setTarget: (key, patch) => update((draft) => ({ targets: mapEntries(draft.targets, key, patch) })),
    addGate: (targetKey, term) =>
      update((draft) => ({ targets: draft.targets.map((target) => (target.key === targetKey ? { ...target, gates: [...target.gates, term] } : target)) })),
    removeGate: (targetKey, index) =>
      update((draft) => ({ targets: draft.targets.map((target) => (target.key === targetKey ? { ...target, gates: target.gates.filter((_, at) => at !== index) } : target)) })),
    addField: (kind, label) => {
      const key = newKey();
      update((draft) => {
        const id = idFromLabel(label, new Set(draft.fields.map((field) => field.id)), 'field');
        return { fields: [...draft.fields, { key, id, label, kind, required: false, options: [] }] };
      });
      return key;
    },
    setField: (key, patch) => update((draft) => ({ fields: mapEntries(draft.fields, key, patch) })),
    addReceipt: (text) => update((draft) => ({ receipt: [...draft.receipt, { key: newKey(), text }] })),
    setReceipt: (key, text) => update((draft) => ({ receipt: mapEntries(draft.receipt, key, { text }) })),
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

export type { ListName };
