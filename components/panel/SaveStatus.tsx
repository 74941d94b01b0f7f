import { usePanelStore } from './panel-store';

/** Where the user's text is: on its way, on disk, or not saved and why. */
export function SaveStatus() {
  const save = usePanelStore((state) => state.save);
  const text =
    save.kind === 'saving'
      ? 'Saving…'
      : save.kind === 'saved'
        ? `Saved on this device at ${new Date(save.at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' })}`
        : save.kind === 'error'
          ? save.message
          : 'Drafts are saved on this device as you type.';
  return (
    // Only a failure is announced: "Saving… Saved" on every keystroke would drown a screen reader.
    <div className={`save-status save-status--${save.kind}`} role={save.kind === 'error' ? 'alert' : undefined} data-testid="save-status">
      {text}
    </div>
  );
}
