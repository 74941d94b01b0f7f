import type { HostApp, RecordRef } from '../record';

/**
 * What Baton needs to know of one host app. Selectors live as data in the adapter's file;
 * the guard and the panel never see a selector.
 */
export interface HostAdapter {
  host: HostApp;
  /** Manifest match patterns for the pages this app serves. */
  matches: string[];
  /** The record a URL shows, or undefined for lists, settings, reports and other pages. */
  recordFromUrl(url: URL): RecordRef | undefined;
  /** The host's own name for the record, read as text. */
  recordTitle(root: ParentNode): string | undefined;
  /** True while the control the guard relies on is on the page. */
  hasStageControl(root: ParentNode): boolean;
  /** What the user would lose were the guard inactive, said plainly. */
  stageControlName: string;
  /**
   * If this event would commit a stage change, the label of the target stage.
   * Synchronous and side-effect free: it runs in the capture phase of every guarded event.
   */
  stageCommit(event: Event, menu: MenuTracker): string | undefined;
}

/** Remembers which control opened the menu that is showing now. */
export interface MenuTracker {
  openedBy: Element | undefined;
}
