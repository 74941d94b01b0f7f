import { i18n } from '#i18n';
import { cachedBadgeView, type BadgeView } from './badge-view';
import type { RecordStatus } from '../../../lib/message-schemas';

// A badge per card or row, in its own shadow root so host CSS (hashed classes, `span { … }`
// rules) cannot restyle it. Shapes differ as well as colours: readable without colour vision.
// `all: initial` would also reset pointer-events and visibility, which the badge must take from
// its card: a drag library makes the dragged card `pointer-events: none` to see the column under
// it, and a badge still hit-tested there made the card's old column the drop target.
const BADGE_CSS = `
:host { all: initial !important; display: inline-block !important; margin-left: 6px !important; vertical-align: middle !important;
  pointer-events: inherit !important; visibility: inherit !important; }
span { display: inline-flex; align-items: center; gap: 3px; font: 600 11px/16px system-ui, sans-serif; letter-spacing: normal;
  padding: 0 6px; border-radius: 8px; border: 1px solid; white-space: nowrap; }
[data-state="complete"] { color: #14532d; background: #dcfce7; border-color: #15803d; }
[data-state="complete"]::before { content: "\\2713"; }
[data-state="partial"] { color: #713f12; background: #fef3c7; border-color: #b45309; border-style: dashed; }
[data-state="partial"]::before { content: "\\25D0"; }
[data-state="not-started"] { color: #374151; background: #fff; border-color: #6b7280; border-style: dotted; }
[data-state="not-started"]::before { content: "\\25CB"; }
[data-state="loading"] { color: #6b7280; border-color: transparent; }
[data-state="unidentified"] { color: #7f1d1d; background: #fff; border-color: #b91c1c; border-radius: 2px; }
[data-state="unidentified"]::before { content: "?"; }
[data-state="unverified"] { color: #7f1d1d; background: #fee2e2; border: 3px double #b91c1c; border-radius: 2px; text-transform: uppercase; }
[data-state="unverified"]::before { content: "\\26A0"; }
`;

export const BADGE_TAG = 'baton-badge';

let sharedSheet: CSSStyleSheet | undefined | null;

/** One stylesheet shared by every badge (a thousand rows, one parse); a <style> where a browser refuses that. */
function styleBadge(shadow: ShadowRoot): void {
  try {
    if (sharedSheet === undefined) {
      sharedSheet = new CSSStyleSheet();
      sharedSheet.replaceSync(BADGE_CSS);
    }
    if (sharedSheet) return void (shadow.adoptedStyleSheets = [sharedSheet]);
  } catch {
    sharedSheet = null; // Firefox content scripts cannot adopt sheets across their wrappers
  }
  const style = document.createElement('style');
  style.textContent = BADGE_CSS;
  shadow.prepend(style);
}

/** A card or row that does not say which record it shows: Baton cannot judge its moves. */
function unidentified() {
  return { state: 'unidentified', text: i18n.t('board.unknown'), label: i18n.t('board.unknownLabel'), tooltip: i18n.t('board.unknownTooltip') } as const;
}

/** Puts (or updates) the one badge of an item; never a second one. Without a record id: the unidentified badge. */
export function renderBadge(slot: Element, recordId: string | undefined, status: RecordStatus | undefined, stage?: string): Element {
  let badge = [...slot.children].find((child) => child.localName === BADGE_TAG) as HTMLElement | undefined;
  // A copy the host cloned (drag previews) carries our element without its shadow root.
  if (badge && !badge.shadowRoot) {
    badge.remove();
    badge = undefined;
  }
  if (!badge) {
    badge = document.createElement(BADGE_TAG);
    const shadow = badge.attachShadow({ mode: 'open' });
    const text = document.createElement('span');
    text.setAttribute('role', 'img');
    shadow.append(text);
    styleBadge(shadow);
    slot.append(badge);
  }
  const view: BadgeView | ReturnType<typeof unidentified> = recordId === undefined ? unidentified() : cachedBadgeView(status, stage);
  // The span is the shadow root's last child (a <style> goes first where sheets cannot be adopted).
  const text = badge.shadowRoot!.lastElementChild as HTMLElement;
  // Only what changed is written: a re-render of a thousand unchanged badges touches nothing.
  setData(badge, 'recordId', recordId);
  setData(badge, 'state', view.state);
  setData(text, 'state', view.state);
  if (badge.hidden !== (view.text === '')) badge.hidden = view.text === '';
  if (badge.title !== view.tooltip) badge.title = view.tooltip;
  if (text.textContent !== view.text) text.textContent = view.text;
  if (text.getAttribute('aria-label') !== view.label) text.setAttribute('aria-label', view.label);
  return badge;
}

function setData(element: HTMLElement, key: 'recordId' | 'state', value: string | undefined): void {
  if (element.dataset[key] === value) return;
  if (value === undefined) delete element.dataset[key];
  else element.dataset[key] = value;
}
