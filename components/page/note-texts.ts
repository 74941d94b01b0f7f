import { hostText } from '../../lib/host-text';
import { BATON_NOTE_MARK, MAX_NOTE_CHARS } from '../../lib/note-format';

/**
 * The text of each note that holds a Baton brief or receipt. A match inside another match is
 * the same note (Salesforce nests its post bodies): only the outer one is read. textContent,
 * not innerText: no layout forced on the host; the panel reads briefs whose line breaks are
 * gone just as well.
 */
export function batonNoteTexts(root: ParentNode, noteSelector: string): string[] {
  return [...root.querySelectorAll(noteSelector)]
    .filter((note) => !note.parentElement?.closest(noteSelector))
    .map((note) => hostText(note.textContent ?? ''))
    .filter((text) => BATON_NOTE_MARK.test(text))
    .slice(-50)
    .map((text) => text.slice(0, MAX_NOTE_CHARS));
}
