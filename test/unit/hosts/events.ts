import type { HostAdapter, MenuTracker } from '../../../lib/hosts/adapter';

// Shared by the adapter tests: real events, read by the adapter from a capture listener on
// window, the way the stage guard reads them.

export function find(selector: string, root: ParentNode = document): Element {
  const element = root.querySelector(selector);
  if (!element) throw new Error(`no ${selector}`);
  return element;
}

export const click = () => new MouseEvent('click', { bubbles: true, composed: true });
export const key = (name: string) => new KeyboardEvent('keydown', { key: name, bubbles: true, composed: true });

/** The stage the adapter reads when `event` is dispatched on `target`. */
export function stageCommitted(
  adapter: HostAdapter,
  target: Element,
  event: Event = click(),
  { menu = { openedBy: undefined }, adjust = (seen: Event) => seen }: { menu?: MenuTracker; adjust?: (seen: Event) => Event } = {},
): string | undefined {
  let stage: string | undefined;
  const listen = (seen: Event) => {
    stage = adapter.stageCommit(adjust(seen), menu);
  };
  window.addEventListener(event.type, listen, { capture: true });
  target.dispatchEvent(event);
  window.removeEventListener(event.type, listen, { capture: true });
  return stage;
}
