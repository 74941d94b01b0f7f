import type { RecordRef } from './record';

// The content script tells the panel iframe what to show through the iframe URL's fragment:
// a fragment change does not reload the panel. The host page could set a frame's URL too
// (a parent may navigate its frames), but at most that points the panel at another record
// of the same user: it reads no data from it and sends nothing to it. Reading it back is in
// panel-location-parse.ts, with Zod, which the content script does not carry.

export type GuardStatus = 'searching' | 'active' | 'inactive';

export interface PanelLocation {
  ref: RecordRef;
  recordTitle?: string;
  guard: GuardStatus;
  /** The control the guard relies on, named for the user when it is missing. */
  guardControl: string;
  /** Set after a blocked move; attempt changes on every block so the panel reacts each time. */
  blocked?: { stage: string; attempt: number };
  /**
   * The frame is the dialog a blocked drag opens on a board, not the side panel: it asks only
   * for what the move into `blocked.stage` is missing.
   */
  dialog?: boolean;
  /** The record's page in its host app (stored with drafts, for links). */
  recordUrl?: string;
  /** A guarded move into this stage just went through: the panel offers the brief. */
  movedTo?: string;
  /** The stage the host page shows the record in now (safety net, lib/unverified.ts). */
  shownStage?: string;
}

export function panelHash(location: PanelLocation): string {
  const params = new URLSearchParams({
    host: location.ref.host,
    objectType: location.ref.objectType,
    recordId: location.ref.recordId,
    guard: location.guard,
    guardControl: location.guardControl,
  });
  if (location.recordTitle) params.set('title', location.recordTitle);
  if (location.blocked) {
    params.set('blockedStage', location.blocked.stage);
    params.set('attempt', String(location.blocked.attempt));
  }
  if (location.dialog) params.set('dialog', '1');
  if (location.recordUrl) params.set('url', location.recordUrl);
  if (location.movedTo) params.set('movedTo', location.movedTo);
  if (location.shownStage) params.set('shownStage', location.shownStage);
  return `#${params.toString()}`;
}
