import type { Lifetime } from './lifetime';
import { i18n } from '#i18n';
import { gateDecision, gatesStage, isComplete, type GateDecision } from '../../lib/gate';
import { badgeText } from '../words/checklist-words';
import type { HostAdapter } from '../../lib/hosts/adapter';
import { clipTitle } from '../../lib/limits';
import type { PageRecord, RecordStatus } from '../../lib/message-schemas';
import { messenger } from '../../lib/messages';
import type { GuardStatus } from '../../lib/panel-location';
import { recordLabel, sameRecord, type RecordRef } from '../../lib/record';
import { dockCollapsed } from '../storage/preferences';
import { batonNoteTexts } from './note-texts';
import { watchStageControl } from './control-watch';
import { watchShownStage } from './stage-watch';
import { stageSighting, unverifiedMove } from '../../lib/unverified';
import { createDock, type Dock } from './dock';
import { reportMove } from './judged-moves';

const RETRY_DELAYS_MS = [500, 1000, 2000, 5000];
const NOTES_READ_INTERVAL_MS = 1000;

export interface RecordPage {
  /** The stage guard's question, answered synchronously from what is known now. */
  decide(stage: string): GateDecision;
  onBlocked(decision: Extract<GateDecision, { kind: 'block' }>): void;
  /** A move into a gated stage went through (the checklist was complete). */
  onHandedOff(stage: string): void;
  /** Does a move into this stage hand the record off (is it gated)? */
  isGated(stage: string): boolean;
  open(url: URL): void;
  close(): void;
  update(status: RecordStatus): void;
  reload(): void;
  records(): PageRecord[];
}

/**
 * One record's page: the guard's knowledge of its checklist, the docked panel and its tab,
 * and the watch that says when the host's stage control is gone.
 */
export function createRecordPage(lifetime: Lifetime, adapter: HostAdapter, onChange: () => void): RecordPage {
  let ref: RecordRef | undefined;
  let status: RecordStatus | undefined;
  let guard: GuardStatus = 'searching';
  let blocked: { stage: string; attempt: number } | undefined;
  let movedTo: string | undefined;
  let collapsed = false;
  let dock: Dock | undefined;
  let stopWatching: (() => void) | undefined;
  let pageUrl: URL | undefined;
  /** Safety net: the stage the page shows the record in, and what was told to the worker. */
  let shownStage: string | undefined;
  let stageWatch: ReturnType<typeof watchShownStage> | undefined;
  const sightingsSent = new Set<string>();
  /** The host page has loaded once: from now on the dock is drawn at once. */
  let pageSettled = false;

  /** The user's collapse choice, read when the first dock is drawn (not at injection). */
  let preferenceRead = false;
  function readPreference() {
    if (preferenceRead) return;
    preferenceRead = true;
    lifetime.removeOnEnd(
      dockCollapsed.watch((value) => {
        collapsed = value;
        dock?.setCollapsed(collapsed);
      }),
    );
    void dockCollapsed.get().then((value) => {
      collapsed = value;
      dock?.setCollapsed(value);
    });
  }

  /** The user's own toggle (or a blocked move): the panel is wanted now. */
  function setCollapsed(value: boolean) {
    collapsed = value;
    dock?.setCollapsed(value, { now: true, focus: true });
    void dockCollapsed.set(value);
  }

  /** Opens the panel in this tab for a block or a handoff, without changing the user's choice for every tab. */
  function openHere() {
    collapsed = false;
    dock?.setCollapsed(false, { now: true });
  }

  function render() {
    onChange();
    if (!ref || !dock) return;
    const recordUrl = location.href;
    dock.show({ ref, recordTitle: clipTitle(adapter.recordTitle(document)), recordUrl, guard, guardControl: adapter.stageControlName, blocked, movedTo, shownStage });
    const checklists = status?.checklists;
    const text = checklists ? badgeText(checklists) : i18n.t('common.loading');
    // Safety net: the collapsed tab says so too, not only the panel.
    const unverified = unverifiedMove(checklists, shownStage) !== undefined;
    dock.setBadge(unverified ? i18n.t('page.movedUnverified', [text]) : text, checklists ? isComplete(checklists) : false);
  }

  async function loadStatus(forRef: RecordRef, attempt = 0): Promise<void> {
    try {
      accept(await messenger.sendMessage('getRecordStatus', forRef));
    } catch (error) {
      if (lifetime.isInvalid) return;
      console.warn('Baton could not load the handoff checklist; stage moves stay blocked', error);
      const delay = RETRY_DELAYS_MS[Math.min(attempt, RETRY_DELAYS_MS.length - 1)]!;
      lifetime.setTimeout(() => ref && sameRecord(ref, forRef) && void loadStatus(forRef, attempt + 1), delay);
    }
  }

  /**
   * The control found last time, while it is still on screen; else a new search. Pages
   * change all the time (Lightning above all): a full search each time would cost them.
   */
  let control: Element | undefined;
  function stageControlPresent(): boolean {
    if (control?.isConnected && control.checkVisibility()) return true;
    control = adapter.stageControl(document);
    return control !== undefined;
  }

  /** Tells the panel (through the worker) which Baton briefs and receipts the record shows. */
  let lastNotes = '';
  let notesReadAt = -Infinity;
  let notesPending = false;
  function syncNotes() {
    if (!ref) return;
    // Notes change when someone posts: once a second is soon enough and spares busy pages,
    // and a change inside that second is read when it ends.
    const wait = notesReadAt + NOTES_READ_INTERVAL_MS - performance.now();
    if (wait > 0) {
      if (!notesPending) lifetime.setTimeout(() => ((notesPending = false), syncNotes()), wait);
      notesPending = true;
      return;
    }
    notesReadAt = performance.now();
    const texts = batonNoteTexts(document, adapter.notes);
    const key = `${recordLabel(ref)}\n${texts.join('\u0000')}`;
    if (key === lastNotes) return;
    lastNotes = key;
    void messenger.sendMessage('pageNotes', { ref, texts }).catch(() => undefined);
  }

  /** A status of the shown record, unless a newer read of it is already here. */
  function accept(next: RecordStatus) {
    if (!ref || !sameRecord(next.ref, ref) || (status && sameRecord(status.ref, ref) && status.asOf > next.asOf)) return;
    status = next;
    render();
    noteSighting();
  }

  /**
   * Safety net: the worker logs the first time the record is seen in a gated stage without a
   * complete handoff (and remembers a complete one there), once per record, stage and verdict.
   */
  function noteSighting() {
    if (!ref || !status || !sameRecord(status.ref, ref) || !shownStage) return;
    const sighting = stageSighting(status.checklists, shownStage);
    const key = `${recordLabel(ref)}\n${shownStage}\n${sighting}`;
    if (!sighting || sightingsSent.has(key)) return;
    sightingsSent.add(key);
    const recordUrl = location.href;
    void messenger
      .sendMessage('stagesSeen', [{ ref, stage: shownStage, recordTitle: clipTitle(adapter.recordTitle(document)), recordUrl }])
      .catch(() => sightingsSent.delete(key));
  }

  function showStage(stage: string | undefined) {
    shownStage = stage;
    render();
    noteSighting();
  }

  /** Switches the guard, the badge and the panel to another record (or to none). */
  function showRecord(next: RecordRef | undefined) {
    if (ref === next || (ref && next && sameRecord(ref, next))) return;
    ref = next;
    status = undefined;
    blocked = undefined;
    movedTo = undefined;
    shownStage = undefined;
    stageWatch?.reread();
    if (!next) {
      dock?.remove();
      dock = undefined;
      return onChange();
    }
    void loadStatus(next);
    if (pageSettled) ensureDock();
    render();
  }

  function ensureDock(): void {
    if (dock) return;
    readPreference();
    dock = createDock(lifetime, setCollapsed);
    dock.setCollapsed(collapsed);
  }

  function close() {
    pageUrl = undefined;
    stopWatching?.();
    stopWatching = undefined;
    stageWatch?.stop();
    stageWatch = undefined;
    shownStage = undefined;
    showRecord(undefined);
  }

  return {
    isGated: (stage) => Boolean(status?.checklists.some((checklist) => gatesStage(checklist, stage))),
    decide(stage) {
      // A record page whose record is not known yet (ClickUp custom ids, before the task
      // view draws) is judged like a record whose checklist has not loaded: not waved through.
      if (!ref) return pageUrl ? { kind: 'block', stage, reason: 'unknown' } : { kind: 'allow' };
      // Orphaned (lifetime.ts), this script no longer follows navigation: its checklist is
      // only known to be this record's on the page it was read on.
      if (lifetime.isOrphaned && pageUrl?.href !== location.href) return { kind: 'block', stage, reason: 'unknown' };
      return gateDecision(status && sameRecord(status.ref, ref) ? status.checklists : undefined, stage);
    },
    onHandedOff(stage) {
      if (lifetime.isInvalid) return;
      if (ref) reportMove(ref, stage, 'allowed');
      // The guarded move went through: open the panel on the brief, ready to send.
      blocked = undefined;
      movedTo = stage;
      ensureDock();
      openHere();
      render();
    },
    onBlocked(decision) {
      // Orphaned: the dock's tab already says to reload; the panel went with the extension.
      if (lifetime.isInvalid) return;
      if (!ref) return console.warn(`Baton held back a move to "${decision.stage}": this record is not identified yet.`);
      blocked = { stage: decision.stage, attempt: (blocked?.attempt ?? 0) + 1 };
      reportMove(ref, decision.stage, 'blocked');
      ensureDock();
      openHere();
      render();
    },
    open(url) {
      // Another record: the dock stays and shows it (a new frame would flash and lose focus).
      stopWatching?.();
      stopWatching = undefined;
      stageWatch?.stop();
      stageWatch = undefined;
      pageUrl = url;
      showRecord(adapter.recordFromPage(url, document));
      // The dock and the page watch wait for idle time: at injection the host page is busy
      // loading, and the budget there is 5 ms. The guard itself is already listening.
      afterLoad(lifetime, () => {
        if (pageUrl !== url) return;
        pageSettled = true;
        if (ref) ensureDock();
        stopWatching = watchStageControl(
          lifetime,
          () => {
            showRecord(adapter.recordFromPage(url, document));
            syncNotes();
            return stageControlPresent();
          },
          (next) => {
            guard = next;
            render();
          },
        );
        stageWatch = watchShownStage(lifetime, () => adapter.currentStage(document), showStage);
      });
    },
    close,
    update: accept,
    reload: () => ref && void loadStatus(ref),
    records: () =>
      status && ref && sameRecord(status.ref, ref) ? [{ status, title: clipTitle(adapter.recordTitle(document)), url: location.href, stage: shownStage }] : [],
  };
}

/** Once the DOM is parsed and the page is idle (or a second has passed). */
function afterLoad(lifetime: Lifetime, run: () => void): void {
  const idle = () => lifetime.requestIdleCallback(run, { timeout: 1000 });
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', idle, { once: true });
  else idle();
}
