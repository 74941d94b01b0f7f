import { defineExtensionMessaging } from '@webext-core/messaging';
import type { ComposerResult, PageNotes, PageRecord, RecordStatus, SaveField, StageSighting, ToolbarBadge } from './message-schemas';
import type { RecordRef } from './record';
import type { StatusBatch } from './status-batch';

// Imported by the content script: types only from the schemas (see message-schemas.ts).

export interface BatonProtocol {
  /** Content script or panel -> background: the record's checklist state. */
  getRecordStatus(ref: RecordRef): RecordStatus;
  /** Panel -> background: one keystroke's worth of draft, durable when this resolves. */
  saveField(input: SaveField): { savedAt: number };
  /** Background -> tabs: a record's checklist changed (in any tab). */
  recordChanged(status: RecordStatus): void;
  /** Content script -> background: one read for every card and row of a board or list. */
  getRecordStatuses(refs: RecordRef[]): StatusBatch;
  /** Record script -> background: this tab shows a board or list; inject the boards script. */
  openBoards(url: string): void;
  /** Content script -> background: what the toolbar icon should say for this tab. */
  showToolbarBadge(badge: ToolbarBadge): void;
  /** Popup -> a record page's content script: its record. */
  pageRecords(): PageRecord[];
  /** Popup -> a board's or list's content script: every record on it. */
  listingRecords(): PageRecord[];
  /** Move dialog -> background -> the tab's content script: the user's answer. */
  closeMoveDialog(answer: { confirmed: boolean }): void;
  moveDialogClosed(answer: { confirmed: boolean }): void;
  /** Panel -> background -> the tab's content script: put this text into the host's note composer. */
  insertIntoComposer(input: { text: string }): ComposerResult;
  /** Record script -> background: the Baton briefs and receipts among the record's notes. */
  pageNotes(notes: PageNotes): void;
  /** Settings or handoffs page -> background: templates or handoffs changed (import). */
  templatesChanged(): void;
  /** Background -> tabs: ask again for the statuses you show (templates or handoffs changed). */
  refreshStatus(): void;
  /** Content script -> background: records shown in gated stages (safety net, lib/unverified.ts). */
  stagesSeen(sightings: StageSighting[]): void;
}

export const messenger = defineExtensionMessaging<BatonProtocol>();

/**
 * Only our own extension may talk to us. Pages cannot reach runtime messaging without
 * `externally_connectable`, but the check costs nothing and survives a manifest change.
 */
export function isOwnExtension(sender: { id?: string }, ownId: string): boolean {
  return sender.id === ownId;
}
