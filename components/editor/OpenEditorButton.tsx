import { i18n } from '#i18n';
import { browser } from 'wxt/browser';

/** Opens the template editor in a tab of its own (from the panel's menu, which lives in a frame). */
export function OpenEditorButton() {
  return (
    <button type="button" className="link" onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('/editor.html') })}>
      {i18n.t('editor.openEditor')}
    </button>
  );
}
