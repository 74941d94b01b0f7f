import { hostText } from '../../lib/host-text';
import { MAX_NOTE_CHARS } from '../../lib/note-format';

/** Notes read for one Draft: the first 50 the page shows (the prompt's own cap is smaller still). */
const MAX_NOTES = 50;

/**
 * The text of every note the selector finds, for *Draft from notes*; read only when the rep
 * presses it. A match inside another is the same note (read once). innerText keeps the line
 * breaks between paragraphs (it costs one layout, once per press); text only, never markup.
 */
export function recordNotesText(root: ParentNode, selector: string): string[] {
  return [...root.querySelectorAll(selector)]
    .filter((note) => !note.parentElement?.closest(selector))
    .map((note) => hostText((note instanceof HTMLElement ? note.innerText : note.textContent) ?? '').trim())
    .filter(Boolean)
    .slice(0, MAX_NOTES)
    .map((text) => text.slice(0, MAX_NOTE_CHARS));
}
