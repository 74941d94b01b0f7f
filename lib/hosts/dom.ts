import { hostLabel } from '../host-text';

// Small DOM readers shared by the adapters. They take the element or event to read, never
// reach for globals, so each adapter stays a file of data plus a few lines of code.
// Salesforce renders inside open shadow roots (native LWC), so lookups here cross them.

/** An element's text as a one-line label, without the characters Baton may not store (lib/host-text.ts). */
export function textOf(element: Element | null | undefined): string | undefined {
  return hostLabel(element?.textContent);
}

/** The element the user acted on: inside a shadow root, not the host the event was retargeted to. */
export function eventTarget(event: Event): Element | undefined {
  const first = event.composedPath()[0] ?? event.target;
  return first instanceof Element ? first : undefined;
}

/** Element.closest that climbs out of shadow roots into their hosts. */
export function closestDeep(element: Element | undefined, selector: string): Element | undefined {
  for (let node: Element | undefined = element; node; ) {
    const match = node.closest(selector);
    if (match) return match;
    const root = node.getRootNode();
    node = root instanceof ShadowRoot ? root.host : undefined;
  }
  return undefined;
}

/** querySelector that also looks inside open shadow roots (LWC components). */
export function queryDeep(root: ParentNode, selector: string): Element | undefined {
  const direct = root.querySelector(selector);
  if (direct) return direct;
  for (const element of root.querySelectorAll('*')) {
    const found = element.shadowRoot ? queryDeep(element.shadowRoot, selector) : undefined;
    if (found) return found;
  }
  return undefined;
}

export function queryAllDeep(root: ParentNode, selector: string): Element[] {
  const found = [...root.querySelectorAll(selector)];
  for (const element of root.querySelectorAll('*')) if (element.shadowRoot) found.push(...queryAllDeep(element.shadowRoot, selector));
  return found;
}

export function matchesAny(element: Element | undefined, selectors: string[]): boolean {
  return selectors.some((selector) => closestDeep(element, selector) !== undefined);
}

/** What the option says on screen; its aria-label when it shows no text (an icon). */
export function optionLabel(option: Element): string | undefined {
  return textOf(option) ?? hostLabel(option.getAttribute('aria-label'));
}

const COMMIT_KEYS = new Set(['Enter', ' ', 'Spacebar']);

function isTextEntry(element: Element): boolean {
  return element.matches('input:not([type="checkbox"]):not([type="radio"]):not([type="button"]), textarea') || (element as HTMLElement).isContentEditable;
}
const isKeyEvent = (event: Event) => event.type === 'keydown' || event.type === 'keyup';

/**
 * The option a click or key press activates: the clicked option, the focused option on
 * Enter/Space, or the listbox's aria-activedescendant (the usual keyboard pattern).
 */
export function activatedOption(event: Event, optionSelector: string): Element | undefined {
  const target = eventTarget(event);
  if (!target) return undefined;
  if (!isKeyEvent(event)) return closestDeep(target, optionSelector);
  const { key } = event as KeyboardEvent;
  // In a search box (ClickUp's status list) Space is a typed character; only Enter picks.
  if (!COMMIT_KEYS.has(key) || (key !== 'Enter' && isTextEntry(target))) return undefined;
  const focused = closestDeep(target, optionSelector);
  if (focused) return focused;
  const activeId = target.getAttribute('aria-activedescendant');
  const root = target.getRootNode() as Document | ShadowRoot;
  const active = activeId ? root.getElementById(activeId) : null;
  return active?.closest(optionSelector) ?? undefined;
}

/**
 * The button a click (or Enter/Space on it, which the browser turns into a click) activates.
 * Every event of the gesture is reported, so the guard can hold back all of them.
 */
export function activatedButton(event: Event, selector: string): Element | undefined {
  const target = eventTarget(event);
  if (isKeyEvent(event) && !COMMIT_KEYS.has((event as KeyboardEvent).key)) return undefined;
  return closestDeep(target, selector);
}
