import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, panelFrame, SALESFORCE, type Session } from './harness';
import { fixture, openPage } from './pages';
import { badge, fillChecklist, guardShows, pollText, waitSaved } from './panel-helpers';

// A Lightning Opportunity at its real URL: the Path (select a step, then the header button or
// the closed-stage modal commits) and the Stage field's inline edit, in plain DOM and in
// open shadow roots, with a cached view of another opportunity hidden beside the active one.

let session: Session;
beforeAll(async () => {
  session = await launch([SALESFORCE]);
});
afterAll(() => session.dispose());

const ACME = '0065g00000AbCdEAAZ';
const url = (id: string, mode = '') => `https://acme.lightning.force.com/lightning/r/Opportunity/${id}/view${mode}`;
/** The view the user sees; a cached view of another opportunity sits hidden beside it. */
const view = (page: Page) => page.locator('.windowViewMode-maximized.active');
const commits = (page: Page) => fixture<{ id: string; stage: string; via: string }[]>(page, 'commits');

async function chooseClosedWonInModal(page: Page) {
  await view(page).locator('li.slds-path__item[data-name="Closed"] a.slds-path__link').click();
  await view(page).locator('button.slds-path__mark-complete').click(); // "Select Closed Stage": opens the modal
  await page.locator('select.stepAction.required-field').selectOption('Closed Won');
  await page.locator('section[role="dialog"] button[title="Save"]').click();
}

async function chooseClosedWonInline(page: Page) {
  await view(page).locator('button.inline-edit-trigger[title="Edit Stage"]').click();
  await view(page).locator('button[role="combobox"][aria-label="Stage"]').click();
  await view(page).locator('[role="option"][data-value="Closed Won"]').click();
  await view(page).locator('button[name="SaveEdit"]').click();
}

describe.each(['', '?fixture=shadow'])('Salesforce opportunity%s', (mode) => {
  it('shows the checklist for the active view’s opportunity, not the cached one', async () => {
    const page = await openPage(session, url(ACME, mode));
    const panel = await panelFrame(page);
    await pollText(panel.locator('.panel__record')).toBe('Acme Corp - 500 Licenses');
    await pollText(badge(panel)).toBe('0 of 6 required');
    await page.close();
  });

  it('blocks Save in the "Select Closed Stage" modal for Closed Won, then lets it through', async () => {
    const page = await openPage(session, url(`0065g00000Mod${mode ? 'Sh' : 'Pl'}AAA`, mode));
    const panel = await panelFrame(page);
    await pollText(badge(panel)).toBe('0 of 6 required');
    await chooseClosedWonInModal(page);
    expect(await commits(page)).toEqual([]);
    await pollText(panel.getByTestId('block-notice')).toContain('Moving to "Closed Won" needs: Client goals');
    await fillChecklist(panel);
    await waitSaved(panel);
    await guardShows(page, '6 of 6 required');
    await page.locator('section[role="dialog"] button[title="Save"]').click();
    await expect.poll(() => commits(page)).toEqual([expect.objectContaining({ stage: 'Closed Won', via: 'path-closed-modal' })]);
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('blocks the inline edit of Stage to Closed Won, then lets SaveEdit through', async () => {
    const page = await openPage(session, url(`0065g00000Inl${mode ? 'Sh' : 'Pl'}AAA`, mode));
    const panel = await panelFrame(page);
    await pollText(badge(panel)).toBe('0 of 6 required');
    await chooseClosedWonInline(page);
    expect(await commits(page)).toEqual([]);
    await pollText(panel.getByTestId('block-notice')).toContain('"Closed Won"');
    await fillChecklist(panel);
    await waitSaved(panel);
    await guardShows(page, '6 of 6 required');
    await view(page).locator('button[name="SaveEdit"]').click();
    await expect.poll(() => commits(page)).toEqual([expect.objectContaining({ stage: 'Closed Won', via: 'inline-edit' })]);
    await page.close();
  });

  it('never touches selecting a step or moving to a stage that is not gated', async () => {
    const page = await openPage(session, url(`0065g00000Fre${mode ? 'Sh' : 'Pl'}AAA`, mode));
    await panelFrame(page);
    await view(page).locator('li.slds-path__item[data-name="Qualification"] a.slds-path__link').click();
    await view(page).locator('button.slds-path__mark-complete').click(); // "Mark as Current Stage"
    await view(page).locator('button.slds-path__mark-complete').click(); // "Mark Stage as Complete"
    await expect.poll(() => commits(page)).toEqual([
      expect.objectContaining({ stage: 'Qualification', via: 'path-button' }),
      expect.objectContaining({ stage: 'Needs Analysis', via: 'path-button' }),
    ]);
    await page.close();
  });
});

describe('Salesforce opportunity, more', () => {
  it('blocks the modal’s Save pressed with the keyboard', async () => {
    const page = await openPage(session, url('0065g00000KeybdAAA'));
    const panel = await panelFrame(page);
    await pollText(badge(panel)).toBe('0 of 6 required');
    await view(page).locator('li.slds-path__item[data-name="Closed"] a.slds-path__link').click();
    await view(page).locator('button.slds-path__mark-complete').click();
    await page.locator('select.stepAction.required-field').selectOption('Closed Won');
    await page.locator('section[role="dialog"] button[title="Save"]').focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Space');
    expect(await commits(page)).toEqual([]);
    await pollText(panel.getByTestId('block-notice')).toContain('"Closed Won"');
    await page.close();
  });

  it('keeps the draft across a reload, switches on SPA navigation, and says when the Path is gone', async () => {
    const page = await openPage(session, url(ACME));
    const panel = await panelFrame(page);
    await panel.getByLabel('Client goals').fill('Roll out to 500 seats');
    await waitSaved(panel);
    await page.reload();
    await expect.poll(async () => (await panelFrame(page)).getByLabel('Client goals').inputValue()).toBe('Roll out to 500 seats');
    await fixture(page, 'navigate', '0065g00000XyZaBAAV');
    await pollText((await panelFrame(page)).locator('.panel__record')).toBe('Globex - Renewal 2026');
    await fixture(page, 'removeStageControls');
    await pollText((await panelFrame(page)).getByTestId('guard-inactive')).toContain('Stage guard inactive');
    await page.close();
  });

  it('treats the 15- and 18-character ids of one opportunity as one record', async () => {
    const page = await openPage(session, url('0065g00000Fifte'));
    const panel = await panelFrame(page);
    await panel.getByLabel('Decision maker').fill('Maria, VP Sales');
    await waitSaved(panel);
    await page.goto(url('0065g00000FifteAAA'));
    await expect.poll(async () => (await panelFrame(page)).getByLabel('Decision maker').inputValue()).toBe('Maria, VP Sales');
    await page.close();
  });

  it('says the guard is inactive on an opportunity page without a stage control', async () => {
    const page = await openPage(session, url(ACME, '?fixture=no-stage-control'));
    await pollText((await panelFrame(page)).getByTestId('guard-inactive')).toContain('Stage guard inactive');
    await page.close();
  });
});
