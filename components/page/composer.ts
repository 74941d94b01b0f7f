import { i18n } from '#i18n';
import type { HostAdapter, NoteComposer } from '../../lib/hosts/adapter';
import { closestDeep, queryAllDeep } from '../../lib/hosts/dom';
import type { ComposerResult } from '../../lib/message-schemas';

/** How long Insert waits for an editor the app creates after its open button is clicked. */
const OPEN_WAIT_MS = 2_000;
const OPEN_POLL_MS = 50;

type Search = { kind: 'one'; editor: HTMLElement } | { kind: 'none' } | { kind: 'several' };

/**
 * Puts text into the composer of a new note, the way a user's paste would: a paste event
 * carrying the text, which rich editors (Quill, ProseMirror, Draft.js) handle themselves;
 * where nothing takes it, the browser's own insertText. Never into an existing note or any
 * other editable surface: when Baton cannot tell the one composer, it inserts nothing and
 * says why (the panel copies instead). The user posts with the host's button: Baton never posts.
 */
export async function insertIntoComposer(doc: Document, adapter: Pick<HostAdapter, 'composer' | 'notes'>, text: string): Promise<ComposerResult> {
  const { composer, notes } = adapter;
  let found = findComposer(doc, composer, notes);
  let opened = false;
  if (found.kind === 'none' && composer.open) {
    const button = firstVisible(doc, composer.open);
    if (button instanceof HTMLElement) {
      button.click();
      opened = true;
      found = await waitForComposer(doc, composer, notes);
    }
  }
  if (found.kind === 'several') return { inserted: false, reason: i18n.t('page.composer.several') };
  if (found.kind === 'none') return { inserted: false, reason: opened ? i18n.t('page.composer.didNotOpen') : i18n.t('page.composer.none') };
  return paste(found.editor, text);
}

/**
 * The editor selectors in order: the first that finds a visible, editable element outside
 * every `never` and every note decides; two such elements are as good as none.
 */
function findComposer(doc: Document, composer: NoteComposer, notes: string): Search {
  const excluded = [...composer.never, notes].join(', ');
  for (const selector of composer.editor) {
    const candidates = new Set(
      queryAllDeep(doc, selector).filter(
        (element): element is HTMLElement => isEditable(element) && element.checkVisibility() && closestDeep(element, excluded) === undefined,
      ),
    );
    if (candidates.size > 1) return { kind: 'several' };
    const [editor] = candidates;
    if (editor) return { kind: 'one', editor };
  }
  return { kind: 'none' };
}

async function waitForComposer(doc: Document, composer: NoteComposer, notes: string): Promise<Search> {
  const deadline = performance.now() + OPEN_WAIT_MS;
  for (;;) {
    const found = findComposer(doc, composer, notes);
    if (found.kind !== 'none' || performance.now() >= deadline) return found;
    await new Promise((resolve) => setTimeout(resolve, OPEN_POLL_MS));
  }
}

function firstVisible(doc: Document, selectors: string[]): Element | undefined {
  return selectors.flatMap((selector) => queryAllDeep(doc, selector)).find((element) => element.checkVisibility());
}

function isEditable(element: Element): boolean {
  if (element instanceof HTMLTextAreaElement) return !element.disabled && !element.readOnly;
  return element instanceof HTMLElement && element.isContentEditable;
}

function paste(composer: HTMLElement, text: string): ComposerResult {
  composer.focus();
  placeCaretAtEnd(composer);
  const before = contentOf(composer);
  const clipboardData = new DataTransfer();
  clipboardData.setData('text/plain', text);
  const event = new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true, composed: true });
  composer.dispatchEvent(event);
  if (!event.defaultPrevented) document.execCommand('insertText', false, text);
  const firstLine = text.split('\n')[0]!.replace(/\s+/g, ' ');
  const inserted = contentOf(composer) !== before && contentOf(composer).replace(/\s+/g, ' ').includes(firstLine);
  return inserted ? { inserted } : { inserted, reason: i18n.t('page.composer.refused') };
}

function contentOf(element: HTMLElement): string {
  return element instanceof HTMLTextAreaElement ? element.value : (element.textContent ?? '');
}

function placeCaretAtEnd(element: HTMLElement): void {
  if (element instanceof HTMLTextAreaElement) {
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
