import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { HUBSPOT, launch, panelFrame, storedValues, type Session } from './harness';
import { badge, commits, fillChecklist, guardShows, pollText, waitSaved } from './panel-helpers';

// An update or a switch off and on again orphans the script in every open tab: it can no
// longer reach the worker, and the new script arrives some 400 ms later. Until it has taken
// over, the old one keeps judging moves on the last checklist it knew.

let session: Session;
let extensions: Page;
beforeAll(async () => {
  session = await launch([HUBSPOT]);
  extensions = await session.context.newPage();
  await extensions.goto('chrome://extensions');
  await extensions.locator('#devMode').click();
});
afterAll(() => session.dispose());

const dealUrl = (id: string) => `https://app.hubspot.com/contacts/4455/record/0-3/${id}`;
const stageButton = (page: Page) => page.locator('[data-test-id="highlight-property-item-dealstage"] button').nth(1);

async function openDeal(id: string): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(dealUrl(id));
  return page;
}

/** Where "Closed won" sits in the open stage menu: clicked by position, with no wait for the page. */
async function closedWonPoint(page: Page): Promise<[x: number, y: number]> {
  const option = page.getByRole('option', { name: 'Closed won', exact: true });
  // A blocked click leaves the menu open.
  if (!(await option.isVisible())) await stageButton(page).click();
  const box = (await option.boundingBox())!;
  return [box.x + box.width / 2, box.y + box.height / 2];
}

/** The tab's dock drawn by the newest script is the only one, and its panel is loaded. */
async function newScriptInCharge(page: Page): Promise<void> {
  await expect.poll(() => page.locator('baton-dock').count(), { timeout: 10_000 }).toBe(1);
  // The old panel's frame may still be found while it is being torn down: look again until the new one answers.
  const newBadge = async () => badge(await panelFrame(page, 1000)).innerText();
  // 20 s: the new worker first reads managed storage (~2.5 s in Chromium) before any status,
  // and a loaded 2-core CI machine once took longer than 10 s for all of it.
  await expect.poll(() => newBadge().catch(() => ''), { timeout: 20_000 }).toMatch(/of 6 required/);
}

describe('an open tab while the extension is updated', () => {
  it('blocks Closed won clicked 0, 50, 100 and 150 ms after the update', async () => {
    const page = await openDeal('3201');
    await pollText(badge(await panelFrame(page))).toBe('0 of 6 required');
    for (const delay of [0, 50, 100, 150]) {
      const [x, y] = await closedWonPoint(page);
      const restarted = session.context.waitForEvent('serviceworker');
      await extensions.locator('#dev-reload-button').click();
      await page.waitForTimeout(delay);
      await page.mouse.click(x, y);
      expect(await commits(page), `clicked ${delay} ms after the update`).toEqual([]);
      await restarted;
      await newScriptInCharge(page);
    }
    await page.close();
  });

  it('keeps the tab guarded while the extension is off, says to reload it, and hands over when it is on again', async () => {
    const page = await openDeal('3202');
    await guardShows(page, '0 of 6 required');
    const toggle = extensions.locator(`extensions-item#${session.extensionId} #enableToggle`);

    await toggle.click();
    await pollText(page.locator('baton-dock .tab')).toContain('Baton was updated or turned off: reload this tab');
    await page.mouse.click(...(await closedWonPoint(page)));
    expect(await commits(page)).toEqual([]);

    const restarted = session.context.waitForEvent('serviceworker');
    await toggle.click();
    await restarted;
    await newScriptInCharge(page);
    const panel = await panelFrame(page);
    await fillChecklist(panel);
    await waitSaved(panel);
    await guardShows(page, '6 of 6 required');
    // The old script stepped down: its last checklist (empty) no longer blocks the move.
    await page.mouse.click(...(await closedWonPoint(page)));
    await expect.poll(() => commits(page)).toEqual([{ dealId: '3202', stage: 'Closed won', via: 'highlight' }]);
    await page.close();
  });

  it('keeps every keystroke that was still being saved when the extension updated', async () => {
    const page = await openDeal('3203');
    const panel = await panelFrame(page);
    const reload = await extensions.locator('#dev-reload-button').elementHandle();
    await panel.getByLabel('Client goals').pressSequentially('abcdefghijklmnopq', { delay: 0 });
    // At once: the last keystrokes' saves are still on their way to the worker.
    const restarted = session.context.waitForEvent('serviceworker');
    await reload!.evaluate((button) => (button as HTMLElement).click());
    await restarted;
    await newScriptInCharge(page);
    await expect.poll(async () => (await panelFrame(page)).getByLabel('Client goals').inputValue(), { timeout: 10_000 }).toBe('abcdefghijklmnopq');
    await expect.poll(() => storedValues(session, '3203')).toEqual({ clientGoals: 'abcdefghijklmnopq' });
    await page.close();
  });
});
