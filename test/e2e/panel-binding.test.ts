import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { HUBSPOT, launch, panelFrame, SALESFORCE, storedRows, storedValues, type Session } from './harness';
import { openPage } from './pages';
import { COMPLETE_HANDOFF, fillChecklist, mouseDrag, moveDialog, waitSaved } from './panel-helpers';

// The panel shows the record its own tab shows, and only inside Baton's own dock: not the
// record a script on the page points it at, not inside a frame someone else made.

let session: Session;
beforeAll(async () => {
  session = await launch([HUBSPOT, SALESFORCE]);
});
afterAll(() => session.dispose());

const OPPORTUNITY = '0065g00000BindA';
const OPPORTUNITY_URL = `https://acme.lightning.force.com/lightning/r/Opportunity/${OPPORTUNITY}/view`;
const DEAL_URL = (id: string) => `https://app.hubspot.com/contacts/4455/record/0-3/${id}`;
const SECRET = 'Secret goals of the Salesforce opportunity';
const hubspotComposer = (page: Page) => page.getByRole('textbox', { name: 'Log activity' });

/**
 * A panel address that names another record, as a page would forge it had it learnt today's
 * address (use_dynamic_url) some other way: the page itself can no longer read it (the frame
 * sits in a closed shadow root), so the test asks Baton's own page for it.
 */
async function forgedAddress(panel: Frame, record: Record<string, string>, search = ''): Promise<string> {
  const forged = new URL(await panel.evaluate(() => (globalThis as unknown as { chrome: { runtime: { getURL(path: string): string } } }).chrome.runtime.getURL('/panel.html')));
  forged.search = search;
  forged.hash = new URLSearchParams(record).toString();
  return forged.href;
}

/** Every frame of the page showing panel.html, whoever made it. */
function panelFrames(page: Page): Frame[] {
  return page.frames().filter((frame) => frame.url().includes('/panel.html'));
}

/** A frame that must show nothing of Baton's drafts: the refusal, no field, no draft text. */
async function expectsNothing(frame: Frame): Promise<void> {
  await expect.poll(() => frame.locator('body').innerText().catch(() => ''), { timeout: 8000 }).toContain('only opens inside HubSpot');
  expect(await frame.locator('textarea, input, button').count()).toBe(0);
  expect(await frame.locator('body').innerText()).not.toContain(SECRET);
}

beforeAll(async () => {
  // A complete checklist on the Salesforce opportunity, typed where it belongs.
  const page = await openPage(session, OPPORTUNITY_URL);
  const panel = await panelFrame(page);
  await fillChecklist(panel, { ...COMPLETE_HANDOFF, 'Client goals': SECRET });
  await waitSaved(panel);
  await page.close();
});

describe('the panel is bound to its tab', () => {
  it('gives a page script no frame to point at another record, and the panel shows, saves and sends only its own', async () => {
    const page = await openPage(session, DEAL_URL('8101'));
    const panel = await panelFrame(page);
    await panel.getByLabel('Client goals').waitFor();
    const evil = await forgedAddress(panel, {
      host: 'salesforce',
      objectType: 'opportunity',
      recordId: OPPORTUNITY,
      guard: 'active',
      guardControl: 'x',
      title: 'Planted title',
      url: 'https://evil.example/phish',
    });
    // Before issue 21 the page rewrote the frame's src through the dock's open shadow root.
    // Everything a page script has to reach a frame with: its element (in the document or the
    // dock's open root) and its window (window.frames, which a parent may navigate cross-origin).
    const reached = await page.evaluate((src) => {
      const openRoot = document.querySelector('baton-dock')!.shadowRoot!;
      const elements = [...document.querySelectorAll('iframe'), ...openRoot.querySelectorAll('iframe')];
      for (const element of elements) element.src = src;
      for (let index = 0; index < window.length; index += 1) window.frames[index]!.location.href = src;
      return { elements: elements.length, windows: window.length };
    }, evil);
    expect(reached).toEqual({ elements: 0, windows: 0 });
    // Give the panel every chance to follow a new address.
    await page.waitForTimeout(1500);
    const shown = await panelFrame(page);
    expect(shown).toBe(panel);
    expect(shown.url()).not.toContain(OPPORTUNITY);
    expect(await shown.locator('body').innerText()).not.toContain(SECRET);
    expect(await shown.getByLabel('Client goals').inputValue()).not.toBe(SECRET);

    const insert = shown.getByRole('button', { name: 'Insert brief' });
    if ((await insert.count()) > 0) await insert.click();
    await page.waitForTimeout(500);
    expect(await hubspotComposer(page).innerText()).not.toContain(SECRET);

    await shown.getByLabel('Client goals').fill('Typed on the HubSpot deal');
    await waitSaved(shown);
    expect((await storedValues(session, OPPORTUNITY)).clientGoals).toBe(SECRET);
    expect((await storedRows(session)).find((row) => row.recordId === OPPORTUNITY)).toMatchObject({ recordUrl: OPPORTUNITY_URL });
    expect((await storedValues(session, '8101')).clientGoals).toBe('Typed on the HubSpot deal');
    await page.close();
  });

  it('shows the tab’s own record again when the panel’s frame is loaded at another address', async () => {
    const page = await openPage(session, DEAL_URL('8102'));
    const panel = await panelFrame(page);
    await panel.getByLabel('Client goals').fill('Deal 8102 goals');
    await waitSaved(panel);
    // No page script can do this any more (see above): the test reaches the frame's element
    // through the browser's own tools and rewrites its address as a page once could, so the
    // binding behind the closed root (the frame is told its record through the worker, never
    // by its address) is still held to account.
    const evil = await forgedAddress(panel, { host: 'salesforce', objectType: 'opportunity', recordId: OPPORTUNITY, guard: 'active', guardControl: 'x' }, '?reload');
    await (await panel.frameElement()).evaluate((frame, src) => ((frame as HTMLIFrameElement).src = src), evil);
    await expect.poll(() => panelFrames(page)[0]?.url() ?? '').toContain('?reload');
    const reloaded = await panelFrame(page);
    await expect.poll(() => reloaded.getByLabel('Client goals').inputValue().catch(() => ''), { timeout: 8000 }).toBe('Deal 8102 goals');
    expect(await reloaded.locator('body').innerText()).not.toContain(SECRET);
    await page.close();
  });

  it('reloads the panel with the tab’s own record when the page takes the frame out of the dock', async () => {
    const page = await openPage(session, DEAL_URL('8104'));
    const panel = await panelFrame(page);
    await panel.getByLabel('Client goals').fill('Deal 8104 goals');
    await waitSaved(panel);
    // What the page can reach: the holder of the closed root, in the dock's open root. Moved
    // into the page's own document, it is put back, and its frame loads afresh.
    const moved = await page.evaluate(() => {
      const holder = document.querySelector('baton-dock')!.shadowRoot!.querySelector('baton-frame')!;
      document.body.append(holder);
      return holder.parentNode === document.body;
    });
    expect(moved).toBe(true);
    await expect.poll(() => page.evaluate(() => document.body.querySelector(':scope > baton-frame') === null)).toBe(true);
    const reloaded = await panelFrame(page);
    await expect.poll(() => reloaded.getByLabel('Client goals').inputValue().catch(() => ''), { timeout: 8000 }).toBe('Deal 8104 goals');
    expect(await reloaded.locator('body').innerText()).not.toContain(SECRET);
    await page.close();
  });

  it('keeps the move dialog on the dragged card when the page rewrites the dialog’s address to a complete record', async () => {
    const page = await openPage(session, 'https://app.hubspot.com/contacts/4455/objects/0-3/views/all/board?pipeline=default');
    const card = page.locator('[data-test-id="cdb-card"][data-selenium-id="1003"]');
    await page.locator('baton-badge').first().waitFor();
    await mouseDrag(page, card, page.locator('[data-test-id="cdb-column"]').filter({ hasText: 'Closed won' }).first());
    const dialog = await moveDialog(page);
    await expect(dialog.getByTestId('complete-move').isDisabled()).resolves.toBe(true);
    await page.evaluate((recordId) => {
      const frame = document.querySelector('baton-move-dialog')!.shadowRoot!.querySelector('iframe')!;
      const url = new URL(frame.src);
      url.hash = new URLSearchParams({ host: 'salesforce', objectType: 'opportunity', recordId, guard: 'active', guardControl: '', blockedStage: 'Closed won', attempt: '1', dialog: '1' }).toString();
      frame.src = url.href;
    }, OPPORTUNITY);
    await page.waitForTimeout(1500);
    // Still the card's missing fields, and no way to make the move for it.
    await expect(dialog.getByTestId('complete-move').isDisabled()).resolves.toBe(true);
    expect(await dialog.locator('.field').count()).toBeGreaterThan(0);
    await page.close();
  });
});

describe('only Baton’s dock may frame the panel', () => {
  it('shows nothing in a third-party frame inside a host page, nor in a frame the page makes itself', async () => {
    const page = await openPage(session, DEAL_URL('8103'));
    const dock = await panelFrame(page);
    await dock.getByLabel('Client goals').waitFor();
    const forged = { href: await forgedAddress(dock, { host: 'salesforce', objectType: 'opportunity', recordId: OPPORTUNITY, guard: 'active', guardControl: 'x' }) };
    await session.context.route('https://widget.example/**', (route) =>
      route.fulfill({ contentType: 'text/html', body: `<iframe id="inner" src="${forged.href}"></iframe>` }),
    );
    await page.evaluate((own) => {
      const widget = document.createElement('iframe');
      widget.src = 'https://widget.example/chat';
      const direct = document.createElement('iframe');
      direct.src = own;
      document.body.append(widget, direct);
    }, forged.href);
    await expect.poll(() => panelFrames(page).length, { timeout: 8000 }).toBe(3);
    // The dock's frame is the one that was there before the page added its own.
    const others = panelFrames(page).filter((frame) => frame !== dock);
    expect(others).toHaveLength(2);
    for (const frame of others) await expectsNothing(frame);
    await page.close();
  });
});

describe('links on Baton’s pages', () => {
  it('links a record on the handoffs page only to a host app page, whatever an imported file says', async () => {
    const page = await session.context.newPage();
    await page.goto(`chrome-extension://${session.extensionId}/handoffs.html`);
    await page.getByTestId('handoff-table').waitFor();
    const at = Date.now() - 3600_000;
    const handoff = (recordId: string, recordUrl: string) => ({
      host: 'hubspot', objectType: 'deal', recordId, templateId: 'sales-to-onboarding', templateVersion: 1,
      values: { clientGoals: 'Imported' }, typedAt: { clientGoals: at }, createdAt: at, updatedAt: at, recordTitle: `Deal ${recordId}`, recordUrl,
    });
    const file = { format: 'baton-handoffs', version: 1, exportedAt: new Date(at).toISOString(), revisions: [],
      handoffs: [handoff('8201', 'https://evil.example/phish'), handoff('8202', DEAL_URL('8202'))] };
    await page.getByLabel('Handoffs file (.json)').setInputFiles({ name: 'links.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const row = (id: string) => page.locator(`[data-handoff-id="hubspot/deal/${id}/sales-to-onboarding"]`);
    await expect.poll(() => row('8202').getByRole('link', { name: 'Deal 8202' }).getAttribute('href').catch(() => ''), { timeout: 8000 }).toBe(DEAL_URL('8202'));
    await expect(row('8201').innerText()).resolves.toContain('Deal 8201');
    expect(await row('8201').getByRole('link').count()).toBe(0);
    await page.close();
  });
});
