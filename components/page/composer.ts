import { queryAllDeep } from '../../lib/hosts/dom';
import type { ComposerResult } from '../../lib/message-schemas';
import { BATON_NOTE_MARK } from '../../lib/note-format';

/**
 * Puts text into the host's own note composer, the way a user's paste would: a paste event
 * carrying the text, which rich editors (Quill, ProseMirror, Draft.js) handle themselves;
 * where nothing takes it, the browser's own insertText. The user posts it with the host's
 * button: Baton never posts on its own.
 */
export function insertIntoComposer(root: ParentNode, selectors: string[], text: string): ComposerResult {
  // The first one on screen: Salesforce keeps hidden copies of earlier pages in the DOM.
  const composer = selectors
    .flatMap((selector) => queryAllDeep(root, selector))
    .find((found) => found instanceof HTMLElement && found.checkVisibility());
  if (!(composer instanceof HTMLElement)) {
    return { inserted: false, reason: 'No note or comment box is open on this page.' };
  }
  composer.focus();
  placeCaretAtEnd(composer);
  const before = contentOf(composer);
  const clipboardData = new DataTransfer();
  clipboardData.setData('text/plain', text);
  const paste = new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true, composed: true });
  composer.dispatchEvent(paste);
  if (!paste.defaultPrevented) document.execCommand('insertText', false, text);
  const firstLine = text.split('\n')[0]!.replace(/\s+/g, ' ');
  const inserted = contentOf(composer) !== before && contentOf(composer).replace(/\s+/g, ' ').includes(firstLine);
  return inserted ? { inserted } : { inserted, reason: 'The note box did not take the text.' };
}

function contentOf(element: HTMLElement): string {
  return element instanceof HTMLTextAreaElement || element instanceof HTMLInputElement ? element.value : (element.textContent ?? '');
}

function placeCaretAtEnd(element: HTMLElement): void {
  if (element instanceof HTMLTextAreaElement || element instanceof HTMLInputElement) {
    element.setSelectionRange(element.value.length, element.value.length);
    return;
  }
  const range = document.createRange();
  range.selectNodeContents(element);
  range.collapse(false);
  const selection = getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
}


/**
 * The text of each note that holds a Baton brief or receipt. textContent, not innerText: no
 * layout forced on the host; the panel reads briefs whose line breaks are gone just as well.
 */
export function batonNoteTexts(root: ParentNode, noteSelector: string): string[] {
  return [...root.querySelectorAll(noteSelector)]
    .map((note) => note.textContent ?? '')
    .filter((text) => BATON_NOTE_MARK.test(text))
    .slice(-50)
    .map((text) => text.slice(0, 50_000));
}
