import { afterEach, describe, expect, it } from 'vitest';
import { BADGE_TAG, renderBadge } from '../../components/page/board/badges';

afterEach(() => {
  document.body.innerHTML = '';
});

/** The words a badge shows: its shadow root's last child, a text node. */
const words = (badge: Element) => {
  const last = badge.shadowRoot!.lastChild!;
  return last.nodeType === Node.TEXT_NODE ? last.nodeValue : null;
};

describe('renderBadge', () => {
  it('draws one badge and updates it in place', () => {
    const slot = document.createElement('td');
    document.body.append(slot);
    const first = renderBadge(slot, undefined, undefined);
    expect(words(first)).toBe('Unknown');
    expect(first.getAttribute('data-state')).toBe('unidentified');
    expect(renderBadge(slot, undefined, undefined)).toBe(first);
    expect(slot.querySelectorAll(BADGE_TAG)).toHaveLength(1);
  });

  it('draws afresh a badge drawn by the version before an update (its words in an element)', () => {
    const slot = document.createElement('td');
    document.body.append(slot);
    const older = document.createElement(BADGE_TAG);
    older.attachShadow({ mode: 'open' }).append(Object.assign(document.createElement('span'), { textContent: 'Not started' }));
    slot.append(older);
    const badge = renderBadge(slot, undefined, undefined);
    expect(badge === older).toBe(false);
    expect(older.isConnected).toBe(false);
    expect(words(badge)).toBe('Unknown');
    expect(slot.querySelectorAll(BADGE_TAG)).toHaveLength(1);
  });

  it('draws afresh a copy the host cloned without its shadow root', () => {
    const slot = document.createElement('td');
    document.body.append(slot);
    const clone = document.createElement(BADGE_TAG);
    slot.append(clone);
    const badge = renderBadge(slot, undefined, undefined);
    expect(badge === clone).toBe(false);
    expect(words(badge)).toBe('Unknown');
    expect(slot.querySelectorAll(BADGE_TAG)).toHaveLength(1);
  });
});
