import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Locator, Page } from 'playwright-core';
import { launch, panelFrame, SALESFORCE, type Session } from './harness';
import { fixture, openPage } from './pages';
import { badge, fillChecklist, guardShows, pollText, waitSaved } from './panel-helpers';

// The stage paths that go through a modal, in both generations of Lightning's modals
// (host-apps.md "Corrections"): the current Aura panel, div[role=dialog] (?fixture=aura), and the
// LWC section[role=dialog]. Each path is blocked by mouse and by keyboard while the checklist is
// incomplete, and goes through once it is complete.

let session: Session;
beforeAll(async () => {
  session = await launch([SALESFORCE]);
});
afterAll(() => session.dispose());

const url = (id: string, modes: string) => `https://acme.lightning.force.com/lightning/r/Opportunity/${id}/view?fixture=${modes}`;
/** A record of its own per test and mode, so no test sees another's draft. */
const recordId = (tag: string, modes: string) => `006${tag}${modes.replace(/[^a-z]/g, '').length}${modes.length}`.padEnd(18, 'A');
const view = (page: Page) => page.locator('.windowViewMode-maximized.active');
const dialog = (page: Page) => page.locator('[role="dialog"]');
const commits = (page: Page) => fixture<{ id: string; stage: string; via: string }[]>(page, 'commits');

async function openRecord(tag: string, modes: string) {
  const page = await openPage(session, url(recordId(tag, modes), modes));
  const panel = await panelFrame(page);
  await pollText(badge(panel)).toBe('0 of 6 required');
  return { page, panel };
}

async function selectClosedStage(page: Page) {
  await view(page).locator('li.slds-path__item[data-name="Closed"] a.slds-path__link').click();
  await view(page).locator('button.slds-path__mark-complete').click(); // "Select Closed Stage"
}

/** Picks a stage in the dialog's Stage combobox (Edit Dependencies also holds a Loss Reason one). */
async function pickInDialog(page: Page, stage: string) {
  await dialog(page).locator('[role="combobox"]:not([aria-label="Loss Reason"])').click();
  await dialog(page).locator(`[role="option"][data-value="${stage}"]`).click();
}

/**
 * Clicks `commit`, then presses Enter and Space on it: each is held back and the panel says what
 * is missing. Then completes the checklist and clicks again: the host commits `via`.
 */
async function heldUntilComplete(page: Page, panel: Frame, commit: Locator, via: string) {
  await commit.click();
  expect(await commits(page)).toEqual([]);
  await commit.focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Space');
  expect(await commits(page)).toEqual([]);
  await pollText(panel.getByTestId('block-notice')).toContain('Moving to "Closed Won" needs: Client goals');
  await fillChecklist(panel);
  await waitSaved(panel);
  await guardShows(page, '6 of 6 required');
  await commit.click();
  await expect.poll(() => commits(page)).toEqual([expect.objectContaining({ stage: 'Closed Won', via })]);
}

describe.each(['aura', 'aura,shadow'])('The Aura "Select Closed Stage" modal (?fixture=%s)', (modes) => {
  it('blocks its Save for Closed Won by mouse and keyboard, then lets it through', async () => {
    const { page, panel } = await openRecord('AuraSave', modes);
    await selectClosedStage(page);
    expect(await dialog(page).evaluate((element) => element.tagName)).toBe('DIV');
    await page.locator('select.stepAction.required-field').selectOption('Closed Won');
    await heldUntilComplete(page, panel, page.locator('div.uiModal [role="dialog"] button.forceActionButton[title="Save"]'), 'path-closed-modal');
    expect(page.errors).toEqual([]);
    await page.close();
  });
});

describe.each(['aura,dependencies', 'aura,dependencies,shadow', 'dependencies'])('"Edit Dependencies" (?fixture=%s)', (modes) => {
  it('blocks Done for Closed Won by mouse and keyboard, then lets it through', async () => {
    const { page, panel } = await openRecord('DepDone', modes);
    await selectClosedStage(page);
    await pickInDialog(page, 'Closed Won');
    await heldUntilComplete(page, panel, dialog(page).getByRole('button', { name: 'Done', exact: true }), 'path-dependencies');
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('judges the stage chosen in the modal: Closed Lost is not gated', async () => {
    const { page } = await openRecord('DepLost', modes);
    await selectClosedStage(page);
    await pickInDialog(page, 'Closed Lost');
    await dialog(page).getByRole('button', { name: 'Done', exact: true }).click();
    await expect.poll(() => commits(page)).toEqual([expect.objectContaining({ stage: 'Closed Lost', via: 'path-dependencies' })]);
    await page.close();
  });
});

describe.each(['aura', 'aura,shadow', 'aura,de', 'aura,de,shadow', '', 'shadow'])('The record’s Edit modal (?fixture=%s)', (modes) => {
  it('blocks SaveEdit with Stage set to Closed Won, by mouse and keyboard, then lets it through', async () => {
    const { page, panel } = await openRecord('EditSv', modes);
    await view(page).locator('button[name="Edit"]').click();
    await pickInDialog(page, 'Closed Won');
    await heldUntilComplete(page, panel, dialog(page).locator('button[name="SaveEdit"]'), 'edit-modal');
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('lets SaveEdit through when Stage still holds the record’s stage', async () => {
    const { page, panel } = await openRecord('EditNo', modes);
    await view(page).locator('button[name="Edit"]').click();
    await dialog(page).locator('input[name="NextStep"]').fill('Call the CFO');
    await dialog(page).locator('button[name="SaveEdit"]').click();
    await expect.poll(() => dialog(page).count()).toBe(0);
    expect(await panel.getByTestId('block-notice').count()).toBe(0);
    expect(await commits(page)).toEqual([]);
    await page.close();
  });
});

describe.each(['aura,de', 'aura,de,shadow'])('Inline edit of a translated Stage field (?fixture=%s)', (modes) => {
  it('blocks SaveEdit with the stage chosen in sfa-input-stage-name', async () => {
    const { page, panel } = await openRecord('InlDe', modes);
    await view(page).locator('button.inline-edit-trigger[title="Edit Phase"]').click();
    await view(page).locator('[role="combobox"][aria-label="Phase"]').click();
    await view(page).locator('[role="option"][data-value="Closed Won"]').click();
    await view(page).locator('button[name="SaveEdit"]').click();
    expect(await commits(page)).toEqual([]);
    await pollText(panel.getByTestId('block-notice')).toContain('Moving to "Closed Won" needs: Client goals');
    await page.close();
  });
});
