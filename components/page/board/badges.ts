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
  // Asked of the slot, not read from its children: the host's own children stay out of our world.
  let badge = slot.querySelector<HTMLElement>(`:scope > ${BADGE_TAG}`) ?? undefined;
  // A copy the host cloned (drag previews) carries our element without its shadow root.
  if (badge && !badge.shadowRoot) {
    badge.remove();
    badge = undefined;
  }
  const view: BadgeView | ReturnType<typeof unidentified> = recordId === undefined ? unidentified() : cachedBadgeView(status, stage);
  if (!badge) {
    const created = newBadge(recordId, view);
    slot.append(created);
    return created;
  }
  // Only what changed is written: a re-render of a thousand unchanged badges touches nothing.
  // The span (the shadow root's last child: a <style> goes first where sheets cannot be adopted)
  // repeats the badge's state for its own styles.
  setAttribute(badge, 'data-record-id', recordId);
  const text = () => badge.shadowRoot!.lastElementChild as HTMLElement;
  if (setAttribute(badge, 'data-state', view.state)) text().setAttribute('data-state', view.state);
  if (badge.hidden !== (view.text === '')) badge.hidden = view.text === '';
  if (badge.title !== view.tooltip) badge.title = view.tooltip;
  if (text().textContent !== view.text) text().textContent = view.text;
  if (text().getAttribute('aria-label') !== view.label) text().setAttribute('aria-label', view.label);
  return badge;
}

/**
 * A new badge, its span written as markup: Baton's script never holds the span until the badge
 * changes. Every element a content script creates or reads gets a wrapper in its world, and a
 * list re-rendering 2,000 badged rows leaves all of them to the host's garbage collector.
 */
function newBadge(recordId: string | undefined, view: BadgeView | ReturnType<typeof unidentified>): HTMLElement {
  const badge = document.createElement(BADGE_TAG);
  const shadow = badge.attachShadow({ mode: 'open' });
  shadow.innerHTML = `<span role="img" data-state="${view.state}" aria-label="${escapeMarkup(view.label)}">${escapeMarkup(view.text)}</span>`;
  styleBadge(shadow);
  if (recordId !== undefined) badge.setAttribute('data-record-id', recordId);
  badge.setAttribute('data-state', view.state);
  badge.hidden = view.text === '';
  badge.title = view.tooltip;
  return badge;
}

const MARKUP_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const escapeMarkup = (text: string) => text.replace(/[&<>"]/g, (char) => MARKUP_ESCAPES[char]!);

/** Sets or removes an attribute unless it already holds the value; true when it changed. */
function setAttribute(element: Element, name: string, value: string | undefined): boolean {
  if (element.getAttribute(name) === (value ?? null)) return false;
  if (value === undefined) element.removeAttribute(name);
  else element.setAttribute(name, value);
  return true;
}
