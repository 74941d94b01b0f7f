import { i18n } from '#i18n';
import { cachedBadgeView, type BadgeView } from './badge-view';
import type { RecordStatus } from '../../../lib/message-schemas';

// A badge per card or row: its words in its own shadow root, so host CSS (hashed classes,
// `span { … }` rules) cannot restyle them, and styled as the shadow root's host. Every
// declaration is `!important`: a page's rules outrank a shadow root's `:host` ones otherwise.
// No element inside: each one Baton's script creates or holds gets a wrapper in its world, and a
// list dropping 2,000 badged rows leaves all of them to the host's garbage collector (the churn
// of npm run bench read 1.04-1.07x with three a badge, 0.99-1.03x with none).
// Shapes differ as well as colours: readable without colour vision.
// `all: initial` would also reset pointer-events and visibility, which the badge must take from
// its card: a drag library makes the dragged card `pointer-events: none` to see the column under
// it, and a badge still hit-tested there made the card's old column the drop target.
const BADGE_CSS = `
:host { all: initial !important; display: inline-flex !important; align-items: center !important; gap: 3px !important;
  margin-left: 6px !important; vertical-align: middle !important; pointer-events: inherit !important; visibility: inherit !important;
  font: 600 11px/16px system-ui, sans-serif !important; padding: 0 6px !important; border-radius: 8px !important;
  border: 1px solid !important; white-space: nowrap !important; }
:host([hidden]) { display: none !important; }
:host([data-state="complete"]) { color: #14532d !important; background: #dcfce7 !important; border-color: #15803d !important; }
:host([data-state="complete"])::before { content: "\\2713"; }
:host([data-state="partial"]) { color: #713f12 !important; background: #fef3c7 !important; border-color: #b45309 !important; border-style: dashed !important; }
:host([data-state="partial"])::before { content: "\\25D0"; }
:host([data-state="not-started"]) { color: #374151 !important; background: #fff !important; border-color: #6b7280 !important; border-style: dotted !important; }
:host([data-state="not-started"])::before { content: "\\25CB"; }
:host([data-state="loading"]) { color: #6b7280 !important; border-color: transparent !important; }
:host([data-state="unidentified"]) { color: #7f1d1d !important; background: #fff !important; border-color: #b91c1c !important; border-radius: 2px !important; }
:host([data-state="unidentified"])::before { content: "?"; }
:host([data-state="unverified"]) { color: #7f1d1d !important; background: #fee2e2 !important; border: 3px double #b91c1c !important;
  border-radius: 2px !important; text-transform: uppercase !important; }
:host([data-state="unverified"])::before { content: "\\26A0"; }
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
  // Asked of the slot, not read from its children: the host's own children stay out of our world.
  let badge = slot.querySelector<HTMLElement>(`:scope > ${BADGE_TAG}`) ?? undefined;
  // Not one this script can update, so it is drawn afresh: a copy the host cloned (drag
  // previews) carries our element without its shadow root, and a badge drawn by the version
  // before an update holds its words in an element, not as the shadow root's last text node.
  if (badge && badge.shadowRoot?.lastChild?.nodeType !== Node.TEXT_NODE) {
    badge.remove();
    badge = undefined;
  }
  const view: BadgeView | ReturnType<typeof unidentified> = recordId === undefined ? unidentified() : cachedBadgeView(status, stage);
  if (!badge) {
    badge = document.createElement(BADGE_TAG);
    const shadow = badge.attachShadow({ mode: 'open' });
    styleBadge(shadow);
    shadow.append(view.text); // a text node this script never holds (the last child: a <style> goes first where sheets cannot be adopted)
    badge.setAttribute('role', 'img');
    slot.append(badge);
  } else {
    const text = badge.shadowRoot!.lastChild!;
    if (text.nodeValue !== view.text) text.nodeValue = view.text;
  }
  // Only what changed is written: a re-render of a thousand unchanged badges touches nothing.
  setAttribute(badge, 'data-record-id', recordId);
  setAttribute(badge, 'data-state', view.state);
  if (badge.hidden !== (view.text === '')) badge.hidden = view.text === '';
  if (badge.title !== view.tooltip) badge.title = view.tooltip;
  setAttribute(badge, 'aria-label', view.label);
  return badge;
}

/** Sets or removes an attribute unless it already holds the value. */
function setAttribute(element: Element, name: string, value: string | undefined): void {
  if (element.getAttribute(name) === (value ?? null)) return;
  if (value === undefined) element.removeAttribute(name);
  else element.setAttribute(name, value);
}
