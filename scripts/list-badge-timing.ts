import type { Page } from 'playwright-core';

/**
 * On the HubSpot list fixture: 1,000 rows added at once, from the frame that shows them (the
 * host lays them out first) to the last badge. Passed as text: tsx would wrap named helpers in
 * a function the page does not have. `hostDrew`, the host's own time to draw the rows, is the
 * reference measured in the same run.
 */
export function thousandRowsBadged(page: Page): Promise<{ elapsed: number; hostDrew: number }> {
  return page.evaluate<{ elapsed: number; hostDrew: number }>(`(async () => {
    const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    const badges = () => document.querySelectorAll('td[data-table-external-id^="name-"] baton-badge').length;
    const before = badges();
    const started = performance.now();
    window.__fixture.addRows(1000);
    await nextFrame();
    await nextFrame();
    const appeared = performance.now();
    while (badges() < before + 1000) await nextFrame();
    return { elapsed: performance.now() - appeared, hostDrew: appeared - started };
  })()`);
}
