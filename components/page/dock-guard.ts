// The host page may try to hide Baton's frame or draw over it (issue 21). What it can reach is
// taken back: attributes it adds to Baton's elements are removed at once (`:host` rules with
// !important already win over its styles). What it cannot be stopped from doing, covering
// the frame with its own elements, is noticed and said: the panel shows a notice, and the
// stage guard keeps blocking either way.

type Box = Pick<DOMRectReadOnly, 'left' | 'top' | 'right' | 'bottom' | 'width' | 'height'>;

/** Inset from each corner, so the frame's own border or a rounding pixel is not taken for the page. */
const INSET_PX = 8;

/**
 * Whether something other than `own` is on top at the frame's centre or near one of its
 * corners. `topAt` is `document.elementFromPoint`: from the page's side of the shadow root,
 * a point on Baton's frame hits Baton's own host element. A point outside the window hits
 * nothing and is not counted; a frame squeezed to no size counts as covered.
 */
export function isCovered(box: Box, topAt: (x: number, y: number) => Element | null, own: Element): boolean {
  if (box.width <= 0 || box.height <= 0) return true;
  const points: [number, number][] = [
    [(box.left + box.right) / 2, (box.top + box.bottom) / 2],
    [box.left + INSET_PX, box.top + INSET_PX],
    [box.right - INSET_PX, box.top + INSET_PX],
    [box.left + INSET_PX, box.bottom - INSET_PX],
    [box.right - INSET_PX, box.bottom - INSET_PX],
  ];
  return points.some(([x, y]) => {
    const top = topAt(x, y);
    return top !== null && top !== own;
  });
}

type ParentLook = Pick<CSSStyleDeclaration, 'opacity' | 'filter' | 'transform' | 'clipPath' | 'maskImage'>;

/**
 * Whether the computed style of <html>, the dock's parent, fades or distorts everything drawn
 * in it, Baton's frame included: the dock's own `all: initial` cannot undo what a parent does,
 * and a hit test still finds the frame under a faded, blurred, shrunk, clipped or masked page.
 * (Chromium's IntersectionObserver v2 counts these too.)
 */
export function fadedByParent(style: ParentLook): boolean {
  return Number(style.opacity) < 1 || [style.filter, style.transform, style.clipPath, style.maskImage].some((value) => value !== '' && value !== 'none');
}

/**
 * Removes every attribute but Baton's own as soon as the page sets it (`hidden`, `inert`,
 * `style`, `popover`…), and says which. Observing one element's attributes costs the page
 * nothing until it touches them.
 */
export function keepOnlyOwnAttributes(element: Element, own: readonly string[], signal: AbortSignal, onTampered?: (name: string) => void): void {
  const observer = new MutationObserver((records) => {
    for (const { attributeName } of records) {
      if (!attributeName || own.includes(attributeName) || !element.hasAttribute(attributeName)) continue;
      element.removeAttribute(attributeName);
      onTampered?.(attributeName);
    }
  });
  observer.observe(element, { attributes: true });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
}
