import { i18n } from '#i18n';
import { usePanelStore } from './panel-store';

/** Where the user's text is: on its way, on disk, or not saved and why. */
export function SaveStatus() {
  const save = usePanelStore((state) => state.save);
  const text =
    save.kind === 'saving'
      ? i18n.t('saveStatus.saving')
      : save.kind === 'saved'
        ? i18n.t('saveStatus.saved', [new Date(save.at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' })])
        : save.kind === 'error'
          ? save.message
          : i18n.t('saveStatus.idle');
  return (
    // Only a failure is announced: "Saving… Saved" on every keystroke would drown a screen reader.
    <div className={`save-status save-status--${save.kind}`} role={save.kind === 'error' ? 'alert' : undefined} data-testid="save-status">
      {text}
    </div>
  );
}
