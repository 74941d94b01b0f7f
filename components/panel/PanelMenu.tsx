import { i18n } from '#i18n';
import { useRef, type KeyboardEvent } from 'react';
import { OpenEditorButton } from '../editor/OpenEditorButton';
import { CopyOutlineButton } from '../outline/CopyOutlineButton';

/** The panel's "more" menu: actions for helping us support a page, out of the checklist's way. */
export function PanelMenu() {
  const menu = useRef<HTMLDetailsElement>(null);
  // <details> has no Escape of its own: close it and put focus back on ⋯, as a menu does.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !menu.current?.open) return;
    event.preventDefault();
    menu.current.open = false;
    menu.current.querySelector('summary')?.focus();
  };
  return (
    <details className="panel-menu" ref={menu} onKeyDown={onKeyDown}>
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
