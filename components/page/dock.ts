import { i18n } from '#i18n';
import type { Lifetime } from './lifetime';
import type { PanelLocation } from '../../lib/panel-location';
import { handTickets, panelPageUrl, showInFrame } from './frame-ticket';

export const PANEL_WIDTH_PX = 380;

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
iframe { box-sizing: border-box; position: fixed; top: 0; right: 0; width: ${PANEL_WIDTH_PX}px; height: 100vh; border: 0;
  border-left: 1px solid #c9d1da; background: Canvas; box-shadow: -4px 0 16px rgba(0,0,0,.12);
  color-scheme: light dark; }
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
 * page: host scripts cannot read it and host keyboard shortcuts never hear it. The root is
 * open so accessibility tools (and tests) can reach the tab; it holds nothing private: the
 * frame's address names no record, and what it shows comes through the worker.
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
  shadow.append(style, tab);
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
    if (host.isConnected || lifetime.isInvalid) return;
    const others = [...document.querySelectorAll<HTMLElement>('baton-dock')];
    if (others.some((other) => Number(other.dataset.since) > since)) return;
    for (const older of others) older.remove();
    // A frame put back into the page loads afresh, and is handed a new ticket on load.
    document.documentElement.append(host);
  };
  // Some apps replace whole subtrees of <html>; put the dock back if it is taken out.
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
    shadow.append(frame);
    reserveSpace(true);
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
    show(location) {
      guard = location.guard;
      hasRecord = true;
      const next = JSON.stringify(location);
      if (next !== reported) {
        reported = next;
        void showInFrame('panel', location).then(
          (needsTicket) => needsTicket && rebind?.(),
          () => (reported = ''), // told again on the next change
        );
      }
      renderTab();
      attach();
      scheduleFrame();
    },
    setCollapsed(next, { now = false, focus = false } = {}) {
      // Collapsed by the panel's own button (it comes back through storage, without `focus`):
      // focus was in the frame about to hide, so it follows to the tab instead of falling to the page.
      const focusInFrame = frame !== undefined && shadow.activeElement === frame;
      collapsed = next;
      renderTab();
      if (now) syncFrame();
      else scheduleFrame();
      // The focused frame is hidden on collapse: without this, focus falls to the host page.
      const target = focus || (collapsed && focusInFrame) ? (collapsed ? tab : frame) : undefined;
      target?.focus();
      // Firefox cannot focus a frame in the task that unhides it (it has no layout box yet), and
      // the tab it hides drops focus to the page: try again once the frame is laid out.
      if (target && shadow.activeElement !== target) requestAnimationFrame(() => target.isConnected && !target.hidden && target.focus());
    },
    setBadge(text, complete) {
      badge = text;
      tab.dataset.complete = String(complete);
      renderTab();
    },
    remove,
  };
}
