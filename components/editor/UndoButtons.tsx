import { i18n } from '#i18n';
import { useEffect } from 'react';
import { useEditorStore } from './editor-store';

/** Typing in a text box: its own undo (the browser's) takes Ctrl+Z, for the letters typed there. */
function typingIn(target: EventTarget | null): boolean {
  if (target instanceof HTMLTextAreaElement) return true;
  return target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit', 'range', 'color', 'file'].includes(target.type);
}

/**
 * Undo and redo of the editing session (a removed field, a move, a rule), by button and by
 * Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y (Cmd on a Mac). Inside a text box the keys are the box's own.
 */
export function UndoButtons() {
  const canUndo = useEditorStore((state) => state.past.length > 0);
  const canRedo = useEditorStore((state) => state.future.length > 0);
  const undo = useEditorStore((state) => state.undo);
  const redo = useEditorStore((state) => state.redo);
  const announce = useEditorStore((state) => state.announce);
  const step = (back: boolean) => {
    if (back ? !useEditorStore.getState().past.length : !useEditorStore.getState().future.length) return;
    if (back) undo();
    else redo();
    announce(i18n.t(back ? 'editor.undone' : 'editor.redone'));
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || typingIn(event.target)) return;
      // A dialog is open: the question comes first.
      if (document.querySelector('dialog[open]')) return;
      const key = event.key.toLowerCase();
      if (key !== 'z' && key !== 'y') return;
      event.preventDefault();
      step(key === 'z' && !event.shiftKey);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  return (
    <div className="row undo">
      <button type="button" className="secondary" disabled={!canUndo} title={i18n.t('editor.undoHint')} onClick={() => step(true)}>
        {i18n.t('editor.undo')}
      </button>
      <button type="button" className="secondary" disabled={!canRedo} title={i18n.t('editor.redoHint')} onClick={() => step(false)}>
        {i18n.t('editor.redo')}
      </button>
    </div>
  );
}
