import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { renderBrief } from '../../lib/brief';
import { defaultTemplates } from '../../lib/default-templates';
import { renderReceipt } from '../../lib/receipt';
import type { RecordRef } from '../../lib/record';
import { CLICKUP, HUBSPOT, launch, panelFrame, PIPEDRIVE, SALESFORCE, type Session } from './harness';
import { fixture, openPage } from './pages';
import { COMPLETE_HANDOFF, fillChecklist, guardShows, pollText, waitSaved } from './panel-helpers';

// The brief travels with the record: inserted into the host's own composer (never posted by
// Baton), read back on the receiving side, answered with a receipt.

let session: Session;
beforeAll(async () => {
  session = await launch([HUBSPOT, CLICKUP, SALESFORCE, PIPEDRIVE]);
});
afterAll(() => session.dispose());

// The fixtures' new-note composers; each page also holds editable surfaces that are not one.
const hubspotComposer = (page: Page) => page.getByRole('textbox', { name: 'Log activity' });
const hubspotExistingNote = (page: Page) => page.locator('[data-test-id="timeline-note-event"] [data-test-id="rte-content"]').first();
const clickupComposer = (page: Page) => page.locator('[data-test="comment-bar__editor"]');
const salesToOnboarding = defaultTemplates().find((template) => template.id === 'sales-to-onboarding')!;

const task = (recordId: string): RecordRef => ({ host: 'clickup', objectType: 'task', recordId });

function briefText(values: Record<string, string>, at: string, record: RecordRef, by = 'Maria Lopez') {
  return renderBrief({ template: salesToOnboarding, values, record, recordTitle: 'Acme Corp - Annual plan', handedOffBy: by, at: new Date(at) });
}

/** A HubSpot deal's page with its checklist complete and saved. */
async function completeHubspotDeal(dealId: string) {
  const page = await openPage(session, `https://app.hubspot.com/contacts/4455/record/0-3/${dealId}`);
  const panel = await panelFrame(page);
  await fillChecklist(panel);
  await waitSaved(panel);
  return { page, panel };
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
    const { page, panel } = await completeHubspotDeal('7002');
    await guardShows(page, '6 of 6 required');
    await page.locator('[data-test-id="highlight-property-item-dealstage"] button').nth(1).click();
    await page.getByRole('option', { name: 'Closed won', exact: true }).click();
    await pollText(panel.getByTestId('brief-actions')).toContain('Moved to “Closed won”. Send the next owner the brief');
    await page.close();
  });

  it('falls back to the clipboard, and says so, when the page has no composer', async () => {
    await session.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'https://app.hubspot.com' });
    const { page, panel } = await completeHubspotDeal('7003');
    await page.evaluate(() => document.querySelectorAll('[contenteditable], textarea').forEach((editor) => editor.remove()));
    await panel.getByRole('button', { name: 'Insert brief' }).click();
    await pollText(panel.getByTestId('brief-outcome')).toContain('Not inserted: no note or comment box is open on this page. It is on your clipboard');
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
    await expect(page.locator('cu-task-description .ql-editor').innerText()).resolves.not.toContain('Handoff brief');
    expect(await fixture<string[]>(page, 'comments')).not.toContainEqual(expect.stringContaining('Handoff brief'));
    await page.locator('button[data-test="comment-bar__submit"]').click();
    await expect.poll(async () => (await fixture<string[]>(page, 'comments')).some((comment) => comment.includes('Handoff brief · Sales → Onboarding'))).toBe(true);
    await page.close();
  });
});

describe('receiving the brief', () => {
  it('shows the latest brief in a ClickUp task’s comments as structured context, with what changed', async () => {
    const page = await openPage(session, 'https://app.clickup.com/t/868recv01');
    await fixture(page, 'addComment', briefText({ ...VALUES, timeline: 'Live by 1 March' }, '2026-11-20T10:00:00Z', task('868recv01')), 'Maria Lopez');
    await fixture(page, 'addComment', briefText(VALUES, '2026-11-26T14:03:00Z', task('868recv01')), 'Maria Lopez');
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
    await fixture(page, 'addComment', briefText(VALUES, '2026-11-26T14:03:00Z', task('868recv02')), 'Maria Lopez');
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
    await fixture(page, 'addComment', briefText(VALUES, '2026-11-26T14:03:00Z', task('868recv05')), 'Maria Lopez');
    const receipt = (await panelFrame(page)).getByTestId('receipt');
    for (const item of ['I have read the brief', 'Kickoff scheduled', 'Scope confirmed with the client']) await receipt.getByLabel(item).check();
    await fixture(page, 'navigate', '868recv06');
    await fixture(page, 'addComment', briefText(VALUES, '2026-11-26T15:00:00Z', task('868recv06')), 'Maria Lopez');
    const next = (await panelFrame(page)).getByTestId('receipt');
    await expect.poll(() => next.getByLabel('I have read the brief').isChecked().catch(() => true)).toBe(false);
    await expect(next.getByRole('button', { name: 'Accept' }).isDisabled()).resolves.toBe(true);
    await page.close();
  });

  it('sends back only with a reason', async () => {
    const page = await openPage(session, 'https://app.clickup.com/t/868recv03');
    await fixture(page, 'addComment', briefText(VALUES, '2026-11-26T14:03:00Z', task('868recv03')), 'Maria Lopez');
    const panel = await panelFrame(page);
    const receipt = panel.getByTestId('receipt');
    await receipt.getByRole('button', { name: 'Send back…' }).click();
    const send = receipt.getByRole('button', { name: 'Send back with this reason' });
    await expect(send.isDisabled()).resolves.toBe(true);
    await receipt.getByLabel('What is missing or wrong? (required)').fill('The promised timeline has no date for the pilot stores.');
    await send.click();
    // The note goes through the worker to the page: read the box once the panel says it is there.
    await pollText(panel.getByTestId('receipt-outcome')).toContain('Inserted into the ClickUp note box');
    const note = await clickupComposer(page).innerText();
    expect(note).toContain('Handoff sent back · Sales → Onboarding');
    expect(note).toContain('Reason: The promised timeline has no date for the pilot stores.');
    await page.close();
  });

  it('never shows a cut-short brief as complete, and shows hostile text as text', async () => {
    const page = await openPage(session, 'https://app.clickup.com/t/868recv04');
    const hostile = briefText({ ...VALUES, clientGoals: '<img src=x onerror="window.__fixture.xss=3">Goals' }, '2026-11-26T14:03:00Z', task('868recv04'));
    await fixture(page, 'addComment', hostile.replace('Objections and risks:', 'Objections:'), 'Maria Lopez');
    const panel = await panelFrame(page);
    await pollText(panel.getByTestId('incoming-status')).toContain('could not read every field');
    await expect(panel.locator('[data-field="clientGoals"] dd').innerText()).resolves.toBe('<img src=x onerror="window.__fixture.xss=3">Goals');
    await expect(panel.locator('[data-field="objections"] dd').innerText()).resolves.toBe('could not be read');
    expect(await fixture(page, 'xss')).toBeUndefined();
    await page.close();
  });
});

// Every app shows editable surfaces that are not a new note: Insert must reach the new
// note's (or comment's) composer only, opening it where the app needs a click first, and
// copy instead when it cannot be sure (issue 8, item 7).
describe('Insert reaches only the composer of a new note', () => {
  it('HubSpot: never writes into an existing timeline note, itself an editable surface', async () => {
    const { page, panel } = await completeHubspotDeal('7004');
    const before = await hubspotExistingNote(page).innerText();
    await panel.getByRole('button', { name: 'Insert brief' }).click();
    await pollText(panel.getByTestId('brief-outcome')).toContain('Inserted into the HubSpot note box');
    await expect(hubspotComposer(page).innerText()).resolves.toContain('Handoff brief · Sales → Onboarding');
    await expect(hubspotExistingNote(page).innerText()).resolves.toBe(before);
    await page.close();
  });

  it('copies instead, and says why, when two boxes could be the new note', async () => {
    await session.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'https://app.hubspot.com' });
    const { page, panel } = await completeHubspotDeal('7006');
    await page.evaluate(() => {
      const second = Object.assign(document.createElement('div'), { contentEditable: 'true' });
      second.setAttribute('role', 'textbox');
      second.setAttribute('aria-label', 'Log a call');
      document.querySelector('[data-test-id="middle-pane"]')!.append(second);
    });
    await panel.getByRole('button', { name: 'Insert brief' }).click();
    await pollText(panel.getByTestId('brief-outcome')).toContain('Not inserted: Baton found more than one note box here and could not tell which one is for a new note. It is on your clipboard');
    await expect(hubspotComposer(page).innerText()).resolves.toBe('');
    await page.close();
  });

  it('Salesforce: opens the Chatter publisher with "Share an update..." first, and never writes into the call log', async () => {
    const page = await openPage(session, 'https://acme.lightning.force.com/lightning/r/Opportunity/0065g00000XyZaBAAV/view');
    const panel = await panelFrame(page);
    await fillChecklist(panel);
    await waitSaved(panel);
    await panel.getByRole('button', { name: 'Insert brief' }).click();
    await pollText(panel.getByTestId('brief-outcome')).toContain('Inserted into the Salesforce note box');
    const view = page.locator('.windowViewMode-maximized.active');
    await expect(view.locator('div.ql-editor[data-placeholder="Share an update..."]').innerText()).resolves.toContain('Handoff brief · Sales → Onboarding');
    await expect(view.getByRole('textbox', { name: 'Log a Call' }).innerText()).resolves.toBe('');
    await view.locator('button[title="Share"]').click();
    await expect.poll(async () => (await fixture<string[]>(page, 'feed')).some((post) => post.includes('Handoff brief · Sales → Onboarding'))).toBe(true);
    await page.close();
  });

  it('ClickUp: never writes into the task description; with no comment box it copies instead and says so', async () => {
    await session.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'https://app.clickup.com' });
    const page = await openPage(session, 'https://app.clickup.com/t/868send02');
    const panel = await panelFrame(page);
    await panel.getByRole('tab', { name: 'Sales → Onboarding' }).click();
    await fillChecklist(panel, COMPLETE_HANDOFF);
    await waitSaved(panel);
    const description = await page.locator('cu-task-description .ql-editor').innerText();
    await page.locator('cu-comment-bar').evaluate((bar) => bar.remove());
    await panel.getByRole('button', { name: 'Insert brief' }).click();
    await pollText(panel.getByTestId('brief-outcome')).toContain('Not inserted: no note or comment box is open on this page. It is on your clipboard');
    await expect(page.locator('cu-task-description .ql-editor').innerText()).resolves.toBe(description);
    await page.close();
  });
});

describe('reading the notes of each app', () => {
  it('inserts into Pipedrive’s note composer and reads the posted brief back from the deal’s notes', async () => {
    const page = await openPage(session, 'https://acme.pipedrive.com/deal/7101');
    const panel = await panelFrame(page);
    await fillChecklist(panel);
    await waitSaved(panel);
    await panel.getByRole('button', { name: 'Insert brief' }).click();
    await pollText(panel.getByTestId('brief-outcome')).toContain('Inserted into the Pipedrive note box');
    const composer = page.getByRole('textbox', { name: 'Activity note' });
    await expect(page.getByLabel('Note', { exact: true }).inputValue()).resolves.toBe('');
    await fixture(page, 'addNote', await composer.innerText());
    await pollText(panel.getByTestId('incoming-brief')).toContain('Incoming handoff · Sales → Onboarding');
    await pollText(panel.getByTestId('incoming-status')).toBe('Complete: 6 of 6 required');
    await page.close();
  });

  it('reads briefs from HubSpot timeline notes in both generations of their markup', async () => {
    const page = await openPage(session, 'https://app.hubspot.com/contacts/4455/record/0-3/7005');
    const deal: RecordRef = { host: 'hubspot', objectType: 'deal', recordId: '7005' };
    await fixture(page, 'addNote', briefText({ ...VALUES, timeline: 'Live by 1 March' }, '2026-11-20T10:00:00Z', deal), true);
    await fixture(page, 'addNote', briefText(VALUES, '2026-11-26T14:03:00Z', deal));
    const incoming = (await panelFrame(page)).getByTestId('incoming-brief');
    await pollText(incoming).toContain('Incoming handoff · Sales → Onboarding');
    await expect.poll(() => incoming.locator('.incoming__field--changed').count(), { timeout: 4000 }).toBe(1);
    await expect(incoming.locator('.incoming__field--changed dd').innerText()).resolves.toBe('Live by 15 March');
    await page.close();
  });

  it('reads each Salesforce Chatter post once, though .feedBodyInner sits inside .cuf-feedBodyText', async () => {
    const page = await openPage(session, 'https://acme.lightning.force.com/lightning/r/Opportunity/0065g00000AbCdEAAZ/view');
    const opportunity: RecordRef = { host: 'salesforce', objectType: 'opportunity', recordId: '0065g00000AbCdE' };
    await fixture(page, 'addFeedItem', briefText({ ...VALUES, timeline: 'Live by 1 March' }, '2026-11-20T10:00:00Z', opportunity));
    await fixture(page, 'addFeedItem', briefText(VALUES, '2026-11-26T14:03:00Z', opportunity));
    const incoming = (await panelFrame(page)).getByTestId('incoming-brief');
    await pollText(incoming).toContain('Incoming handoff · Sales → Onboarding');
    // Read twice, the newest brief would be compared with its own copy: nothing would show as changed.
    await expect.poll(() => incoming.locator('.incoming__field--changed').count(), { timeout: 4000 }).toBe(1);
    await page.close();
  });
});

// A co-worker can write anything into a record's notes (issue 13, item 4).
describe('notes written to mislead', () => {
  const FORGED = { ...VALUES, nextOwner: 'mallory@example.com' };

  it('shows only briefs for this record and not from the future; the newest genuine one wins', async () => {
    const page = await openPage(session, 'https://app.clickup.com/t/868forg01');
    // Written first, so any read that holds the genuine brief holds these too.
    await fixture(page, 'addComment', briefText(FORGED, '2031-01-01T00:00:00Z', task('868other9'), 'Mallory'), 'Mallory');
    await fixture(page, 'addComment', briefText(FORGED, '2031-01-01T00:00:00Z', task('868forg01'), 'Mallory'), 'Mallory');
    await fixture(page, 'addComment', briefText({ ...VALUES, timeline: 'Live by 1 March' }, '2026-11-26T14:03:00Z', task('868forg01')), 'Maria Lopez');
    const panel = await panelFrame(page);
    const incoming = panel.getByTestId('incoming-brief');
    await pollText(incoming).toContain('From Maria Lopez');
    await expect(incoming.innerText()).resolves.not.toContain('mallory');
    await fixture(page, 'addComment', briefText(VALUES, '2026-11-27T09:00:00Z', task('868forg01')), 'Maria Lopez');
    await expect.poll(() => incoming.locator('.incoming__field--changed').count(), { timeout: 4000 }).toBe(1);
    await expect(incoming.locator('.incoming__field--changed dd').innerText()).resolves.toBe('Live by 15 March');
    await expect(incoming.locator('[data-field="nextOwner"] dd').innerText()).resolves.toBe('dana@example.com');
    await page.close();
  });

  it('shows no answer from a receipt written for another record', async () => {
    const page = await openPage(session, 'https://app.clickup.com/t/868forg02');
    const receipt = (record: RecordRef, by: string) => renderReceipt({ template: salesToOnboarding, record, decision: 'accepted', by, checked: [], at: new Date('2026-11-28T09:00:00Z') });
    await fixture(page, 'addComment', receipt(task('868other9'), 'Mallory'), 'Mallory');
    await fixture(page, 'addComment', briefText(VALUES, '2026-11-26T14:03:00Z', task('868forg02')), 'Maria Lopez');
    const panel = await panelFrame(page);
    await pollText(panel.getByTestId('incoming-brief')).toContain('From Maria Lopez');
    await expect(panel.getByTestId('answer-seen').count()).resolves.toBe(0);
    await fixture(page, 'addComment', receipt(task('868forg02'), 'Dana Kim'), 'Dana Kim');
    await pollText(panel.getByTestId('answer-seen')).toContain('Accepted by Dana Kim');
    await page.close();
  });
});
