import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { HUBSPOT, launch, panelFrame, PIPEDRIVE, type Session } from './harness';
import { fixture, openPage } from './pages';
import { badge, fillChecklist, guardShows, pollText, waitSaved } from './panel-helpers';

// A Pipedrive deal at its real URL: the stage bar commits on click, and Won counts as moving
// into the gated "won" stage.

let session: Session;
beforeAll(async () => {
  session = await launch([PIPEDRIVE, HUBSPOT]);
});
afterAll(() => session.dispose());

const url = (id: string, query = '') => `https://acme.pipedrive.com/deal/${id}${query}`;
const commits = (page: Page) => fixture<{ id: string; stage: string; via: string }[]>(page, 'commits');
const stageButton = (page: Page, stage: string) => page.locator(`button.cui5-stage-selector__stage[aria-label="${stage}"]`);
const wonButton = (page: Page) => page.locator('[data-testid="won-button"]');

describe('Pipedrive deal', () => {
  it('blocks Won while the checklist is incomplete, then lets the same click through', async () => {
    const page = await openPage(session, url('5101'));
    const panel = await panelFrame(page);
    await pollText(badge(panel)).toBe('0 of 6 required');
    await wonButton(page).click();
    expect(await commits(page)).toEqual([]);
    await pollText(panel.getByTestId('block-notice')).toContain('Moving to "Won" needs: Client goals');
    await fillChecklist(panel);
    await waitSaved(panel);
    await guardShows(page, '6 of 6 required');
    await wonButton(page).click();
    await expect.poll(() => commits(page)).toEqual([{ id: '5101', stage: 'Won', via: 'won-button' }]);
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('blocks Won pressed with the keyboard', async () => {
    const page = await openPage(session, url('5102'));
    const panel = await panelFrame(page);
    await pollText(badge(panel)).toBe('0 of 6 required');
    await wonButton(page).focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Space');
    expect(await commits(page)).toEqual([]);
    await pollText(panel.getByTestId('block-notice')).toContain('"Won"');
    await page.close();
  });

  it('names the deal from the page title ("<deal> - Deals") where the header is not tagged', async () => {
    const page = await openPage(session, url('42', '?fixture=plain-header'));
    const panel = await panelFrame(page);
    await pollText(panel.locator('.panel__record')).toBe('Globex renewal');
    await page.close();
  });

  it('never touches moves along the stage bar, whatever the days-in-stage prefix says', async () => {
    const page = await openPage(session, url('42'));
    await panelFrame(page);
    await stageButton(page, 'Demo Scheduled').click();
    await stageButton(page, 'Negotiations Started').click();
    await expect.poll(() => commits(page)).toEqual([
      { id: '42', stage: 'Demo Scheduled', via: 'stage-bar' },
      { id: '42', stage: 'Negotiations Started', via: 'stage-bar' },
    ]);
    await page.close();
  });

  it('keeps the draft across a reload and SPA navigation, and names the hostile deal as text', async () => {
    const page = await openPage(session, url('17'));
    const panel = await panelFrame(page);
    await pollText(panel.locator('.panel__record')).toBe('Acme Corp deal');
    await panel.getByLabel('Promised timeline').fill('Live in April');
    await waitSaved(panel);
    await page.reload();
    await expect.poll(async () => (await panelFrame(page)).getByLabel('Promised timeline').inputValue()).toBe('Live in April');
    await fixture(page, 'navigate', '666');
    await pollText((await panelFrame(page)).locator('.panel__record')).toBe('<img src=x onerror="window.__fixture.xss=1">Evil & Co "deal"');
    expect(await fixture(page, 'xss')).toBeUndefined();
    await page.close();
  });

  it('says the guard is inactive when the stage bar is missing', async () => {
    const page = await openPage(session, url('5103', '?fixture=no-stage-control'));
    await pollText((await panelFrame(page)).getByTestId('guard-inactive')).toContain('Stage guard inactive');
    await page.close();
  });

  it('keeps drafts of the same deal id on HubSpot and Pipedrive apart', async () => {
    const onPipedrive = await openPage(session, url('5104'));
    await (await panelFrame(onPipedrive)).getByLabel('Client goals').fill('Pipedrive goals');
    await waitSaved(await panelFrame(onPipedrive));
    const onHubspot = await openPage(session, 'https://app.hubspot.com/contacts/4455/record/0-3/5104');
    const hubspotPanel = await panelFrame(onHubspot);
    await pollText(badge(hubspotPanel)).toBe('0 of 6 required');
    expect(await hubspotPanel.getByLabel('Client goals').inputValue()).toBe('');
    await onHubspot.close();
    await onPipedrive.close();
  });
});
