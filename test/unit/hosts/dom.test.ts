import { afterEach, describe, expect, it } from 'vitest';
import { closestDeep, eventTarget, queryDeep, textOf } from '../../../lib/hosts/dom';

// Native LWC components (Salesforce) nest open shadow roots: host > #shadow-root > host > …

/** <div class="page"><x-outer> #shadow-root <div class="card"><x-inner> #shadow-root <button> */
function mountNestedShadows() {
  document.body.innerHTML = '<div class="page"><x-outer></x-outer></div>';
  const outer = document.querySelector('x-outer');
  if (!outer) throw new Error('no x-outer');
  const outerRoot = outer.attachShadow({ mode: 'open' });
  outerRoot.innerHTML = '<div class="card"><x-inner></x-inner></div>';
  const inner = outerRoot.querySelector('x-inner');
  if (!inner) throw new Error('no x-inner');
  const innerRoot = inner.attachShadow({ mode: 'open' });
  innerRoot.innerHTML = '<div class="slds-path"><button class="mark"><span class="label">Mark</span></button></div>';
  const label = innerRoot.querySelector('.label');
  if (!label) throw new Error('no label');
  return { outer, inner, label };
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('closestDeep', () => {
  it('finds an ancestor in the same shadow root', () => {
    const { label } = mountNestedShadows();
    expect(closestDeep(label, 'button.mark')).toBe(label.parentElement);
  });

  it('climbs out of shadow roots into their hosts and the page', () => {
    const { inner, label } = mountNestedShadows();
    expect(closestDeep(label, '.card')).toBe(inner.parentElement);
    expect(closestDeep(label, '.page')).toBe(document.querySelector('.page'));
  });

  it('is undefined when no ancestor matches, or without an element', () => {
    const { label } = mountNestedShadows();
    expect(closestDeep(label, '.nowhere')).toBeUndefined();
    expect(closestDeep(undefined, '.page')).toBeUndefined();
  });
});

describe('queryDeep', () => {
  it('finds elements in nested open shadow roots', () => {
    const { inner, label } = mountNestedShadows();
    expect(document.querySelector('.label')).toBeNull();
    expect(queryDeep(document, '.label')).toBe(label);
    expect(queryDeep(document, '.card')).toBe(inner.parentElement);
  });

  it('prefers a match outside shadow roots', () => {
    mountNestedShadows();
    document.body.insertAdjacentHTML('beforeend', '<span class="label">light</span>');
    expect(queryDeep(document, '.label')?.textContent).toBe('light');
  });

  it('cannot see into closed shadow roots', () => {
    document.body.innerHTML = '<x-panel></x-panel>';
    document.querySelector('x-panel')?.attachShadow({ mode: 'closed' }).append(document.createElement('button'));
    expect(queryDeep(document, 'button')).toBeUndefined();
  });
});

describe('eventTarget', () => {
  it('is the element acted on inside a shadow root, not the host the event was retargeted to', () => {
    const { outer, label } = mountNestedShadows();
    let seen: Element | undefined;
    const listen = (event: Event) => {
      // happy-dom does not retarget; a browser shows window the outermost host.
      Object.defineProperty(event, 'target', { value: outer, writable: true });
      seen = eventTarget(event);
    };
    window.addEventListener('click', listen, { capture: true });
    label.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    window.removeEventListener('click', listen, { capture: true });
    expect(seen).toBe(label);
  });

  it('falls back to the target once the path is gone (after dispatch)', () => {
    const { outer } = mountNestedShadows();
    const event = new MouseEvent('click');
    Object.defineProperties(event, { target: { value: outer }, composedPath: { value: () => [] } });
    expect(eventTarget(event)).toBe(outer);
  });

  it('is undefined for targets that are not elements', () => {
    let seen: Element | undefined = document.body;
    window.addEventListener('custom', (event) => (seen = eventTarget(event)), { capture: true, once: true });
    document.dispatchEvent(new Event('custom', { bubbles: true }));
    expect(seen).toBeUndefined();
  });
});

describe('textOf', () => {
  it('reads text with its whitespace collapsed, undefined when empty', () => {
    document.body.innerHTML = '<p id="a">\n  Closed\n   won </p><p id="b">  </p>';
    expect(textOf(document.getElementById('a'))).toBe('Closed won');
    expect(textOf(document.getElementById('b'))).toBeUndefined();
    expect(textOf(null)).toBeUndefined();
  });
});
