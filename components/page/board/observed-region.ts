/**
 * Where a listing watches the page. Observing the whole body's subtree makes the browser write
 * a mutation record for every node the host adds anywhere (10,000 records for a burst of
 * 10,000 nodes: ~6% more host time on this machine, npm run bench), however far from any card
 * or row. So a listing observes only the region its items live in, with its subtree, and each
 * ancestor of that region for its own children: replacing the region, or drawing another one
 * beside it at any level, is still heard. Items that appear elsewhere without touching those
 * (cards loaded into a column the region does not cover yet) are left to the listing's rescan.
 */
export interface ObservedRegion {
  /** The element observed with its subtree. */
  readonly root: Element;
  /** Observes around these elements instead (the first and last of the listing in page order), when that is another region. */
  fit(around: (Element | undefined)[]): void;
  disconnect(): void;
}

export function observeRegion(
  /** Every record, as a MutationObserver hands them over (also those taken before the region moves). */
  onRecords: (records: MutationRecord[]) => void,
  /** Attributes heard inside the region (a virtual list reusing a row says so in these). */
  attributeFilter: string[],
): ObservedRegion {
  let root: Element = document.body;
  /** The region's ancestors, nearest first: where to observe from once the region is gone. */
  let ancestors: Element[] = [];
  const observer = new MutationObserver((records) => {
    // The host replaced the region (a re-render): observing moves at once to the nearest
    // ancestor still in the page, and hears what the host draws there next. An observer keeps
    // what it observes alive: the old list, its rows and their badges stayed alive until the
    // next fit, in idle time, and a list re-rendering 2,000 badged rows read ~1.06x the host's
    // time without Baton, against ~1.02x with this (npm run bench, runs interleaved).
    if (!root.isConnected) observe(ancestors.find((ancestor) => ancestor.isConnected) ?? document.body);
    onRecords(records);
  });

  const observe = (next: Element) => {
    const taken = observer.takeRecords(); // disconnect() would drop what the old region heard
    observer.disconnect();
    root = next;
    observer.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter });
    ancestors = [];
    for (let ancestor = root.parentNode; ancestor; ancestor = ancestor.parentNode) {
      observer.observe(ancestor, { childList: true });
      if (ancestor.nodeType === Node.ELEMENT_NODE) ancestors.push(ancestor as Element);
    }
    if (taken.length > 0) onRecords(taken);
  };
  observe(document.body);

  return {
    get root() {
      return root;
    },
    fit(around) {
      const next = regionAround(around.filter((element): element is Element => element?.isConnected === true));
      if (next !== root || !root.isConnected) observe(next);
    },
    disconnect: () => observer.disconnect(),
  };
}

/**
 * The closest element holding all of these; for a single element, its parent, where its
 * siblings will appear. The whole body while there is nothing to hold.
 */
export function regionAround(elements: Element[]): Element {
  const [first, ...rest] = new Set(elements);
  if (!first) return document.body;
  let region = rest.length === 0 ? first.parentElement : first;
  for (const element of rest) region = region && commonAncestor(region, element);
  // Never narrower than the body's subtree from outside it (an item in <head> is no region).
  return region && document.body.contains(region) ? region : document.body;
}

function commonAncestor(a: Element, b: Element): Element | null {
  for (let candidate: Element | null = a; candidate; candidate = candidate.parentElement) {
    if (candidate.contains(b)) return candidate;
  }
  return null;
}
