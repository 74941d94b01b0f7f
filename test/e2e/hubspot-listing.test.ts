import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { HUBSPOT, launch, panelFrame, type Session } from './harness';
import { fixture, openPage } from './pages';
import { COMPLETE_HANDOFF, mouseDrag, moveDialog, pollText, waitSaved } from './panel-helpers';
import { seedDraft } from './seed';

// HubSpot as it renders today (host-apps.md, "Corrections"): board cards whose deal id sits on
// the draggable wrapper, list rows named `row-<id>` with `cell-…` cells and an inline stage edit
// that saves on the option's click, and the record title. The fixtures' `?fixture=current` mode.

const BOARD = 'https://app.hubspot.com/contacts/4455/objects/0-3/views/all/board?pipeline=default&fixture=current';
const LIST = 'https://app.hubspot.com/contacts/4455/objects/0-3/views/all/list?fixture=current';

let session: Session;
beforeAll(async () => {
  session = await launch([HUBSPOT]);
  const deal = (recordId: string) => ({ host: 'hubspot' as const, objectType: 'deal', recordId });
  await seedDraft(session, deal('1001'), COMPLETE_HANDOFF);
  await seedDraft(session, deal('1002'), { 'Client goals': 'Renewal at +10%', 'Decision maker': 'Ann Lee, CFO' });
  await seedDraft(session, deal('1010'), { 'Client goals': 'Pilot first' });
});
afterAll(() => session.dispose());

type Commit = { id: string; stage: string; via: string };
const commits = (page: Page) => fixture<Commit[]>(page, 'commits');
/** The badge's state, or null while there is none (asked briefly: expect.poll asks again). */
const badgeState = (item: Locator) => item.locator('baton-badge').getAttribute('data-state', { timeout: 500 }).catch(() => null);
/** Badges wait for the worker's answer, which a loaded machine can take seconds to give. */
const BADGE_WAIT = { timeout: 8000 };
const noDialog = (page: Page) => expect.poll(() => page.locator('baton-move-dialog').count()).toBe(0);

/** Fills what the dialog asks for, then lets it make the move. */
async function completeInDialog(page: Page) {
  const dialog = await moveDialog(page);
  await dialog.locator('.field').first().waitFor();
  for (const [label, value] of Object.entries(COMPLETE_HANDOFF)) {
    const input = dialog.getByLabel(label, { exact: false });
    if ((await input.count()) > 0) await input.first().fill(value);
  }
  await waitSaved(dialog);
  await dialog.getByTestId('complete-move').click();
}

describe('HubSpot board, current markup (cdbc-card; the id on the draggable wrapper)', () => {
  const card = (page: Page, id: string) => page.locator(`[data-test-id="cdb-column-item"][data-selenium-id="${id}"]`);
  const column = (page: Page, stage: string) => page.locator('[data-test-id="cdb-column"]').filter({ hasText: stage }).first();
  const dragState = (page: Page) => fixture<string>(page, 'dragState');

  const dragCard = (page: Page, id: string, stage: string) => mouseDrag(page, card(page, id), column(page, stage));

  it('badges every card: complete, N of M, not started', async () => {
    const page = await openPage(session, BOARD);
    await expect.poll(() => badgeState(card(page, '1001')), BADGE_WAIT).toBe('complete');
    await expect(badgeState(card(page, '1002'))).resolves.toBe('partial');
    await expect(card(page, '1002').locator('baton-badge').evaluate((badge) => badge.shadowRoot!.textContent)).resolves.toContain('2 of 6');
    await expect(badgeState(card(page, '1003'))).resolves.toBe('not-started');
    await expect.poll(() => page.locator('baton-badge').count()).toBe(await page.locator('[data-test-id="cdbc-card"]').count());
    expect(await fixture(page, 'xss')).toBeUndefined();
    await page.close();
  });

  it('refuses a mouse drag of an incomplete deal into Closed won, then makes the move from the dialog', async () => {
    const page = await openPage(session, BOARD);
    await expect.poll(() => badgeState(card(page, '1002')), BADGE_WAIT).toBe('partial');
    await dragCard(page, '1002', 'Closed won');
    const dialog = await moveDialog(page);
    // The card's title, not all its text (the newer title is no link).
    await pollText(dialog.locator('#dialog-title')).toBe('Before “Globex renewal” moves to “Closed won”');
    expect(await commits(page)).toEqual([]);
    await expect.poll(() => dragState(page)).toBe('idle');
    expect(await fixture(page, 'stage', '1002')).toBe('Presentation scheduled');
    await completeInDialog(page);
    await expect.poll(() => commits(page), { timeout: 5000 }).toEqual([{ id: '1002', stage: 'Closed won', via: 'board-keyboard' }]);
    await noDialog(page);
    await page.close();
  });

  it('refuses a keyboard drag (Space, arrow, Space) of an incomplete deal into Closed won', async () => {
    const page = await openPage(session, BOARD);
    await expect.poll(() => badgeState(card(page, '1012')), BADGE_WAIT).toBe('not-started');
    await card(page, '1012').focus();
    await page.keyboard.press('Space');
    await page.waitForTimeout(200);
    await page.keyboard.press('ArrowRight'); // Contract sent -> Closed won
    await page.waitForTimeout(300);
    await page.keyboard.press('Space');
    const dialog = await moveDialog(page);
    await expect.poll(() => dragState(page)).toBe('idle');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await noDialog(page);
    expect(await commits(page)).toEqual([]);
    expect(await fixture(page, 'stage', '1012')).toBe('Contract sent');
    await page.close();
  });

  it('lets a complete deal into Closed won, and any deal into a stage that is not gated', async () => {
    const page = await openPage(session, BOARD);
    await expect.poll(() => badgeState(card(page, '1001')), BADGE_WAIT).toBe('complete');
    await dragCard(page, '1001', 'Closed won');
    await expect.poll(() => commits(page)).toEqual([{ id: '1001', stage: 'Closed won', via: 'board-mouse' }]);
    await expect.poll(() => dragState(page)).toBe('idle');
    await dragCard(page, '1003', 'Closed lost');
    await expect.poll(() => commits(page)).toHaveLength(2);
    expect(page.frames().some((frame) => frame.url().includes('dialog=1'))).toBe(false);
    await page.close();
  });
});

describe('HubSpot list, current markup (row-<id>, cell-<row>-<col>-<property>-<id>)', () => {
  const row = (page: Page, id: string) => page.locator(`tr[data-test-id="row-${id}"]`);
  const stageEdit = (page: Page, id: string) => row(page, id).locator('[data-test-id="table-inline-edit-button"]');
  const option = (page: Page, stage: string) => page.locator('[role="option"]').filter({ hasText: stage });

  it('badges every row in its name cell, rows added later, and the rows of a virtual list as it scrolls', async () => {
    const page = await openPage(session, LIST);
    await expect.poll(() => badgeState(row(page, '1001')), BADGE_WAIT).toBe('complete');
    await expect(row(page, '1001').locator('td[data-table-external-id*="-dealname-"] baton-badge').count()).resolves.toBe(1);
    await expect(badgeState(row(page, '1010'))).resolves.toBe('partial');
    const added = await fixture<string[]>(page, 'addRows', 20);
    await expect.poll(() => badgeState(row(page, added.at(-1)!)), BADGE_WAIT).toBe('not-started');
    await expect(page.locator('tr baton-badge').count()).resolves.toBe(await page.locator('tr[data-test-id^="row-"]').count());
    expect(await fixture(page, 'xss')).toBeUndefined();
    // A row drawn where Baton's observed region does not reach (inside the toolbar, beside the
    // table's ancestors): no mutation reaches Baton, the rescan finds it.
    await page.evaluate(() => {
      const table = document.createElement('table');
      table.innerHTML = '<tbody><tr data-test-id="row-1099"><td data-column-index="0"><a href="/contacts/4455/record/0-3/1099">Elsewhere</a></td></tr></tbody>';
      document.querySelector('[data-test-id="record-count"]')!.parentElement!.append(table);
    });
    await expect.poll(() => badgeState(row(page, '1099')), BADGE_WAIT).toBe('not-started');
    await page.goto(`${LIST},virtual`);
    await expect.poll(() => badgeState(row(page, '1010')), BADGE_WAIT).toBe('partial');
    await fixture(page, 'scrollToIndex', 600);
    await expect.poll(async () => {
      const ids = await fixture<string[]>(page, 'renderedIds');
      const badged = await page.locator('tr[data-test-id^="row-"] baton-badge').evaluateAll((all) => all.map((badge) => (badge as HTMLElement).dataset.recordId));
      return ids.length > 0 && badged.length === ids.length && ids.every((id) => badged.includes(id));
    }, BADGE_WAIT).toBe(true);
    await page.close();
  });

  it('blocks picking Closed won in an incomplete deal’s stage cell before the page sees it; the dialog makes the move', async () => {
    const page = await openPage(session, LIST);
    await expect.poll(() => badgeState(row(page, '1010')), BADGE_WAIT).toBe('partial');
    await stageEdit(page, '1010').click();
    await option(page, 'Closed won').click();
    const dialog = await moveDialog(page);
    await pollText(dialog.locator('#dialog-title')).toContain('Closed won');
    expect(await commits(page)).toEqual([]);
    expect(await fixture(page, 'stage', '1010')).toBe('Presentation scheduled');
    await completeInDialog(page);
    await expect.poll(() => commits(page), { timeout: 5000 }).toEqual([{ id: '1010', stage: 'Closed won', via: 'list-cell' }]);
    await noDialog(page);
    await expect.poll(() => badgeState(row(page, '1010')), BADGE_WAIT).toBe('complete');
    await page.close();
  });

  it('blocks Enter on the active option (keyboard); Cancel leaves the deal where it was', async () => {
    const page = await openPage(session, LIST);
    await expect.poll(() => badgeState(row(page, '1005')), BADGE_WAIT).toBe('not-started');
    await stageEdit(page, '1005').focus();
    await page.keyboard.press('Enter'); // opens the options, the current stage (Contract sent) active
    await page.locator('[role="listbox"]').waitFor();
    await page.keyboard.press('ArrowDown'); // Closed won
    await page.keyboard.press('Enter');
    const dialog = await moveDialog(page);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await noDialog(page);
    expect(await commits(page)).toEqual([]);
    expect(await fixture(page, 'stage', '1005')).toBe('Contract sent');
    await page.close();
  });

  it('fails closed: a row whose checklist has not loaded yet cannot be moved at all', async () => {
    const page = await openPage(session, LIST);
    await expect.poll(() => badgeState(row(page, '1001')), BADGE_WAIT).toBe('complete');
    // A row drawn and edited in the same task: Baton has not read its checklist yet.
    const id = await page.evaluate(() => {
      const api = (window as unknown as { __fixture: { addRows(n: number): string[] } }).__fixture;
      const [added] = api.addRows(1);
      document.querySelector<HTMLElement>(`tr[data-test-id="row-${added}"] [data-test-id="table-inline-edit-button"]`)!.click();
      [...document.querySelectorAll<HTMLElement>('[role="option"]')].find((element) => element.textContent === 'Qualified to buy')!.click();
      return added!;
    });
    await moveDialog(page);
    expect(await commits(page)).toEqual([]);
    expect(await fixture(page, 'stage', id)).not.toBe('Qualified to buy');
    await page.close();
  });

  it('lets a complete deal into Closed won, and any deal into a stage that is not gated', async () => {
    const page = await openPage(session, LIST);
    await expect.poll(() => badgeState(row(page, '1001')), BADGE_WAIT).toBe('complete');
    await stageEdit(page, '1001').click();
    await option(page, 'Closed won').click();
    await stageEdit(page, '1003').click();
    await option(page, 'Closed lost').click();
    await expect.poll(() => commits(page)).toEqual([
      { id: '1001', stage: 'Closed won', via: 'list-cell' },
      { id: '1003', stage: 'Closed lost', via: 'list-cell' },
    ]);
    expect(page.frames().some((frame) => frame.url().includes('dialog=1'))).toBe(false);
    await page.close();
  });
});

describe('HubSpot record, current markup', () => {
  it('names the deal from highlight-record-label', async () => {
    const page = await openPage(session, 'https://app.hubspot.com/contacts/4455/record/0-3/1001?fixture=current');
    const panel = await panelFrame(page);
    await expect.poll(() => panel.locator('.panel__record').textContent({ timeout: 500 }).catch(() => null), { timeout: 8000 }).toBe('Acme Corp - Annual plan');
    await page.close();
  });
});
