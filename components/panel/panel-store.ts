import { create } from 'zustand';

// UI state only. Stored drafts are Dexie's and are read with live queries.

export type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: number } | { kind: 'error'; message: string };

interface PanelState {
  /** The template tab shown for now (a blocked move's first blocker, a tab just picked); the record's chosen template otherwise. */
  activeTemplateId: string | undefined;
  save: SaveState;
  /** Fields the user has left at least once: their problems are shown from then on. */
  touched: Record<string, true>;
  selectTemplate(id: string | undefined): void;
  setSave(state: SaveState): void;
  touch(fieldKey: string): void;
}

export const usePanelStore = create<PanelState>()((set) => ({
  activeTemplateId: undefined,
  save: { kind: 'idle' },
  touched: {},
  selectTemplate: (id) => set({ activeTemplateId: id }),
  setSave: (save) => set({ save }),
  touch: (fieldKey) => set((state) => ({ touched: { ...state.touched, [fieldKey]: true } })),
}));
