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
  /** Where "Insert brief" puts text: the composer of a new note or comment, nothing else. */
  composer: NoteComposer;
  /**
   * Elements that each hold one note or comment: where briefs and receipts are read from.
   * A match inside another match is the same note (read once); no composer is ever inside one.
   */
  notes: string;
  /**
   * Elements whose text *Draft from notes* reads, only when the rep presses it: the record's
   * notes, comments and activity as the page shows them. Read as text, never as markup.
   */
  notesText: string;
  /** Boards and lists: completeness badges on every card and row, and the drag guard. */
  listing?: ListingAdapter;

  // Safety net (lib/unverified.ts): what stage the page shows, whatever moved the record there.
  /** The record's current stage as the record page shows it now; undefined while none is drawn. */
  currentStage(doc: Document): string | undefined;
}

/**
 * The composer of a new note, as selectors. Apps show other editable surfaces beside it
 * (existing notes that edit in place, descriptions, call logs): Insert takes the one visible
 * element the editor selectors find outside every `never` (and outside every note), and when
 * it finds none or several it inserts nothing.
 */
export interface NoteComposer {
  /** Clicked first when the app creates the editor only on demand; Insert then waits for it. */
  open?: string[];
  /** The new note's editable element, most fitting first: the first selector that finds one decides. */
  editor: string[];
  /** Editable surfaces that are never the new note: Insert never writes inside them. */
  never: string[];
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
  /** The item's name for the record, where its link to the record (if any) is not it. */
  itemTitle?(item: Element): string | undefined;
  /** The element inside the item that receives the badge. */
  badgeSlot(item: Element): Element;
  /** Attributes a virtualized list changes when it reuses a row for another record. */
  recycledAttributes: string[];
  board?: BoardAdapter;
  /** A list row's own stage control (an inline edit), guarded like the record page's. */
  stageCell?: StageCellAdapter;

  // Safety net (lib/unverified.ts): the stage a card or row shows, whatever put it there.
  /** The stage an item shows: the column a card sits in, a list row's stage cell. */
  itemStage(item: Element): string | undefined;
}

/** A list row's stage cell: it opens a menu of stages, and picking one saves at once. */
export interface StageCellAdapter {
  cell: string;
  /** What the user clicks in the cell to open its stages; Baton clicks it to make a move it held back. */
  opener: string;
  /** The menu's options (rendered anywhere, often outside the row), each naming a stage. */
  option: string;
  /** The record of the cell's row. */
  recordId(cell: Element): string | undefined;
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
