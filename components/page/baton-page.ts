import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { badgeText, gateDecision, isComplete } from '../../lib/gate';
import type { HostAdapter } from '../../lib/hosts/adapter';
import type { RecordStatus } from '../../lib/message-schemas';
import { isOwnExtension, messenger } from '../../lib/messages';
import type { GuardStatus } from '../../lib/panel-location';
import { sameRecord, type RecordRef } from '../../lib/record';
import { dockCollapsed } from '../storage/preferences';
import { watchStageControl } from './control-watch';
import { createDock, type Dock } from './dock';
import { installStageGuard } from './stage-guard';

const RETRY_DELAYS_MS = [500, 1000, 2000, 5000];

/**
 * Wires one host app's adapter to the guard, the dock and the extension. Runs at
 * document_start: the guard is in place before the host's own scripts run.
 */
export function startBaton(ctx: ContentScriptContext, adapter: HostAdapter): void {
  let ref: RecordRef | undefined;
  let status: RecordStatus | undefined;
  let guard: GuardStatus = 'searching';
  let blocked: { stage: string; attempt: number } | undefined;
  let collapsed = false;
  let dock: Dock | undefined;
  let stopWatching: (() => void) | undefined;
  let pageUrl: URL | undefined;
  /** The host page has loaded once: from now on the dock is drawn at once. */
  let pageSettled = false;

  installStageGuard(ctx, {
    adapter,
    decide(stage) {
      if (!ref) return { kind: 'allow' };
      const known = status && sameRecord(status.ref, ref) ? status.checklists : undefined;
      return gateDecision(known, stage);
    },
    onBlocked(decision) {
      blocked = { stage: decision.stage, attempt: (blocked?.attempt ?? 0) + 1 };
      ensureDock();
      setCollapsed(false);
      render();
    },
  });

  const stopListening = messenger.onMessage('recordChanged', ({ data, sender }) => {
    // Parsed by the worker before it was sent (message-schemas.ts); here, only its sender counts.
    if (!isOwnExtension(sender, browser.runtime.id)) return;
    if (ref && sameRecord(data.ref, ref)) {
      status = data;
      render();
    }
  });
  const stopRefreshing = messenger.onMessage('refreshStatus', ({ sender }) => {
    if (isOwnExtension(sender, browser.runtime.id) && ref) void loadStatus(ref);
  });
  const stopWatchingCollapsed = dockCollapsed.watch((value) => {
    collapsed = value;
    dock?.setCollapsed(collapsed);
  });
  ctx.onInvalidated(() => {
    // After an extension reload the extension APIs are gone from this orphaned script, and
    // our listeners with them: unsubscribing would throw into the host page.
    if (!browser.runtime?.id) return;
    stopListening();
    stopRefreshing();
    stopWatchingCollapsed();
  });
  // After an extension reload this script is orphaned; the context notices only when asked,
  // so ask every second and let it remove our listeners and the dock.
  ctx.setInterval(() => undefined, 1000);

  /** The user's own toggle (or a blocked move): the panel is wanted now. */
  function setCollapsed(value: boolean) {
    collapsed = value;
    dock?.setCollapsed(value, { now: true });
    void dockCollapsed.set(value);
  }

  function render() {
    if (!ref || !dock) return;
    dock.show({
      ref,
      recordTitle: adapter.recordTitle(document),
      guard,
      guardControl: adapter.stageControlName,
      blocked,
    });
    const checklists = status?.checklists;
    dock.setBadge(checklists ? badgeText(checklists) : 'loading', checklists ? isComplete(checklists) : false);
  }

  async function loadStatus(forRef: RecordRef, attempt = 0): Promise<void> {
    try {
      const next = await messenger.sendMessage('getRecordStatus', forRef);
      if (ref && sameRecord(ref, forRef)) status = next;
      render();
    } catch (error) {
      if (ctx.isInvalid) return;
      console.warn('Baton could not load the handoff checklist; stage moves stay blocked', error);
      const delay = RETRY_DELAYS_MS[Math.min(attempt, RETRY_DELAYS_MS.length - 1)];
      ctx.setTimeout(() => ref && sameRecord(ref, forRef) && void loadStatus(forRef, attempt + 1), delay);
    }
  }

  /** A new page of the host app (load or SPA navigation). */
  function openPage(url: URL) {
    if (ctx.isInvalid) return;
    pageUrl = url;
    stopWatching?.();
    stopWatching = undefined;
    if (!adapter.isRecordUrl(url)) return showRecord(undefined);
    showRecord(adapter.recordFromPage(url, document));
    // The dock and the page watch wait for idle time: at injection the host page is busy
    // loading, and the budget there is 5 ms. The guard itself is already listening.
    whenDomReady(() =>
      ctx.requestIdleCallback(
        () => {
          if (pageUrl !== url) return;
          pageSettled = true;
          if (ref) ensureDock();
          stopWatching = watchStageControl(
            ctx,
            () => {
              showRecord(adapter.recordFromPage(url, document));
              return adapter.hasStageControl(document);
            },
            (next) => {
              guard = next;
              render();
            },
          );
        },
        { timeout: 1000 },
      ),
    );
  }

  /** Switches the guard, the badge and the panel to another record (or to none). */
  function showRecord(next: RecordRef | undefined) {
    if (ref === next || (ref && next && sameRecord(ref, next))) return;
    ref = next;
    status = undefined;
    blocked = undefined;
    if (!next) {
      dock?.remove();
      dock = undefined;
      return;
    }
    void loadStatus(next);
    if (pageSettled) ensureDock();
    render();
  }

  function ensureDock(): void {
    if (dock) return;
    dock = createDock(ctx, setCollapsed);
    dock.setCollapsed(collapsed);
  }

  void dockCollapsed.get().then((value) => {
    collapsed = value;
    dock?.setCollapsed(value);
  });
  // The event fires as the navigation starts, before location.href changes: use its URL.
  ctx.addEventListener(window, 'wxt:locationchange', (event) => openPage(event.newUrl));
  openPage(new URL(location.href));
}

function whenDomReady(run: () => void): void {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', run, { once: true });
  else run();
}
