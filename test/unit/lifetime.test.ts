import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { Lifetime } from '../../components/page/lifetime';

describe('Lifetime.removeOnEnd', () => {
  const id = browser.runtime.id;
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
    Object.assign(browser.runtime, { id });
  });

  it('removes the listeners once a newer copy of the script takes over', () => {
    const stop = vi.fn();
    new Lifetime('probe-superseded').removeOnEnd(stop);
    new Lifetime('probe-superseded');
    vi.advanceTimersByTime(1000);
    expect(stop).toHaveBeenCalledTimes(1);
  });

  it('leaves them alone once orphaned: the extension APIs are gone, and removing would throw into the page', () => {
    const stop = vi.fn(() => {
      throw new TypeError("Cannot read properties of undefined (reading 'onChanged')");
    });
    new Lifetime('probe-orphaned').removeOnEnd(stop);
    Object.assign(browser.runtime, { id: undefined });
    expect(() => vi.advanceTimersByTime(1000)).not.toThrow();
    expect(stop).not.toHaveBeenCalled();
  });
});
