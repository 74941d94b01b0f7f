import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { HUBSPOT, launch, panelFrame, panelShown, type Session } from './harness';
import { badge, commits, fillChecklist, guardShows, pollText, waitSaved } from './panel-helpers';

// A HubSpot deal record served at its real URL; each test uses its own deal id, so one
// browser serves the whole file.

let session: Session;
beforeAll(async () => {
  session = await launch([HUBSPOT]);
});
afterAll(() => session.dispose());

const dealUrl = (id: string, query = '') => `https://app.hubspot.com/contacts/4455/record/0-3/${id}${query}`;

async function openDeal(id: string, query = ''): Promise<Page> {
  const page = await session.context.newPage();
  const errors: Error[] = [];
  page.on('pageerror', (error) => errors.push(error));
  await page.goto(dealUrl(id, query));
  (page as Page & { errors?: Error[] }).errors = errors;
  return page;
}

const stageButton = (page: Page) => page.locator('[data-test-id="highlight-property-item-dealstage"] button').nth(1);
const sidebarButton = (page: Page) => page.locator('button[data-selenium-test="property-input-dealstage"]');
const option = (page: Page, stage: string) => page.getByRole('option', { name: stage, exact: true });
const stageOf = (page: Page) => page.evaluate(() => (window as unknown as { __fixture: { stage(): string } }).__fixture.stage());

describe('HubSpot deal record', () => {
  it('shows the Sales → Onboarding checklist beside the deal with an "N of 6 required" badge', async () => {
    const page = await openDeal('2001');
    const panel = await panelFrame(page);
    for (const label of ['Client goals', 'Scope and deliverables', 'Promised timeline', 'Objections and risks', 'Decision maker', 'Next owner', 'Special terms']) {
      // Polled: the panel is drawn before the record's status arrives with its fields.
      await expect.poll(() => panel.getByLabel(label).count()).toBe(1);
    }
    await pollText(badge(panel)).toBe('0 of 6 required');
    await panel.getByLabel('Client goals').fill('Faster onboarding');
    await pollText(badge(panel)).toBe('1 of 6 required');
    await page.close();
  });

  it('collapses to a tab showing the badge, and stays collapsed after a reload', async () => {
    const page = await openDeal('2002');
    const panel = await panelFrame(page);
    await panel.getByRole('button', { name: 'Collapse the handoff checklist' }).click();
    const tab = page.locator('baton-dock .tab');
    await pollText(tab).toBe('Handoff checklist · 0 of 6 required');
    await page.reload();
    await pollText(tab).toBe('Handoff checklist · 0 of 6 required');
    await expect(panelShown(page)).resolves.toBe(false);
    await tab.click();
    await expect.poll(() => panelShown(page)).toBe(true);
    await page.close();
  });

  it('blocks "Closed won" from the highlight card while fields are empty, then lets the same click through', async () => {
    const page = await openDeal('2003');
    const panel = await panelFrame(page);
    await pollText(badge(panel)).toBe('0 of 6 required');
    await stageButton(page).click();
    await option(page, 'Closed won').click();
    expect(await commits(page)).toEqual([]);
    expect(await stageOf(page)).toBe('Appointment scheduled');
    await pollText(panel.getByTestId('block-notice')).toContain('Moving to "Closed won" needs: Client goals, Scope and deliverables');
    await expect(panel.locator('.field--blocking').count()).resolves.toBe(6);
    // Focus lands on the first missing field, ready to type.
    await expect.poll(() => panel.evaluate(() => document.activeElement?.closest('[data-field]')?.getAttribute('data-field'))).toBe('clientGoals');
    // ...and stays there while the user types, though the field stops being missing at once.
    await page.keyboard.type('Grow revenue', { delay: 15 });
    await expect.poll(() => panel.getByLabel('Client goals').inputValue()).toBe('Grow revenue');
    expect(await panel.getByLabel('Scope and deliverables').inputValue()).toBe('');

    await fillChecklist(panel);
    await waitSaved(panel);
    await guardShows(page, '6 of 6 required');
    await pollText(badge(panel)).toBe('6 of 6 required');
    await pollText(page.locator('baton-dock .tab')).toContain('6 of 6 required');
    await option(page, 'Closed won').click();
    await expect.poll(() => commits(page)).toEqual([{ dealId: '2003', stage: 'Closed won', via: 'highlight' }]);
    await page.close();
  });

  it('cannot be switched off by the host page (WXT\'s forgeable "script started" event)', async () => {
    const page = await openDeal('2012');
    const panel = await panelFrame(page);
    await pollText(badge(panel)).toBe('0 of 6 required');
    await page.evaluate((id) => {
      for (const name of ['hubspot', 'hubspot-boards']) {
        document.dispatchEvent(new CustomEvent(`${id}:${name}:wxt:content-script-started`, { detail: { contentScriptName: name, messageId: 'forged' } }));
      }
    }, session.extensionId);
    await page.waitForTimeout(300);
    await stageButton(page).click();
    await option(page, 'Closed won').click();
    expect(await commits(page)).toEqual([]);
    await expect(page.locator('baton-dock').count()).resolves.toBe(1);
    await page.close();
  });

  it('never touches a move into a stage that is not gated', async () => {
    const page = await openDeal('2004');
    await panelFrame(page);
    await stageButton(page).click();
    await option(page, 'Qualified to buy').click();
    await stageButton(page).click();
    await option(page, 'Closed lost').click();
    expect((await commits(page)).map((commit) => commit.stage)).toEqual(['Qualified to buy', 'Closed lost']);
    await page.close();
  });

  it('blocks "Closed won" chosen with the keyboard, then lets it through once complete', async () => {
    const page = await openDeal('2005');
    const panel = await panelFrame(page);
    await pollText(badge(panel)).toBe('0 of 6 required');
    const chooseClosedWonByKeyboard = async () => {
      await expect.poll(() => page.getByRole('listbox').count()).toBe(0);
      await stageButton(page).focus();
      await page.keyboard.press('Enter');
      await page.getByRole('listbox').waitFor();
      for (let step = 0; step < 5; step += 1) await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
    };
    await chooseClosedWonByKeyboard();
    expect(await commits(page)).toEqual([]);
    await pollText(panel.getByTestId('block-notice')).toContain('"Closed won"');

    await fillChecklist(panel);
    await waitSaved(panel);
    await guardShows(page, '6 of 6 required');
    await page.locator('h1').click(); // the host closes its popover on a click elsewhere
    await chooseClosedWonByKeyboard();
    await expect.poll(() => commits(page)).toEqual([{ dealId: '2005', stage: 'Closed won', via: 'highlight-keyboard' }]);
    await page.close();
  });

  it('blocks "Closed won" from the property sidebar, then lets it through once complete', async () => {
    const page = await openDeal('2006');
    const panel = await panelFrame(page);
    await pollText(badge(panel)).toBe('0 of 6 required');
    await sidebarButton(page).click();
    await option(page, 'Closed won').click();
    expect(await commits(page)).toEqual([]);
    await pollText(panel.getByTestId('block-notice')).toContain('"Closed won"');
    await fillChecklist(panel);
    await waitSaved(panel);
    await guardShows(page, '6 of 6 required');
    await option(page, 'Closed won').click();
    await expect.poll(() => commits(page)).toEqual([{ dealId: '2006', stage: 'Closed won', via: 'sidebar' }]);
    await page.close();
  });

  it('says the guard is inactive when the deal page has no stage control', async () => {
    const page = await openDeal('2007', '?fixture=no-stage-control');
    const panel = await panelFrame(page);
    await pollText(panel.getByTestId('guard-inactive')).toContain('Stage guard inactive on this page');
    await expect.poll(() => page.locator('baton-dock .tab').getAttribute('data-guard')).toBe('inactive');
    await page.close();
  });

  it('says the guard is inactive when a re-render loses the stage control', async () => {
    const page = await openDeal('2008');
    const panel = await panelFrame(page);
    await page.evaluate(() => (window as unknown as { __fixture: { rerender(): void } }).__fixture.rerender());
    await page.waitForTimeout(500);
    await expect(panel.getByTestId('guard-inactive').count()).resolves.toBe(0);
    await page.evaluate(() => (window as unknown as { __fixture: { removeStageControls(): void } }).__fixture.removeStageControls());
    await pollText(panel.getByTestId('guard-inactive')).toContain('Stage guard inactive on this page');
    await page.close();
  });

  it('follows SPA navigation to another deal, and renders hostile deal names as text', async () => {
    const page = await openDeal('1001');
    const panel = await panelFrame(page);
    await pollText(panel.locator('.panel__record')).toBe('Acme Corp - Annual plan');
    await panel.getByLabel('Client goals').fill('Acme goals');
    await waitSaved(panel);
    await page.evaluate(() => (window as unknown as { __fixture: { navigate(id: string): void } }).__fixture.navigate('666'));
    const next = await panelFrame(page);
    await pollText(next.locator('.panel__record')).toBe('<img src=x onerror="window.__fixture.xss=1">Evil & Co "deal"');
    await expect.poll(() => next.getByLabel('Client goals').inputValue()).toBe('');
    expect(await page.evaluate(() => (window as unknown as { __fixture: { xss?: number } }).__fixture.xss)).toBeUndefined();
    await page.evaluate(() => history.back()); // popstate, as the browser's Back button
    await expect.poll(async () => (await panelFrame(page)).getByLabel('Client goals').inputValue()).toBe('Acme goals');
    await expect(page.locator('baton-dock').count()).resolves.toBe(1);
    await page.close();
  });

  it('keeps typing in the panel away from the host page: no shortcuts, no host CSS', async () => {
    const page = await openDeal('2009');
    const panel = await panelFrame(page);
    await panel.getByLabel('Promised timeline').click();
    await page.keyboard.type('n/n/ by March');
    await page.locator('h1').click();
    await page.keyboard.press('n');
    const shortcuts = await page.evaluate(() => (window as unknown as { __fixture: { shortcuts: string[] } }).__fixture.shortcuts);
    expect(shortcuts).toEqual(['n']); // only the key pressed on the page itself
    // The host's hostile CSS is in force on the host page itself (hotpink buttons)...
    expect(await page.locator('[data-test-id="highlight-property-item-dealstage"] button').first().evaluate((button) => getComputedStyle(button).backgroundColor)).toBe('rgb(255, 105, 180)');
    // ...and does not reach Baton's frame.
    // The frame sits in a closed shadow root: reached from the test's side, as a frame.
    const frameStyle = await (await panel.frameElement()).evaluate((node) => {
      const frame = node as HTMLIFrameElement;
      const style = getComputedStyle(frame);
      return { opacity: style.opacity, width: frame.getBoundingClientRect().width, border: style.borderTopWidth };
    });
    expect(frameStyle).toEqual({ opacity: '1', width: 380, border: '0px' }); // host CSS: .3, 10px, 8px red
    const panelFont = await panel.locator('h1').evaluate((heading) => getComputedStyle(heading).fontFamily);
    expect(panelFont).not.toMatch(/Comic/);
    await page.close();
  });

  it('draws nothing on HubSpot pages that are not a deal (settings, contacts, reports)', async () => {
    for (const path of ['/settings/4455/users', '/contacts/4455/record/0-1/77', '/reports-dashboard/4455/view/1']) {
      const page = await session.context.newPage();
      await page.goto(`https://app.hubspot.com${path}`);
      await page.waitForTimeout(1200); // past the idle time at which a record page gets its dock
      expect(await page.locator('baton-dock').count()).toBe(0);
      expect(page.frames()).toHaveLength(1);
      await page.close();
    }
  });
});
