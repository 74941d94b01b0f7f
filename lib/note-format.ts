import { HOST_APPS } from './record';

// What Baton's notes (briefs, receipts) share, and how they are found among a record's notes.
// No template code here: the content script uses the mark to pick Baton's notes out.

/** Between the parts of Baton's last line: a middle dot, which some hosts turn into • or -. */
export const SEPARATOR = '\\s*[·•|-]\\s*';

/** A record as Baton's last line names it: "hubspot deal 1001". */
export const RECORD_PART = `(${HOST_APPS.join('|')})\\s+([\\w-]{1,40})\\s+([\\w-]{1,64})`;

/** A note that may hold a brief or a receipt (the panel reads it properly). */
export const BATON_NOTE_MARK = new RegExp(`Baton(${SEPARATOR}|\\s+receipt)`);

/**
 * What Baton reads of one note, from its start: a brief of the largest template with every
 * value at its longest fits. Anyone can write a note, and the panel reads fifty of them on
 * every change; the cap keeps a pasted book from costing more than a brief.
 */
export const MAX_NOTE_CHARS = 50_000;

/**
 * The first MAX_NOTE_CHARS of a note, line ends made one kind, runs of spaces (and
 * non-breaking ones) made one space.
 */
export function normalizeNoteText(text: string): string {
  return text.slice(0, MAX_NOTE_CHARS).replace(/\r\n?/g, '\n').replace(/[ \t\u00a0]+/g, ' ');
}

/** Longest name a sign-off may carry ("Handed off by …", "Accepted by …"): as stored, 200. */
export const SIGNER_PART = '(.{1,200}?)';
