/** No field value may be longer, whatever its template says: a draft is one IndexedDB row and one message. */
export const HARD_MAX_LENGTH = 50_000;

/** A record's name as Baton keeps and shows it: host titles can be any length. */
export const TITLE_MAX_LENGTH = 300;

export function clipTitle(title: string | undefined): string | undefined {
  const text = title?.replace(/\s+/g, ' ').trim();
  if (!text) return undefined;
  return text.length <= TITLE_MAX_LENGTH ? text : `${text.slice(0, TITLE_MAX_LENGTH - 1)}…`;
}

/** A template's receipt checklist holds at most this many items, so a receipt ticks at most as many. */
export const MAX_RECEIPT_ITEMS = 20;
