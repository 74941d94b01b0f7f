import { normalizeStage } from './gate';

// Text Baton reads from a host page (record titles, stage labels, owner names, notes) is stored
// and sent to the team server. A page can hold any code point; these are the ones that are never
// meant as text and that break a store downstream (issue 21, item 5): PostgreSQL refuses U+0000 in
// text and jsonb, and a lone surrogate in jsonb ("unsupported Unicode escape sequence"), and one
// such value made the server answer 500 for a whole push.
// Removed: C0 controls but tab, line feed and carriage return (notes keep their lines), DEL, the
// C1 controls (U+0080–U+009F), and surrogate halves without their pair. Everything a person can
// read, emoji included, is kept.
const UNSTORABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Host text as Baton may keep it: the same text without the characters above. */
export function hostText(text: string): string {
  return text.replace(UNSTORABLE, '');
}

/** A one-line label from the host (a title, a stage, a name): cleaned, whitespace collapsed; undefined when empty. */
export function hostLabel(text: string | null | undefined): string | undefined {
  const label = text ? normalizeStage(hostText(text)) : '';
  return label === '' ? undefined : label;
}
