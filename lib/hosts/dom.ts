import { normalizeStage } from '../gate';

// Small DOM readers shared by the adapters. They take the element or event to read, never
// reach for globals, so each adapter stays a file of data plus a few lines of code.

export function textOf(element: Element | null | undefined): string | undefined {
  const text = element?.textContent ? normalizeStage(element.textContent) : '';
  return text === '' ? undefined : text;
}

export function matchesAny(element: Element | undefined, selectors: string[]): boolean {
  return element !== undefined && selectors.some((selector) => element.closest(selector) !== null);
}

/** What the option says on screen; its aria-label when it shows no text (an icon). */
export function optionLabel(option: Element): string | undefined {
  return textOf(option) ?? option.getAttribute('aria-label') ?? undefined;
}

const COMMIT_KEYS = new Set(['Enter', ' ', 'Spacebar']);

/**
 * The option a click or key press activates: the clicked option, the focused option on
 * Enter/Space, or the listbox's aria-activedescendant (the usual keyboard pattern).
 */
export function activatedOption(event: Event, optionSelector: string): Element | undefined {
  const target = event.target instanceof Element ? event.target : undefined;
  if (!target) return undefined;
  if (event.type !== 'keydown' && event.type !== 'keyup') {
    return target.closest(optionSelector) ?? undefined;
  }
  if (!COMMIT_KEYS.has((event as KeyboardEvent).key)) return undefined;
  const focused = target.closest(optionSelector);
  if (focused) return focused;
  const activeId = target.getAttribute('aria-activedescendant');
  const active = activeId ? target.ownerDocument.getElementById(activeId) : null;
  return active?.matches(optionSelector) ? active : undefined;
}
