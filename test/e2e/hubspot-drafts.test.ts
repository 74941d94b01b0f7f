import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { HUBSPOT, launch, panelFrame, reloadExtension, serviceWorker, stopServiceWorker, storedValues, type Session } from './harness';
import { pollText, waitSaved } from './panel-helpers';

// "Nothing typed is ever lost": drafts against reloads, closed tabs, a stopped worker, a
// browser restart and an extension reload, all on the production build.

let session: Session;
beforeAll(async () => {
  session = await launch([HUBSPOT]);
});
afterAll(() => session.dispose());

const dealUrl = (id: string) => `https://app.hubspot.com/contacts/4455/record/0-3/${id}`;

async function openDeal(id: string): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(dealUrl(id));
  return page;
}

async function clientGoals(page: Page): Promise<string> {
  return (await panelFrame(page)).getByLabel('Client goals').inputValue();
}

describe('HubSpot drafts', () => {
  it('makes every keystroke durable within 300 ms, and keeps it across a reload', async () => {
    const page = await openDeal('3001');
    const panel = await panelFrame(page);
    await panel.getByLabel('Client goals').pressSequentially('Grow revenue', { delay: 20 });
    await page.waitForTimeout(300);
    expect(await storedValues(session, '3001')).toEqual({ clientGoals: 'Grow revenue' });
    await page.reload();
    await expect.poll(() => clientGoals(page)).toBe('Grow revenue');
    await page.close();
  });

  it('keeps what was typed when the tab is closed right after typing', async () => {
    const page = await openDeal('3002');
    const panel = await panelFrame(page);
    await panel.getByLabel('Decision maker').pressSequentially('Jane Doe, COO');
    await page.close(); // no wait at all
    const again = await openDeal('3002');
    await expect.poll(async () => (await panelFrame(again)).getByLabel('Decision maker').inputValue()).toBe('Jane Doe, COO');
    await again.close();
  });

  it('saves through a service worker that was stopped in between', async () => {
    const page = await openDeal('3003');
    const panel = await panelFrame(page);
    await panel.getByLabel('Client goals').fill('Before the stop');
    await waitSaved(panel);
    // A mark in the running worker's memory: a worker that was really stopped has lost it.
    await (await serviceWorker(session)).evaluate(() => Object.assign(globalThis, { beforeStop: true }));
    await stopServiceWorker(session, page);
    await panel.getByLabel('Client goals').fill('After the stop');
    await page.waitForTimeout(300);
    await waitSaved(panel);
    expect(await storedValues(session, '3003')).toEqual({ clientGoals: 'After the stop' });
    const worker = await serviceWorker(session);
    expect(await worker.evaluate(() => 'beforeStop' in globalThis)).toBe(false);
    await page.close();
  });

  it('says plainly when a value is too long to store, and keeps the text in the field', async () => {
    const page = await openDeal('3006');
    const panel = await panelFrame(page);
    await panel.getByLabel('Client goals').fill('Short goals');
    await waitSaved(panel);
    const huge = 'x'.repeat(60_000);
    await panel.getByLabel('Client goals').fill(huge);
    await pollText(panel.getByTestId('save-status')).toContain('Client goals is too long to save: 60,000 characters, at most 50,000');
    expect(await panel.getByLabel('Client goals').inputValue()).toHaveLength(60_000);
    expect(await storedValues(session, '3006')).toEqual({ clientGoals: 'Short goals' });
    await panel.getByLabel('Client goals').fill('Shorter again');
    await waitSaved(panel);
    expect(await storedValues(session, '3006')).toEqual({ clientGoals: 'Shorter again' });
    await page.close();
  });

  it('saves drafts of a record whose name is longer than Baton keeps (it keeps the start)', async () => {
    const page = await openDeal('3007');
    await page.evaluate(() => {
      document.querySelector('[data-selenium-test="highlightTitle"]')!.textContent = `Acme ${'very '.repeat(80)}long deal`;
    });
    const panel = await panelFrame(page);
    await expect.poll(() => panel.locator('.panel__record').innerText()).toMatch(/^Acme very .*…$/);
    await panel.getByLabel('Client goals').fill('Still saved');
    await waitSaved(panel);
    expect(await storedValues(session, '3007')).toEqual({ clientGoals: 'Still saved' });
    await page.close();
  });

  it('shows no draft to another site that frames the panel', async () => {
    // Its address changes every session (use_dynamic_url); this site learnt today's somehow.
    const panelUrl = await (await serviceWorker(session)).evaluate(() => (globalThis as unknown as { chrome: { runtime: { getURL(path: string): string } } }).chrome.runtime.getURL('/panel.html'));
    await session.context.route('https://evil.example/**', (route) =>
      route.fulfill({ contentType: 'text/html', body: `<iframe src="${panelUrl}#host=hubspot&objectType=deal&recordId=3001&guard=active&guardControl=x"></iframe>` }),
    );
    const page = await session.context.newPage();
    await page.goto('https://evil.example/');
    await expect.poll(() => page.frames().find((frame) => frame.url().includes('panel.html'))?.locator('body').innerText().catch(() => '')).toContain('only opens inside HubSpot');
    expect(await page.frames().find((frame) => frame.url().includes('panel.html'))!.locator('textarea, input').count()).toBe(0);
    await page.close();
  });

  it('keeps nothing of ours in the host site’s IndexedDB', async () => {
    const page = await openDeal('3004');
    const panel = await panelFrame(page);
    await panel.getByLabel('Client goals').fill('Private to Baton');
    await waitSaved(panel);
    expect(await page.evaluate(() => indexedDB.databases())).toEqual([]);
    await page.close();
  });

  it('hands an open tab to the new script when the extension is updated: one dock, the draft intact, still guarded', async () => {
    const page = await openDeal('3005');
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(`${error.message} ${error.stack?.split('\n')[1]?.trim() ?? ''}`));
    // Where each error came from (a content script, the panel's frame), should one appear.
    page.on('console', (message) => message.type() === 'error' && errors.push(`${message.text()} at ${message.location().url}`));
    const panel = await panelFrame(page);
    await panel.getByLabel('Client goals').fill('Survives an update');
    await waitSaved(panel);

    await reloadExtension(session);
    // The worker puts the new script into the open tab, whose dock replaces the old one.
    await expect.poll(() => panel.isDetached(), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => clientGoals(page).catch(() => ''), { timeout: 10_000 }).toBe('Survives an update');
    await expect.poll(() => page.locator('baton-dock').count(), { timeout: 5000 }).toBe(1);
    await pollText((await panelFrame(page)).getByTestId('completeness-badge')).toBe('1 of 6 required');
    await page.locator('[data-test-id="highlight-property-item-dealstage"] button').nth(1).click();
    await page.getByRole('option', { name: 'Closed won', exact: true }).click();
    expect(await page.evaluate(() => (window as unknown as { __fixture: { commits: unknown[] } }).__fixture.commits)).toEqual([]);

    await page.reload();
    await expect.poll(() => clientGoals(page), { timeout: 10_000 }).toBe('Survives an update');
    await expect(page.locator('baton-dock').count()).resolves.toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('HubSpot drafts across a browser restart', () => {
  it('shows the same text after the browser is closed and started again', async () => {
    const first = await launch([HUBSPOT]);
    const page = await first.context.newPage();
    await page.goto(dealUrl('3100'));
    const panel = await panelFrame(page);
    await panel.getByLabel('Objections and risks').fill('Budget review in Q2');
    await waitSaved(panel);
    await first.close();

    const second = await launch([HUBSPOT], first.userDataDir);
    try {
      const again = await second.context.newPage();
      await again.goto(dealUrl('3100'));
      await expect.poll(async () => (await panelFrame(again)).getByLabel('Objections and risks').inputValue()).toBe('Budget review in Q2');
    } finally {
      await second.dispose();
    }
  });
});
