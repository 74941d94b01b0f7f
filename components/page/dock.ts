import { i18n } from '#i18n';
import type { Lifetime } from './lifetime';
import type { PanelLocation } from '../../lib/panel-location';
import { handTickets, panelPageUrl, showInFrame } from './frame-ticket';
import { fadedByParent, isCovered, keepOnlyOwnAttributes } from './dock-guard';

export const PANEL_WIDTH_PX = 380;
/** How often a browser without IntersectionObserver v2 looks whether the page covers the frame. */
const COVER_LOOK_MS = 500;

// The frames say they draw light or dark: Firefox gives a frame the prefers-color-scheme of the
// element that embeds it, so `light` alone kept the panel light on a dark system.
// `all: initial !important` because a host page's `* { … !important }` reaches the shadow
// host element itself and would be inherited inside; !important inside the shadow wins.
const DOCK_CSS = `
:host { all: initial !important; position: fixed !important; top: 0 !important; right: 0 !important;
  z-index: 2147483646 !important; display: block !important; }
.tab { position: fixed; top: 96px; right: 0; display: flex; gap: 6px; align-items: center;
  font: 600 13px/1.2 system-ui, sans-serif; letter-spacing: normal; color: #fff; background: #1f3a5f;
  border: 0; border-radius: 8px 0 0 8px; padding: 10px 12px; cursor: pointer;
  box-shadow: 0 2px 8px rgba(0,0,0,.25); }
.tab:focus-visible { outline: 3px solid #0b5fff; outline-offset: 2px; }
.tab[data-complete="true"] { background: #1d6b3a; }
.tab[data-guard="inactive"] { background: #8a1c1c; }
[hidden] { display: none !important; }
`;
// The frame's own closed root: the page can reach the tab above, never the frame (its
// per-session address) nor these rules. `display: contents` keeps the holder out of layout.
const FRAME_CSS = `
:host { all: initial !important; display: contents !important; }
iframe { box-sizing: border-box !important; position: fixed !important; top: 0 !important; right: 0 !important;
  width: ${PANEL_WIDTH_PX}px !important; height: 100vh !important; border: 0; border-left: 1px solid #c9d1da;
  background: Canvas; box-shadow: -4px 0 16px rgba(0,0,0,.12); color-scheme: light dark;
  opacity: 1 !important; visibility: visible !important; transform: none !important; clip-path: none !important;
  filter: none !important; pointer-events: auto !important; }
[hidden] { display: none !important; }
`;

export interface Dock {
  show(location: PanelLocation): void;
  /**
   * `now`: the user is waiting for the panel, do not defer the frame to idle time. `focus`:
   * the user toggled it, so focus follows (into the panel, or back to the tab).
   */
  setCollapsed(collapsed: boolean, options?: { now?: boolean; focus?: boolean }): void;
  setBadge(text: string, complete: boolean): void;
  remove(): void;
}

/**
 * The host-side part of the panel: a collapsed tab and the panel iframe, in a shadow root
 * so host CSS cannot restyle them. Everything a user types is inside the iframe, an extension
 * page: host scripts cannot read it and host keyboard shortcuts never hear it. The tab's root
 * is open so accessibility tools (and tests) can reach the tab, which holds nothing private;
 * the frame sits in a closed root inside it, so the page can neither read the frame's
 * per-session address nor restyle it. Attributes the page adds are taken off again, and a
 * frame the page covers is noticed and said in the panel (dock-guard.ts).
 */
export function createDock(lifetime: Lifetime, onToggle: (collapsed: boolean) => void): Dock {
  const host = document.createElement('baton-dock');
  // Which script drew it: after an update the new script's dock replaces an old one, and an
  // old script that has not yet noticed it is orphaned must not put its dock back.
  const since = performance.now();
  host.dataset.since = String(since);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = DOCK_CSS;
  const tab = document.createElement('button');
  tab.className = 'tab';
  tab.type = 'button';
  tab.addEventListener('click', () => lifetime.isInvalid || onToggle(false));
  const frameHolder = document.createElement('baton-frame');
  const frameRoot = frameHolder.attachShadow({ mode: 'closed' });
  const frameStyle = document.createElement('style');
  frameStyle.textContent = FRAME_CSS;
  frameRoot.append(frameStyle);
  shadow.append(style, tab, frameHolder);
  const ownParts = [style, tab, frameHolder];
  keepOnlyOwnAttributes(host, ['data-since'], lifetime.signal);
  keepOnlyOwnAttributes(frameHolder, [], lifetime.signal);
  keepOnlyOwnAttributes(tab, ['class', 'type', 'hidden', 'aria-expanded', 'data-guard', 'data-complete', 'title'], lifetime.signal);
  // The tab's root is open: parts the page takes out are put back (the frame reloads and is handed a new ticket).
  const partsKeeper = new MutationObserver(() => {
    if (ownParts.some((part) => part.parentNode !== shadow)) shadow.append(...ownParts);
  });
  partsKeeper.observe(shadow, { childList: true });
  lifetime.signal.addEventListener('abort', () => partsKeeper.disconnect(), { once: true });
  let badge = '';
  let guard = 'searching';
  let collapsed = false;
  let frame: HTMLIFrameElement | undefined;
  let rebind: (() => void) | undefined;
  /** What the panel should show, as last reported to the worker ('' until told, or after a failed report). */
  let reported = '';
  let hasRecord = false;
  let frameScheduled = false;

  const attach = () => {
    // Anywhere else than straight under <html> (say, moved into a hidden element of the page's),
    // the dock is taken back: being in the document is not enough to be seen.
    if (host.parentNode === document.documentElement || lifetime.isInvalid) return;
    const others = [...document.querySelectorAll<HTMLElement>('baton-dock')];
    if (others.some((other) => Number(other.dataset.since) > since)) return;
    for (const older of others) older.remove();
    // A frame put back into the page loads afresh, and is handed a new ticket on load.
    document.documentElement.append(host);
  };
  // Some apps replace whole subtrees of <html>; put the dock back if it is taken out (or moved).
  const keeper = new MutationObserver(attach);
  keeper.observe(document.documentElement, { childList: true });
  const remove = () => {
    forget();
    keeper.disconnect();
    host.remove();
    reserveSpace(false);
  };
  // Orphaned (the extension was updated or turned off), the panel is gone with the extension
  // while this script's guard still blocks (lifetime.ts): the tab says so until a newer
  // script's dock replaces this one. Worded now: an orphan's browser.i18n is gone with the rest.
  const orphanedText = i18n.t('page.orphaned');
  const forget = lifetime.onInvalidated(() => {
    if (lifetime.isSuperseded) return remove();
    frame?.remove();
    reserveSpace(false);
    tab.hidden = false;
    tab.textContent = orphanedText;
  });
  lifetime.onSuperseded(remove);

  // The open panel sits beside the page, not over it: the page's own layout gives up the
  // panel's width (pages built of fixed-position shells still run under it; collapse helps).
  const html = document.documentElement;
  const hostMargin = html.style.getPropertyValue('margin-right');
  const reserveSpace = (reserve: boolean) => {
    if (reserve) html.style.setProperty('margin-right', `${PANEL_WIDTH_PX}px`, 'important');
    else if (hostMargin) html.style.setProperty('margin-right', hostMargin);
    else html.style.removeProperty('margin-right');
  };

  const syncFrame = () => {
    if (frame) frame.hidden = collapsed;
    reserveSpace(Boolean(frame && !collapsed));
    if (collapsed || !hasRecord || frame) return;
    frame = document.createElement('iframe');
    frame.title = i18n.t('page.frame');
    // "Copy brief" writes to the clipboard from this (cross-origin) frame.
    frame.allow = 'clipboard-write';
    rebind = handTickets(frame, 'panel', lifetime.signal);
    // Always the same address: another record is shown through the worker, so the frame
    // never navigates (and adds nothing to the tab's history).
    frame.src = panelPageUrl();
    frameRoot.append(frame);
    reserveSpace(true);
    watchCover(frame);
  };

  // Covered: Chromium says so itself (IntersectionObserver v2, `isVisible` false when anything
  // is drawn over the frame or it is faded or transformed, checked at most every 250 ms).
  // Elsewhere (Firefox) nothing tells Baton when the page draws over the frame, so it looks at
  // the frame's centre and corners, and at how <html> is drawn, when it opens, on resize, and
  // every COVER_LOOK_MS while it is shown in a visible tab: five hit tests and one style read.
  let lastLocation: PanelLocation | undefined;
  let covered = false;
  const setCovered = (next: boolean) => {
    if (next === covered) return;
    covered = next;
    if (lastLocation) report(lastLocation);
  };
  const lookForCover = () => {
    if (!frame || frame.hidden) return;
    const hit = isCovered(frame.getBoundingClientRect(), (x, y) => document.elementFromPoint(x, y), host);
    setCovered(hit || fadedByParent(getComputedStyle(document.documentElement)));
  };
  const watchCover = (watched: HTMLIFrameElement) => {
    if (!('isVisible' in IntersectionObserverEntry.prototype)) {
      lifetime.addEventListener(window, 'resize', lookForCover);
      requestAnimationFrame(lookForCover);
      const lookAgain = () => {
        if (!document.hidden) lookForCover();
        lifetime.setTimeout(lookAgain, COVER_LOOK_MS); // not once the script is orphaned
      };
      lifetime.setTimeout(lookAgain, COVER_LOOK_MS);
      return;
    }
    const observer = new IntersectionObserver((entries) => {
      const entry = entries.at(-1) as (IntersectionObserverEntry & { isVisible: boolean }) | undefined;
      if (entry && !watched.hidden && entry.isIntersecting) setCovered(!entry.isVisible);
    }, { threshold: [0, 1], trackVisibility: true, delay: 250 } as IntersectionObserverInit);
    observer.observe(watched);
    lifetime.signal.addEventListener('abort', () => observer.disconnect(), { once: true });
  };
  const report = (next: PanelLocation) => {
    lastLocation = next;
    const shown = covered ? { ...next, covered } : next;
    const text = JSON.stringify(shown);
    if (text === reported) return;
    reported = text;
    void showInFrame('panel', shown).then(
      (needsTicket) => needsTicket && rebind?.(),
      () => (reported = ''), // told again on the next change
    );
  };
  // Creating a frame costs the host's main thread ~8 ms: wait until the page is idle,
  // unless the user asks for the panel (opens it, or a move was blocked).
  const scheduleFrame = () => {
    if (frame) return syncFrame();
    if (frameScheduled) return;
    frameScheduled = true;
    lifetime.requestIdleCallback(syncFrame, { timeout: 1500 });
  };

  const renderTab = () => {
    tab.hidden = !collapsed;
    tab.setAttribute('aria-expanded', String(!collapsed));
    tab.textContent = i18n.t('page.tab', [badge]);
    tab.dataset.guard = guard;
    tab.title = guard === 'inactive' ? i18n.t('page.tabInactive') : i18n.t('page.tabOpen');
  };

  return {
    show(next) {
      guard = next.guard;
      hasRecord = true;
      report(next);
      renderTab();
      attach();
      scheduleFrame();
    },
    setCollapsed(next, { now = false, focus = false } = {}) {
      // Collapsed by the panel's own button (it comes back through storage, without `focus`):
      // focus was in the frame about to hide, so it follows to the tab instead of falling to the page.
      const focusInFrame = frame !== undefined && frameRoot.activeElement === frame;
      collapsed = next;
      renderTab();
      if (now) syncFrame();
      else scheduleFrame();
      // The focused frame is hidden on collapse: without this, focus falls to the host page.
      const target = focus || (collapsed && focusInFrame) ? (collapsed ? tab : frame) : undefined;
      target?.focus();
      // Firefox cannot focus a frame in the task that unhides it (it has no layout box yet), and
      // the tab it hides drops focus to the page: try again once the frame is laid out.
      const focused = () => (target === tab ? shadow.activeElement : frameRoot.activeElement) === target;
      if (target && !focused()) requestAnimationFrame(() => target.isConnected && !target.hidden && target.focus());
      if (!collapsed) requestAnimationFrame(lookForCover);
    },
    setBadge(text, complete) {
      badge = text;
      tab.dataset.complete = String(complete);
      renderTab();
    },
    remove,
  };
}
