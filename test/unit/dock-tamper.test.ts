import { afterEach, describe, expect, it } from 'vitest';
import { fadedByParent, isCovered, keepOnlyOwnAttributes } from '../../components/page/dock-guard';

// Item 10 of issue 21: the host page must not hide or cover Baton's frame unnoticed. These are
// the two rules the dock relies on: attributes the page adds to Baton's elements are taken
// away again, and a frame whose sample points hit something else is reported as covered.

const rect = (x: number, y: number, width: number, height: number) => ({ left: x, top: y, right: x + width, bottom: y + height, width, height });

describe('a frame the page covers', () => {
  const own = document.createElement('baton-dock');
  const overlay = document.createElement('div');

  it('is clear when every sample point hits Baton’s own element', () => {
    const points: [number, number][] = [];
    expect(isCovered(rect(600, 0, 380, 800), (x, y) => (points.push([x, y]), own), own)).toBe(false);
    // The centre and the four corners, inset so a border is not mistaken for the page.
    expect(points).toHaveLength(5);
  });

  it('is covered when the page puts something over any part of it (a corner is enough)', () => {
    expect(isCovered(rect(600, 0, 380, 800), (x, y) => (x < 620 && y > 700 ? overlay : own), own)).toBe(true);
  });

  it('is covered when it has no size at all (squeezed to nothing)', () => {
    expect(isCovered(rect(600, 0, 0, 800), () => own, own)).toBe(true);
  });

  it('a point outside the window (nothing there to hit) does not count as covered', () => {
    expect(isCovered(rect(600, 0, 380, 800), (x) => (x > 900 ? null : own), own)).toBe(false);
  });
});

describe('attributes the page adds to Baton’s elements', () => {
  let element: HTMLElement;
  let stop: () => void;
  afterEach(() => {
    stop();
    element.remove();
  });

  it('are removed again (hidden, inert, style), and Baton’s own stay', async () => {
    element = document.createElement('baton-dock');
    element.dataset.since = '12';
    document.documentElement.append(element);
    const controller = new AbortController();
    stop = () => controller.abort();
    const tampered: string[] = [];
    keepOnlyOwnAttributes(element, ['data-since'], controller.signal, (name) => tampered.push(name));
    element.setAttribute('hidden', '');
    element.setAttribute('inert', '');
    element.style.setProperty('display', 'none', 'important');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(element.getAttributeNames()).toEqual(['data-since']);
    expect(tampered.sort()).toEqual(['hidden', 'inert', 'style']);
  });
});

describe('what the page sets on <html>, the dock’s parent (no browser hit test sees it)', () => {
  const plain = { opacity: '1', filter: 'none', transform: 'none', clipPath: 'none', maskImage: 'none' };

  it('leaves the frame as drawn when <html> is drawn as it is', () => {
    expect(fadedByParent(plain)).toBe(false);
  });

  it('fades, filters, transforms, clips or masks the frame with everything else', () => {
    expect(fadedByParent({ ...plain, opacity: '0.05' })).toBe(true);
    expect(fadedByParent({ ...plain, filter: 'blur(8px)' })).toBe(true);
    expect(fadedByParent({ ...plain, transform: 'matrix(0.1, 0, 0, 0.1, 0, 0)' })).toBe(true);
    expect(fadedByParent({ ...plain, clipPath: 'inset(0px 400px 0px 0px)' })).toBe(true);
    expect(fadedByParent({ ...plain, maskImage: 'linear-gradient(black, transparent)' })).toBe(true);
  });
});
