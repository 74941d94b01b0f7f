import { dockCollapsed } from '../storage/preferences';

/**
 * Calls back when the panel stops being shown. Collapsing the dock hides the panel's frame
 * (`hidden` on the iframe, components/page/dock.ts) rather than removing it, so nothing unmounts
 * and no port closes. Two signals, because neither covers every case alone:
 * - the stored collapse choice turning true: this panel's own button and any other tab's dock;
 * - the frame's document no longer intersecting the window: a collapse that stores nothing new
 *   (the panel was opened in this tab for a block while the choice stayed "collapsed").
 *   Checked on this machine: Chromium reports the hidden frame this way; Firefox ESR 153 never
 *   does (nor a false "hidden" while open), so there the stored choice is the signal.
 * Returns the function that stops watching.
 */
export function onPanelHidden(callback: () => void): () => void {
  const stopWatchingChoice = dockCollapsed.watch((collapsed) => collapsed && callback());
  // happy-dom (unit tests) has no IntersectionObserver; every browser Baton supports has one.
  if (typeof IntersectionObserver === 'undefined') return stopWatchingChoice;
  const observer = new IntersectionObserver((entries) => {
    if (entries.some((entry) => !entry.isIntersecting)) callback();
  });
  observer.observe(document.documentElement);
  return () => {
    stopWatchingChoice();
    observer.disconnect();
  };
}
