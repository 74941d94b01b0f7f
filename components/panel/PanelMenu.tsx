import { i18n } from '#i18n';
import { OpenEditorButton } from '../editor/OpenEditorButton';
import { CopyOutlineButton } from '../outline/CopyOutlineButton';

/** The panel's "more" menu: actions for helping us support a page, out of the checklist's way. */
export function PanelMenu() {
  return (
    <details className="panel-menu">
      <summary className="icon-button" aria-label={i18n.t('panel.moreActions')}>
        {'\u22EF'}
      </summary>
      <div className="panel-menu__items">
        <CopyOutlineButton />
        <OpenEditorButton />
      </div>
    </details>
  );
}
