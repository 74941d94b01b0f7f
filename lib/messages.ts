import { defineExtensionMessaging } from '@webext-core/messaging';
import type { ComposerResult, KindStatuses, MoveJudged, PageNotes, PageRecord, RecordBatch, RecordKind, RecordStatus, SaveField, StageSighting, ToolbarBadge } from './message-schemas';
import type { DockFrameRole, DockFrameView, PanelLocation } from './panel-location';
import type { RecordRef } from './record';
import type { StatusBatch } from './status-batch';

// Imported by the content script: types only from the schemas (see message-schemas.ts).

export interface BatonProtocol {
  /** Content script or Baton's bound frame (its own record only) -> background: the record's checklist state. */
  getRecordStatus(ref: RecordRef): RecordStatus;
  /** Panel -> background: one keystroke's worth of draft, durable when this resolves. */
  saveField(input: SaveField): { savedAt: number };
  /** Panel -> background: move this record's handoff to the template's current version. */
  adoptTemplateVersion(input: { ref: RecordRef; templateId: string }): void;
  /** Background -> tabs: a record's checklist changed (in any tab). */
  recordChanged(status: RecordStatus): void;
  /** Content script -> background: one read for every card and row of a board or list. */
  getRecordStatuses(batch: RecordBatch): StatusBatch;
  /** Content script -> background: a board or list opens; what the store holds of its kind. */
  getKindStatuses(kind: RecordKind): KindStatuses;
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
  /**
   * Panel -> background -> the tab's content script: put this text into the host's note
   * composer. The panel names the record the text is for; the worker passes on the text only.
   */
  insertIntoComposer(input: { text: string; ref?: RecordRef }): ComposerResult;
  /** Panel -> background -> the tab's record script: the text of the record's notes, for Draft from notes (on the rep's press only). */
  requestNotesText(ref: RecordRef): string[];
  /** Background -> the tab's record script: the text of the notes its page shows (lib/hosts notesText). */
  pageNotesText(): string[];
  /** Record script -> background: the Baton briefs and receipts among the record's notes. */
  pageNotes(notes: PageNotes): void;
  /** Settings or handoffs page -> background: templates or handoffs changed (import). */
  templatesChanged(): void;
  /** Background -> tabs: ask again for the statuses you show (templates or handoffs changed). */
  refreshStatus(): void;
  /** Popup (naming its tab) or panel -> background: the outline of the tab's page, to copy. */
  requestPageOutline(input: { tabId?: number }): string;
  /** Background -> the tab's record script: the page's outline (lib/page-outline.ts), no text or values. */
  pageOutline(): string;
  /** Tab's script -> background: a ticket to post into the frame it is about to show (panel or dialog). */
  issueFrameTicket(role: DockFrameRole): string;
  /** Tab's script -> background: what its panel or dialog frame should show now. */
  showInDock(input: { role: DockFrameRole; location: PanelLocation }): { needsTicket: boolean };
  /** A frame of ours -> background: may a ticket still come (does its tab's script show Baton frames)? */
  mayBindFrame(): boolean;
  /** A frame of ours -> background: the ticket it was handed; binds it (null: not a ticket of its tab). */
  claimDockFrame(ticket: string): DockFrameView | null;
  /** Background -> the bound frame: what its tab shows now. */
  dockFrameShows(view: DockFrameView): void;
  /** Content script -> background: records shown in gated stages (safety net, lib/unverified.ts). */
  stagesSeen(sightings: StageSighting[]): void;
  /** Record script -> background: a gated move was let through or blocked (queued for the team server). */
  moveJudged(move: MoveJudged): void;
  /** Baton's pages -> background: a change was queued or a team server connected: sync now. */
  syncNow(): void;
  /** Panel or board (every 20 s while open) -> background: pull now and keep the live channel up. */
  syncLive(): void;
}

export const messenger = defineExtensionMessaging<BatonProtocol>();

/**
 * Only our own extension may talk to us. Pages cannot reach runtime messaging without
 * `externally_connectable`, but the check costs nothing and survives a manifest change.
 */
export function isOwnExtension(sender: { id?: string }, ownId: string): boolean {
  return sender.id === ownId;
}
