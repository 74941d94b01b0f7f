import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { onPanelHidden } from '../../components/panel/panel-hidden';
import { dockCollapsed } from '../../components/storage/preferences';

// Collapsing hides the panel's frame without closing it, so a request in flight would run on
// (issue 26, bug 7). The panel hears a collapse from its own button, from the dock in any tab,
// and (in the browser) from its frame no longer being drawn: the last is covered end to end.

afterEach(() => fakeBrowser.reset());

describe('the panel hears that it was collapsed', () => {
  it('calls back when the dock is collapsed (this tab’s button or another tab’s), not when it is opened', async () => {
    const hidden = vi.fn();
    const stop = onPanelHidden(hidden);
    await dockCollapsed.set(false);
    expect(hidden).not.toHaveBeenCalled();
    await dockCollapsed.set(true);
    expect(hidden).toHaveBeenCalledTimes(1);
    stop();
    await dockCollapsed.set(false);
    await dockCollapsed.set(true);
    expect(hidden).toHaveBeenCalledTimes(1);
  });
});
