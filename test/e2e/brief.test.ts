import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { renderBrief } from '../../lib/brief';
import { defaultTemplates } from '../../lib/default-templates';
import { CLICKUP, HUBSPOT, launch, panelFrame, type Session } from './harness';
import { fixture, openPage } from './pages';
import { COMPLETE_HANDOFF, fillChecklist, guardShows, pollText, waitSaved } from './panel-helpers';

// The brief travels with the record: inserted into the host's own composer (never posted by
// Baton), read back on the receiving side, answered with a receipt.

let session: Session;
beforeAll(async () => {
  session = await launch([HUBSPOT, CLICKUP]);
});
afterAll(() => session.dispose());

const hubspotComposer = (page: Page) => page.locator('[data-test-id="middle-pane"] [contenteditable="true"][role="textbox"]');
const clickupComposer = (page: Page) => page.locator('[data-test="comment-bar__editor"]');
const salesToOnboarding = defaultTemplates().find((template) => template.id === 'sales-to-onboarding')!;

function briefText(values: Record<string, string>, at: string, recordId = '1001') {
  return renderBrief({ template: salesToOnboarding, values, record: { host: 'hubspot', objectType: 'deal', recordId }, recordTitle: 'Acme Corp - Annual plan', handedOffBy: 'Maria Lopez', at: new Date(at) });
}

const VALUES = {
  clientGoals: 'Cut store onboarding from 6 weeks to 2.',
  scope: 'POS integration for 12 stores.\nNo custom reporting.',
  timeline: 'Live by 15 March',
  objections: 'IT is wary of another vendor.',
  decisionMaker: 'Jane Doe, COO',
  nextOwner: 'dana@example.com',
  specialTerms: '',
};

describe('sending the brief', () => {
  it('inserts the brief into HubSpot’s note composer once the checklist is complete, signed with the name from the settings', async () => {
    const settings = await session.context.newPage();
    await settings.goto(`chrome-extension://${session.extensionId}/options.html`);
    await settings.getByLabel('Your name or email (signs your briefs and receipts)').fill('Maria Lopez');
    await settings.close();
    const page = await openPage(session, 'https://app.hubspot.com/contacts/4455/record/0-3/7001');
    const panel = await panelFrame(page);
    await expect(panel.getByTestId('brief-actions').count()).resolves.toBe(0);
    await fillChecklist(panel);
    await waitSaved(panel);
    await panel.getByRole('button', { name: 'Insert brief' }).click();
    await pollText(panel.getByTestId('brief-outcome')).toContain('Inserted into the HubSpot note box');
    const text = await hubspotComposer(page).innerText();
    expect(text).toContain('Handoff brief · Sales → Onboarding');
    expect(text).toContain('Next owner: dana@example.com');
    expect(text).toMatch(/Handed off by Maria Lopez on \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC to dana@example\.com\./);
    expect(text).toMatch(/Baton · sales-to-onboarding v1 · hubspot deal 7001 · 6\/6 required/);
    await page.close();
  });

  it('offers the brief right after the guarded move goes through', async () => {
    const page = await openPage(session, 'https://app.hubspot.com/contacts/4455/record/0-3/7002');
    const panel = await panelFrame(page);
    await fillChecklist(panel);
    await waitSaved(panel);
    await guardShows(page, '6 of 6 required');
    await page.locator('[data-test-id="highlight-property-item-dealstage"] button').nth(1).click();
    await page.getByRole('option', { name: 'Closed won', exact: true }).click();
    await pollText(panel.getByTestId('brief-actions')).toContain('Moved to “Closed won”. Send the next owner the brief');
    await page.close();
  });

  it('falls back to the clipboard, and says so, when the page has no composer', async () => {
    await session.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'https://app.hubspot.com' });
    const page = await openPage(session, 'https://app.hubspot.com/contacts/4455/record/0-3/7003');
    const panel = await panelFrame(page);
    await fillChecklist(panel);
    await waitSaved(panel);
    await page.evaluate(() => document.querySelectorAll('[contenteditable], textarea').forEach((editor) => editor.remove()));
    await panel.getByRole('button', { name: 'Insert brief' }).click();
    await pollText(panel.getByTestId('brief-outcome')).toContain('No note or comment box is open on this page. It is on your clipboard');
    await page.close();
  });

  it('inserts into ClickUp’s comment editor, and the host’s own button posts it', async () => {
    const page = await openPage(session, 'https://app.clickup.com/t/868send01');
    const panel = await panelFrame(page);
    await panel.getByRole('tab', { name: 'Sales → Onboarding' }).click();
    await fillChecklist(panel, COMPLETE_HANDOFF);
    await waitSaved(panel);
    await panel.getByRole('button', { name: 'Insert brief' }).click();
    await pollText(panel.getByTestId('brief-outcome')).toContain('Inserted into the ClickUp note box');
    expect(await fixture<string[]>(page, 'comments')).not.toContainEqual(expect.stringContaining('Handoff brief'));
    await page.locator('button[data-test="comment-bar__submit"]').click();
    await expect.poll(async () => (await fixture<string[]>(page, 'comments')).some((comment) => comment.includes('Handoff brief · Sales → Onboarding'))).toBe(true);
    await page.close();
  });
});

describe('receiving the brief', () => {
  it('shows the latest brief in a ClickUp task’s comments as structured context, with what changed', async () => {
    const page = await openPage(session, 'https://app.clickup.com/t/868recv01');
    await fixture(page, 'addComment', briefText({ ...VALUES, timeline: 'Live by 1 March' }, '2026-11-20T10:00:00Z'), 'Maria Lopez');
    await fixture(page, 'addComment', briefText(VALUES, '2026-11-26T14:03:00Z'), 'Maria Lopez');
    const panel = await panelFrame(page);
    const incoming = panel.getByTestId('incoming-brief');
    await pollText(incoming).toContain('Incoming handoff · Sales → Onboarding');
    await expect(incoming.innerText()).resolves.toContain('From Maria Lopez');
    await pollText(panel.getByTestId('incoming-status')).toBe('Complete: 6 of 6 required');
    // The host shows the comment as one paragraph: its line breaks are gone, the values are not.
    await expect(incoming.locator('[data-field="scope"] dd').innerText()).resolves.toMatch(/^POS integration for 12 stores\.\s+No custom reporting\.$/);
    // Notes are read at most once a second: the second brief may arrive a moment later.
    await expect.poll(() => incoming.locator('.incoming__field--changed').count(), { timeout: 4000 }).toBe(1);
    await expect(incoming.locator('.incoming__field--changed dd').innerText()).resolves.toBe('Live by 15 March');
    await page.close();
  });

  it('accepts after the receipt checklist, with a note for the sender in the task', async () => {
    const page = await openPage(session, 'https://app.clickup.com/t/868recv02');
    await fixture(page, 'addComment', briefText(VALUES, '2026-11-26T14:03:00Z'), 'Maria Lopez');
    const panel = await panelFrame(page);
    const receipt = panel.getByTestId('receipt');
    await receipt.waitFor();
    await expect(receipt.getByRole('button', { name: 'Accept' }).isDisabled()).resolves.toBe(true);
    for (const item of ['I have read the brief', 'Kickoff scheduled', 'Scope confirmed with the client']) await receipt.getByLabel(item).check();
    await receipt.getByRole('button', { name: 'Accept' }).click();
    await pollText(panel.getByTestId('receipt-outcome')).toContain('Inserted into the ClickUp note box');
    const note = await clickupComposer(page).innerText();
    expect(note).toContain('Handoff accepted · Sales → Onboarding');
    expect(note).toContain('Checked: I have read the brief; Kickoff scheduled; Scope confirmed with the client.');
    expect(note).toMatch(/Baton receipt · sales-to-onboarding v1 · clickup task 868recv02 · accepted/);
    await pollText(panel.getByTestId('receipt-answer')).toContain('You accepted this handoff');
    await page.close();
  });

  it('keeps each record’s receipt to itself across SPA navigation', async () => {
    const page = await openPage(session, 'https://app.clickup.com/t/868recv05');
    await fixture(page, 'addComment', briefText(VALUES, '2026-11-26T14:03:00Z'), 'Maria Lopez');
    const receipt = (await panelFrame(page)).getByTestId('receipt');
    for (const item of ['I have read the brief', 'Kickoff scheduled', 'Scope confirmed with the client']) await receipt.getByLabel(item).check();
    await fixture(page, 'navigate', '868recv06');
    await fixture(page, 'addComment', briefText(VALUES, '2026-11-26T15:00:00Z', '1002'), 'Maria Lopez');
    const next = (await panelFrame(page)).getByTestId('receipt');
    await expect.poll(() => next.getByLabel('I have read the brief').isChecked().catch(() => true)).toBe(false);
    await expect(next.getByRole('button', { name: 'Accept' }).isDisabled()).resolves.toBe(true);
    await page.close();
  });

  it('sends back only with a reason', async () => {
    const page = await openPage(session, 'https://app.clickup.com/t/868recv03');
    await fixture(page, 'addComment', briefText(VALUES, '2026-11-26T14:03:00Z'), 'Maria Lopez');
    const panel = await panelFrame(page);
    const receipt = panel.getByTestId('receipt');
    await receipt.getByRole('button', { name: 'Send back…' }).click();
    const send = receipt.getByRole('button', { name: 'Send back with this reason' });
    await expect(send.isDisabled()).resolves.toBe(true);
    await receipt.getByLabel('What is missing or wrong? (required)').fill('The promised timeline has no date for the pilot stores.');
    await send.click();
    const note = await clickupComposer(page).innerText();
    expect(note).toContain('Handoff sent back · Sales → Onboarding');
    expect(note).toContain('Reason: The promised timeline has no date for the pilot stores.');
    await page.close();
  });

  it('never shows a cut-short brief as complete, and shows hostile text as text', async () => {
    const page = await openPage(session, 'https://app.clickup.com/t/868recv04');
    const hostile = briefText({ ...VALUES, clientGoals: '<img src=x onerror="window.__fixture.xss=3">Goals' }, '2026-11-26T14:03:00Z');
    await fixture(page, 'addComment', hostile.replace('Objections and risks:', 'Objections:'), 'Maria Lopez');
    const panel = await panelFrame(page);
    await pollText(panel.getByTestId('incoming-status')).toContain('could not read every field');
    await expect(panel.locator('[data-field="clientGoals"] dd').innerText()).resolves.toBe('<img src=x onerror="window.__fixture.xss=3">Goals');
    await expect(panel.locator('[data-field="objections"] dd').innerText()).resolves.toBe('could not be read');
    expect(await fixture(page, 'xss')).toBeUndefined();
    await page.close();
  });
});
