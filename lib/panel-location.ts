import type { RecordRef } from './record';

// What a frame of Baton's in a host tab shows. The tab's record script reports it to the
// worker, which keeps it per tab and hands it only to the frame Baton's own dock made there
// (see entrypoints/background/dock-frames.ts). Never the frame's own address: the host page
// can read and rewrite that.

export type GuardStatus = 'searching' | 'active' | 'inactive';

/** The side panel docked beside a record, or the dialog a refused drag opens on a board. */
export const DOCK_FRAME_ROLES = ['panel', 'dialog'] as const;
export type DockFrameRole = (typeof DOCK_FRAME_ROLES)[number];

export interface PanelLocation {
  ref: RecordRef;
  recordTitle?: string;
  guard: GuardStatus;
  /** The control the guard relies on, named for the user when it is missing. */
  guardControl: string;
  /** Set after a blocked move; attempt changes on every block so the panel reacts each time. */
  blocked?: { stage: string; attempt: number };
  /** The record's page in its host app (stored with drafts, for links). */
  recordUrl?: string;
  /** A guarded move into this stage just went through: the panel offers the brief. */
  movedTo?: string;
  /** The stage the host page shows the record in now (safety net, lib/unverified.ts). */
  shownStage?: string;
  /** The host page draws over (or fades) the panel: said in the panel, the guard blocks as ever. */
  covered?: boolean;
}

/** What the worker tells a bound frame: which of Baton's frames it is, and what its tab shows. */
export interface DockFrameView {
  role: DockFrameRole;
  /** Not yet known when the frame binds before the tab's script has reported. */
  location?: PanelLocation;
}

/** The message the record script posts into its own frame: the ticket that binds it. */
export interface FrameTicketMessage {
  batonFrameTicket: string;
}
