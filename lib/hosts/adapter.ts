import type { HostApp, RecordRef } from '../record';

/**
 * What Baton needs to know of one host app. Selectors live as data in the adapter's file;
 * the guard and the panel never see a selector.
 */
export interface HostAdapter {
  host: HostApp;
  /** Manifest match patterns for the pages this app serves. */
  matches: string[];
  /** True for URLs of one record's page, even when the record is only known from the page. */
  isRecordUrl(url: URL): boolean;
  /**
   * The record the page shows, or undefined while it cannot be told yet. Most apps name it
   * in the URL; ClickUp's custom-id URLs name it only in the task view.
   */
  recordFromPage(url: URL, doc: Document): RecordRef | undefined;
  /** The host's own name for the record, read as text. */
  recordTitle(doc: Document): string | undefined;
  /** A control the guard relies on, while one is on the page. */
  stageControl(doc: Document): Element | undefined;
  /** What the user would lose were the guard inactive, said plainly. */
  stageControlName: string;
  /**
   * If this event would commit a stage change, the label of the target stage.
   * Synchronous and side-effect free: it runs in the capture phase of every guarded event.
   */
  stageCommit(event: Event, menu: MenuTracker): string | undefined;
  /** The record's own note or comment composers, most fitting first: "Insert brief" goes there. */
  composers: string[];
  /** Elements that each hold one note or comment: where briefs and receipts are read from. */
  notes: string;
  /** Boards and lists: completeness badges on every card and row, and the drag guard. */
  listing?: ListingAdapter;

  // Safety net (lib/unverified.ts): what stage the page shows, whatever moved the record there.
  /** The record's current stage as the record page shows it now; undefined while none is drawn. */
  currentStage(doc: Document): string | undefined;
}

export interface ListingAdapter {
  isListingUrl(url: URL): boolean;
  objectType: string;
  /** Cards and rows, each showing one record. */
  itemSelector: string;
  /** Copies of a card the host draws while it is dragged: never badged. */
  ignoreSelector?: string;
  /** The record an item shows. */
  itemRecordId(item: Element): string | undefined;
  /** The element inside the item that receives the badge. */
  badgeSlot(item: Element): Element;
  /** Attributes a virtualized list changes when it reuses a row for another record. */
  recycledAttributes: string[];
  board?: BoardAdapter;

  // Safety net (lib/unverified.ts): the stage a card or row shows, whatever put it there.
  /** The stage an item shows: the column a card sits in, a list row's stage cell. */
  itemStage(item: Element): string | undefined;
}

/** A board's columns and cards. Its drag library's guard is chosen by the entrypoint. */
export interface BoardAdapter {
  /** The element the user grabs to drag one card. */
  draggable: string;
  /** The record of a dragged element. */
  draggedRecordId(draggable: Element): string | undefined;
  /** What the drag library draws where the card will land (its placeholder), if anything. */
  dropIndicator?: string;
  /** Columns and drop zones: what stage a drop on them commits. */
  dropTarget: string;
  dropTargetStage(target: Element): string | undefined;
}

/** Remembers which control opened the menu that is showing now. */
export interface MenuTracker {
  openedBy: Element | undefined;
}
