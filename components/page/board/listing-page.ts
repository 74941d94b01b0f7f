import type { Lifetime } from '../lifetime';
import { gateDecision, gatesStage } from '../../../lib/gate';
import type { HostApp, RecordRef } from '../../../lib/record';
import { unpackStatuses } from '../../../lib/status-batch';
import type { ListingAdapter } from '../../../lib/hosts/adapter';
import { clipTitle } from '../../../lib/limits';
import type { PageRecord, RecordStatus } from '../../../lib/message-schemas';
import { messenger } from '../../../lib/messages';
import type { DragGuard, DragGuardOptions, RefusedMove } from './drag-support';
import { guardListStages } from './list-stage-guard';
import { watchListing, type ListingWatch } from './listing-watch';
import { openMoveDialog, type MoveDialog } from './move-dialog';
import { showBlindNotice } from './blind-notice';
import { keepSyncLive } from '../../sync/heartbeat';
import { reportMove } from '../judged-moves';

export interface ListingPage {
  update(status: RecordStatus): void;
  refresh(): void;
  /** The user answered the move dialog. */
  answer(confirmed: boolean): void;
  records(): PageRecord[];
  /** The records shown, their statuses only (see ListingWatch.shownStatuses). */
  statuses(): RecordStatus[];
  stop(): void;
}

/**
 * A board or list: badges on every card and row, and on boards a drag guard whose refused
 * moves open a dialog right there and, once the checklist is filled, make the move for the user.
 */
export function startListingPage(
  lifetime: Lifetime,
  host: HostApp,
  listing: ListingAdapter,
  guardDrags: DragGuard | undefined,
  onChange: () => void,
): ListingPage {
  const leaving = new AbortController();
  let dialog: { move: RefusedMove; view: MoveDialog } | undefined;
  // A listing shows records of one kind: the kind travels once, then only ids.
  const load = async (recordIds: string[]) => unpackStatuses(await messenger.sendMessage('getRecordStatuses', { host, objectType: listing.objectType, recordIds }));
  const loadKind = async () => {
    const known = await messenger.sendMessage('getKindStatuses', { host, objectType: listing.objectType });
    return known && { stored: unpackStatuses(known.stored), untouched: known.untouched, asOf: known.asOf };
  };
  const watch: ListingWatch = watchListing(lifetime, host, listing, { load, loadKind }, onChange);
  const refOf = (recordId: string): RecordRef => ({ host, objectType: listing.objectType, recordId });
  // Teammates' changes reach this board's badges live while it is open (team sync).
  const stopLive = keepSyncLive();

  // Drags on a board and a list row's stage menu are judged alike and refused into one dialog.
  const guarding: Omit<DragGuardOptions, 'board'> = {
    signal: leaving.signal,
    decide: (recordId, stage) => gateDecision(watch.status(recordId)?.checklists, stage),
    mayGate(stage) {
      const known = watch.records().flatMap(({ status }) => (status ? [status] : []));
      return known.length === 0 || known.some((status) => status.checklists.some((checklist) => gatesStage(checklist, stage)));
    },
    onBlind: showBlindNotice,
    // Judged moves are reported as on a record page: those into a gated stage, let through or refused.
    onLetThrough(recordId, stage) {
      if (watch.status(recordId)?.checklists.some((checklist) => gatesStage(checklist, stage))) reportMove(refOf(recordId), stage, 'allowed');
    },
    onRefused(move) {
      reportMove(refOf(move.recordId), move.stage, 'blocked');
      dialog?.view.close();
      const item = watch.records().find((record) => record.recordId === move.recordId)?.item;
      const title = item ? titleOf(listing, item) : undefined;
      dialog = { move, view: openMoveDialog(refOf(move.recordId), title, move.stage) };
    },
  };
  if (listing.board && guardDrags) guardDrags(lifetime, { ...guarding, board: listing.board });
  if (listing.stageCell) guardListStages(lifetime, { ...guarding, stageCell: listing.stageCell });

  async function completeMove(move: RefusedMove) {
    // The dialog's last keystroke may still be on its way to this tab: read the record afresh.
    const [fresh] = await load([move.recordId]);
    if (fresh) watch.update(fresh);
    if (!fresh || gateDecision(fresh.checklists, move.stage).kind !== 'allow') return;
    await move.redo().then(
      () => reportMove(refOf(move.recordId), move.stage, 'allowed'),
      (error: unknown) => console.warn('Baton could not make the move; please drag the card again', error),
    );
  }

  return {
    update: (status) => watch.update(status),
    refresh: () => watch.refresh(),
    answer(confirmed) {
      const current = dialog;
      dialog = undefined;
      current?.view.close();
      if (confirmed && current) void completeMove(current.move);
    },
    statuses: () => watch.shownStatuses(),
    records: () =>
      watch.records().flatMap(({ item, status, stage }) => {
        if (!status) return [];
        const link = linkOf(item);
        const href = link ? new URL(link.getAttribute('href')!, location.href) : undefined;
        return [{ status, title: titleOf(listing, item), url: href?.protocol === 'https:' ? href.href : undefined, stage }];
      }),
    stop() {
      stopLive();
      leaving.abort();
      watch.stop();
      dialog?.view.close();
    },
  };
}

/** A card's or row's link to its record: its name, and where it leads. */
function linkOf(item: Element): Element | null {
  return item.matches('a[href]') ? item : item.querySelector('a[href]');
}

function titleOf(listing: ListingAdapter, item: Element): string | undefined {
  return clipTitle(listing.itemTitle?.(item) ?? (linkOf(item) ?? item).textContent ?? undefined);
}
