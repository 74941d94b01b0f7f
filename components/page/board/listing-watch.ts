import type { Lifetime } from '../lifetime';
import type { ListingAdapter } from '../../../lib/hosts/adapter';
import type { RecordStatus } from '../../../lib/message-schemas';
import type { HostApp } from '../../../lib/record';
import type { ChecklistStatus } from '../../../lib/gate';
import { BADGE_TAG, renderBadge } from './badges';
import { messenger } from '../../../lib/messages';
import type { StageSighting } from '../../../lib/message-schemas';
import { stageSighting } from '../../../lib/unverified';
import { observeRegion } from './observed-region';

export interface ListingWatch {
  /** The status of a record shown on the page, once loaded. */
  status(recordId: string): RecordStatus | undefined;
  /** A record changed (typed in another tab or in the move dialog): redraw its badges. */
  update(status: RecordStatus): void;
  /** Templates changed or handoffs were imported: read every shown record again. */
  refresh(): void;
  /** Every record on the page with its status, in page order. */
  records(): { item: Element; recordId: string; status: RecordStatus | undefined; stage: string | undefined }[];
  /**
   * The statuses of the records shown, once each, and nothing else read: the toolbar icon's
   * count follows every change, and reading each item's stage, title and link for it took
   * ~14 µs a row (over 100 ms on a list of 8,000), in the time new rows wait for their badges.
   */
  shownStatuses(): RecordStatus[];
  stop(): void;
}

/** Statuses that arrive within this long of each other are redrawn together (see update). */
const UPDATE_BATCH_MS = 16;
/** Badges wait for idle time at most this long (see flush). */
const BADGE_IDLE_TIMEOUT_MS = 50;
/** How often the page is looked at again for items the observed region did not hear of. */
const RESCAN_MS = 1000;

/**
 * Badges every card and row of a board or list, including those drawn later (lazy loading,
 * virtual scrolling, filters, re-renders). Only the region around the items is observed
 * (observed-region.ts). Inside the host's frame Baton only notes that the page changed (one
 * flag per batch of mutations, whatever its size); the items are looked up and badged in
 * idle time. A CSS animation announcing each item (animationstart) cost the
 * host ~8% more time per re-render of 2,000 badged rows: an animation and an event per row.
 * Rows a virtual list reuses for another record are caught by their changed attributes.
 * Unknown records are asked for in one batch, and badged once their status is known.
 */
export function watchListing(
  lifetime: Lifetime,
  host: HostApp,
  listing: ListingAdapter,
  store: {
    /** Statuses of records of this listing's kind. */
    load(recordIds: string[]): Promise<RecordStatus[]>;
    /** Every stored record of this listing's kind, and the checklists of one with nothing stored; null where the kind holds too many. */
    loadKind(): Promise<{ stored: RecordStatus[]; untouched: ChecklistStatus[]; asOf: number } | null>;
  },
  onChange: () => void,
): ListingWatch {
  const statuses = new Map<string, RecordStatus>();
  const loading = new Set<string>();
  const pending = new Set<Element>();
  /**
   * Each item's badge, and the record it was drawn for. A later scan of the page queues only
   * new items and those whose badge the host took out: asking each item for its badge slot
   * cost ~10 µs a row, every time the page changed, however few rows were new.
   */
  const drawn = new WeakMap<Element, { badge: Element; recordId: string | undefined }>();
  let pageChanged = true;
  let scheduled = false;
  let stopped = false;

  const isItem = (element: Element) =>
    element.matches(listing.itemSelector) && !(listing.ignoreSelector && element.closest(listing.ignoreSelector));
  /** The record an item shows, read from the page; undefined for what is not an item of ours. */
  const readRecordId = (element: Element) => (isItem(element) ? listing.itemRecordId(element) : undefined);
  /** The record an item's badge was drawn for (forgotten when a reused row's attributes change), else read. */
  const drawnRecordId = (element: Element) => {
    const known = drawn.get(element);
    return known ? known.recordId : readRecordId(element);
  };

  const badge = (item: Element, recordId: string) => {
    const status = statuses.get(recordId);
    const stage = listing.itemStage(item);
    drawn.set(item, { badge: renderBadge(listing.badgeSlot(item), recordId, status, stage), recordId });
    if (status && stage) noteSighting(status, stage);
    if (status && stage) noteStageLabel(status, stage);
  };

  /**
   * Each stage label this listing shows goes to the worker once (with one record in it), so the
   * template editor can offer the stages of boards and lists, not only of records opened. The
   * worker judges it like any sighting: one in no gated stage changes nothing.
   */
  const labelsSent = new Set<string>();
  function noteStageLabel(status: RecordStatus, stage: string) {
    if (labelsSent.has(stage)) return;
    labelsSent.add(stage);
    queueSighting({ ref: status.ref, stage });
  }

  /**
   * Safety net: records shown in gated stages go to the worker, which logs the first time one
   * is seen there without a complete handoff. Once per record, stage and verdict; one message a frame.
   */
  const sightingsSent = new Set<string>();
  let sightings: StageSighting[] = [];
  function noteSighting(status: RecordStatus, stage: string) {
    const sighting = stageSighting(status.checklists, stage);
    const key = `${status.ref.recordId}\n${stage}\n${sighting}`;
    if (!sighting || sightingsSent.has(key)) return;
    sightingsSent.add(key);
    queueSighting({ ref: status.ref, stage });
  }
  function queueSighting(sighting: StageSighting) {
    if (sightings.push(sighting) > 1) return;
    requestAnimationFrame(() => {
      const batch = sightings;
      sightings = [];
      void messenger.sendMessage('stagesSeen', batch).catch(() => undefined);
    });
  }

  /**
   * The listing's kind as the store holds it, read once as the listing opens: a row of a record
   * with nothing stored is badged from the kind's untouched checklists at once, and one with a
   * stored handoff from its status, with no request to the worker. Asked per batch, a thousand
   * new rows waited for the worker's read and reply (40-110 ms here) before their badges. Every
   * change after this read reaches the tab (update), and a refresh reads the kind again.
   */
  let untouched: { checklists: ChecklistStatus[]; asOf: number } | undefined;
  /** A refresh starts a new read of the kind: an older one still on its way is dropped. */
  let kindReads = 0;
  async function learnKind() {
    const read = ++kindReads;
    const known = await store.loadKind().catch(() => null);
    if (!known || stopped || read !== kindReads) return;
    for (const status of known.stored) keepNewest(status);
    untouched = { checklists: known.untouched, asOf: known.asOf };
    schedule();
  }
  /** A record's status where known, or (its kind learnt) that of a record with nothing stored. */
  function knownStatus(recordId: string): RecordStatus | undefined {
    let status = statuses.get(recordId);
    if (!status && untouched) {
      status = { ref: { host, objectType: listing.objectType, recordId }, started: false, asOf: untouched.asOf, checklists: untouched.checklists };
      statuses.set(recordId, status);
    }
    return status;
  }

  /**
   * Badges are drawn in idle time, in slices, never in the host's next frame: a virtual list
   * re-rendering 2,000 rows at once (on scroll) gets its frame first. Drawn in the rows' frame
   * (requestAnimationFrame), they cost the host ~20% more time per re-render (npm run bench).
   * The timeout keeps badges coming on a page that is never idle.
   */
  const flush = (deadline: IdleDeadline) => {
    scheduled = false;
    if (stopped) return;
    if (pageChanged) findNewItems();
    const missing = new Set<string>();
    // Drawing waits for the next idle slice once this one is spent; records not yet known are
    // still all gathered now, so rows drawn at once are asked for in one request.
    let drawing = true;
    let drew = false;
    for (const item of pending) {
      drawing &&= deadline.timeRemaining() > 0 || deadline.didTimeout;
      if (!item.isConnected || !isItem(item)) {
        pending.delete(item);
        continue;
      }
      const recordId = listing.itemRecordId(item);
      if (recordId && !knownStatus(recordId)) {
        pending.delete(item);
        waitFor(recordId, item);
        if (!loading.has(recordId)) missing.add(recordId);
        continue;
      }
      if (!drawing) continue;
      pending.delete(item);
      drew = true;
      // An item that does not say its record is marked so: its moves are refused, not judged.
      if (!recordId) drawn.set(item, { badge: renderBadge(listing.badgeSlot(item), undefined, undefined), recordId });
      else badge(item, recordId);
    }
    if (missing.size > 0) void fetchStatuses([...missing]);
    if (pending.size > 0) schedule();
    if (drew) onChange(); // the toolbar's count (it reads in idle time, once for many changes)
  };

  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    requestIdleCallback(flush, { timeout: BADGE_IDLE_TIMEOUT_MS });
  };

  const queue = (item: Element) => {
    pending.add(item);
    schedule();
  };

  function findNewItems() {
    pageChanged = false;
    const items = document.querySelectorAll(listing.itemSelector);
    for (const item of items) {
      if (!drawn.get(item)?.badge.isConnected) pending.add(item);
    }
    // A board's empty columns are part of its region: cards dropped or loaded there are heard.
    const columns = listing.board ? document.querySelectorAll(listing.board.dropTarget) : [];
    region.fit([items[0], items[items.length - 1], columns[0], columns[columns.length - 1]]);
  }

  /** Statuses can arrive out of order (concurrent saves): keep the newest read. */
  function keepNewest(status: RecordStatus) {
    const known = statuses.get(status.ref.recordId);
    if (!known || known.asOf <= status.asOf) statuses.set(status.ref.recordId, status);
  }

  /** Items waiting for their record's status: a reply badges these, not every item again. */
  const waiting = new Map<string, Set<Element>>();
  function waitFor(recordId: string, item: Element) {
    const items = waiting.get(recordId);
    if (items) items.add(item);
    else waiting.set(recordId, new Set([item]));
  }

  async function fetchStatuses(recordIds: string[]) {
    for (const id of recordIds) loading.add(id);
    try {
      const loaded = await store.load(recordIds);
      for (const status of loaded) keepNewest(status);
      for (const recordId of recordIds) {
        for (const item of waiting.get(recordId) ?? []) {
          if (item.isConnected && readRecordId(item) === recordId) badge(item, recordId);
        }
      }
      onChange();
    } finally {
      for (const id of recordIds) {
        loading.delete(id);
        waiting.delete(id); // unbadged after a failed read: found again on the page's next change
      }
    }
  }

  /**
   * Records changed elsewhere (an edit, a teammate's sync, the safety net logging the records
   * this page shows in gated stages: a hundred at once on a long list) are redrawn together:
   * one scan of the page per batch, not one per record.
   */
  const changed = new Set<string>();
  let redrawSoon: number | undefined;
  function redrawChanged() {
    redrawSoon = undefined;
    const recordIds = new Set(changed);
    changed.clear();
    if (!stopped) redraw(recordIds);
  }

  /** Badges the items showing these records: after an edit, so one query. */
  function redraw(recordIds: Set<string>) {
    for (const item of document.querySelectorAll(listing.itemSelector)) {
      const recordId = readRecordId(item);
      if (recordId && recordIds.has(recordId)) badge(item, recordId);
    }
    onChange();
  }

  // Runs in the host's frame: stops at the first added or removed node that is not one of our
  // badges (the host's batches are decided by their first record), and leaves all else to idle
  // time. Rows a virtual list reuses for another record say so in their attributes.
  const onlyOurBadges = (nodes: NodeList) => {
    for (const node of nodes) if (node.nodeName.toLowerCase() !== BADGE_TAG) return false;
    return true;
  };
  const onRecords = (mutations: MutationRecord[]) => {
    if (mutations.some((mutation) => !onlyOurBadges(mutation.addedNodes) || !onlyOurBadges(mutation.removedNodes))) {
      pageChanged = true;
      schedule();
    }
    for (const mutation of mutations) {
      if (mutation.type !== 'attributes' || (mutation.target as Element).localName === BADGE_TAG) continue;
      const item = (mutation.target as Element).closest(listing.itemSelector);
      if (!item) continue;
      drawn.delete(item); // reused for another record, maybe: read afresh
      if (isItem(item)) queue(item);
    }
  };
  const region = observeRegion(onRecords, listing.recycledAttributes);
  schedule(); // the items already on the page
  void learnKind();

  /**
   * What the region does not hear (cards drawn into a column it does not cover yet) is found
   * by looking again, in idle time, while the page is shown: a look finds only what has no badge.
   */
  const rescan = () => {
    if (stopped) return;
    if (document.visibilityState === 'visible') {
      pageChanged = true;
      schedule();
    }
    lifetime.setTimeout(rescan, RESCAN_MS);
  };
  lifetime.setTimeout(rescan, RESCAN_MS);

  /** Each record shown, once, with the first item showing it, in page order. */
  function* shownItems(recordIdOf: (item: Element) => string | undefined): Generator<{ item: Element; recordId: string }> {
    const seen = new Set<string>();
    for (const item of document.querySelectorAll(listing.itemSelector)) {
      const recordId = recordIdOf(item);
      if (!recordId || seen.has(recordId)) continue;
      seen.add(recordId);
      yield { item, recordId };
    }
  }

  const stop = () => {
    stopped = true;
    forget();
    region.disconnect();
  };
  const forget = lifetime.onInvalidated(stop);

  return {
    status: (recordId) => statuses.get(recordId),
    update(status) {
      if (status.ref.host !== host || status.ref.objectType !== listing.objectType) return;
      keepNewest(status);
      changed.add(status.ref.recordId);
      redrawSoon ??= lifetime.setTimeout(redrawChanged, UPDATE_BATCH_MS);
    },
    refresh() {
      statuses.clear();
      untouched = undefined;
      void learnKind();
      for (const item of document.querySelectorAll(listing.itemSelector)) if (isItem(item)) queue(item);
    },
    records: () => [...shownItems(readRecordId)].map(({ item, recordId }) => ({ item, recordId, status: statuses.get(recordId), stage: listing.itemStage(item) })),
    shownStatuses: () => [...shownItems(drawnRecordId)].flatMap(({ recordId }) => statuses.get(recordId) ?? []),
    stop,
  };
}
