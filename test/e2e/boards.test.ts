import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { browser } from 'wxt/browser';
import { CLICKUP, HUBSPOT, launch, PIPEDRIVE, SALESFORCE, type Session } from './harness';
import { fixture, openPage } from './pages';
import { COMPLETE_HANDOFF, fillChecklist, mouseDrag, moveDialog, pollText, waitSaved } from './panel-helpers';
import { seedDraft } from './seed';

// Boards built on the apps' own drag libraries (react-beautiful-dnd, react-dnd with the HTML5
// backend, an Angular CDK-style pointer drag, the Salesforce kanban), served at real URLs.

let session: Session;
beforeAll(async () => {
  session = await launch([HUBSPOT, PIPEDRIVE, CLICKUP, SALESFORCE]);
  await seedDraft(session, { host: 'hubspot', objectType: 'deal', recordId: '1001' }, COMPLETE_HANDOFF);
  await seedDraft(session, { host: 'hubspot', objectType: 'deal', recordId: '1002' }, { 'Client goals': 'Renewal at +10%', 'Decision maker': 'Ann Lee, CFO' });
  await seedDraft(session, { host: 'hubspot', objectType: 'deal', recordId: '1010' }, { 'Client goals': 'Pilot first' });
  await seedDraft(session, { host: 'clickup', objectType: 'task', recordId: '868a6gkvn' }, { 'Client goals': 'Faster onboarding' }, 'Sales → Onboarding');
});
afterAll(() => session.dispose());

const HUBSPOT_BOARD = 'https://app.hubspot.com/contacts/4455/objects/0-3/views/all/board?pipeline=default';
const commits = (page: Page) => fixture<{ id: string; stage: string; via: string }[]>(page, 'commits');
const dragState = (page: Page) => fixture<string>(page, 'dragState');
const badgeOf = (item: Locator) => item.locator('baton-badge');

describe('HubSpot board (react-beautiful-dnd)', () => {
  const card = (page: Page, id: string) => page.locator(`[data-test-id="cdb-card"][data-selenium-id="${id}"]`);
  const column = (page: Page, stage: string) => page.locator('[data-test-id="cdb-column"]').filter({ hasText: stage }).first();

  it('badges every card once: complete, N of M, not started, with the missing fields as tooltip', async () => {
    const page = await openPage(session, HUBSPOT_BOARD);
    await expect.poll(() => badgeOf(card(page, '1001')).getAttribute('data-state')).toBe('complete');
    await expect(badgeOf(card(page, '1002')).getAttribute('data-state')).resolves.toBe('partial');
    await expect(badgeOf(card(page, '1002')).evaluate((badge) => badge.shadowRoot!.textContent)).resolves.toContain('2 of 6');
    await expect(badgeOf(card(page, '1002')).getAttribute('title')).resolves.toBe('Missing: Scope and deliverables, Promised timeline, Objections and risks, Next owner');
    await expect(badgeOf(card(page, '1003')).getAttribute('data-state')).resolves.toBe('not-started');
    await expect(badgeOf(card(page, '1003')).getAttribute('aria-label')).resolves.toBe('Handoff checklist not started: 0 of 6 required');
    const cards = await page.locator('[data-test-id="cdb-card"]').count();
    await fixture(page, 'rerender');
    const added = await fixture<string[]>(page, 'addCards', 'Contract sent', 3);
    await expect.poll(() => page.locator('baton-badge').count()).toBe(cards + added.length);
    await expect.poll(() => badgeOf(card(page, added[0]!)).getAttribute('data-state')).toBe('not-started');
    expect(await fixture(page, 'xss')).toBeUndefined();
    await page.close();
  });

  it('updates a badge when the record is edited in another tab', async () => {
    const page = await openPage(session, HUBSPOT_BOARD);
    await expect.poll(() => badgeOf(card(page, '1004')).getAttribute('data-state')).toBe('not-started');
    await seedDraft(session, { host: 'hubspot', objectType: 'deal', recordId: '1004' }, { 'Client goals': 'Pilot in two regions' });
    await expect.poll(() => badgeOf(card(page, '1004')).getAttribute('data-state')).toBe('partial');
    await page.close();
  });

  it('refuses a mouse drag of an incomplete deal into Closed won, then makes the move from the dialog', async () => {
    const page = await openPage(session, HUBSPOT_BOARD);
    await expect.poll(() => badgeOf(card(page, '1002')).getAttribute('data-state')).toBe('partial');
    await mouseDrag(page, card(page, '1002'), column(page, 'Closed won'));
    const dialog = await moveDialog(page);
    expect(await commits(page)).toEqual([]);
    await expect.poll(() => dragState(page)).toBe('idle');
    expect(await fixture(page, 'stage', '1002')).toBe('Presentation scheduled');
    // Only what is missing is asked for.
    await expect(dialog.locator('.field').count()).resolves.toBe(4);
    await expect(dialog.getByTestId('complete-move').isDisabled()).resolves.toBe(true);
    await fillChecklist(dialog, { 'Scope and deliverables': 'Renewal, 40 seats', 'Promised timeline': 'Signed by 1 Feb', 'Objections and risks': 'Price', 'Next owner': 'dana@example.com' });
    await waitSaved(dialog);
    await dialog.getByTestId('complete-move').click();
    await expect.poll(() => commits(page), { timeout: 5000 }).toEqual([{ id: '1002', stage: 'Closed won', via: 'board-keyboard' }]);
    await expect.poll(() => page.locator('baton-move-dialog').count()).toBe(0);
    await expect.poll(() => dragState(page)).toBe('idle');
    await page.close();
  });

  it('refuses a keyboard drag (Space, arrows, Space); Cancel leaves the card and keeps the draft', async () => {
    const page = await openPage(session, HUBSPOT_BOARD);
    await expect.poll(() => badgeOf(card(page, '1005')).getAttribute('data-state')).toBe('not-started');
    await page.locator('[data-rbd-draggable-id]').filter({ has: card(page, '1005') }).focus();
    await page.keyboard.press('Space');
    await page.waitForTimeout(200);
    await page.keyboard.press('ArrowRight'); // Contract sent -> Closed won
    await page.waitForTimeout(300);
    await page.keyboard.press('Space');
    const dialog = await moveDialog(page);
    expect(await commits(page)).toEqual([]);
    await expect.poll(() => dragState(page)).toBe('idle');
    await dialog.getByLabel('Client goals').fill('Typed, then cancelled');
    await waitSaved(dialog);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => page.locator('baton-move-dialog').count()).toBe(0);
    expect(await commits(page)).toEqual([]);
    expect(await fixture(page, 'stage', '1005')).toBe('Contract sent');
    await expect.poll(() => badgeOf(card(page, '1005')).getAttribute('data-state')).toBe('partial');
    await page.close();
  });

  it('judges where the card lands, not where the pointer is: a card grabbed by its edge', async () => {
    const page = await openPage(session, HUBSPOT_BOARD);
    await expect.poll(() => badgeOf(card(page, '1012')).getAttribute('data-state')).toBe('not-started');
    const box = (await card(page, '1012').boundingBox())!;
    const lost = (await column(page, 'Closed lost').boundingBox())!;
    // Grabbed 6 px from its right edge and let go just inside "Closed lost": the card's centre,
    // where react-beautiful-dnd drops it, is over "Closed won".
    await page.mouse.move(box.x + box.width - 6, box.y + 12);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width, box.y + 16, { steps: 4 });
    await page.mouse.move(lost.x + 8, lost.y + 80, { steps: 20 });
    await page.waitForTimeout(150);
    await page.mouse.up();
    const dialog = await moveDialog(page);
    await pollText(dialog.locator('#dialog-title')).toContain('moves to “Closed won”');
    expect(await commits(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await page.close();
  });

  it('judges the drop through the dragged card and its badge: a short card whose badge covers its centre', async () => {
    const page = await openPage(session, `${HUBSPOT_BOARD}&fixture=short-cards`);
    await expect.poll(() => badgeOf(card(page, '1010')).getAttribute('data-state')).toBe('partial');
    // The setting of the bug: rbd drops where the card's centre is, and there sits the badge.
    const badgeUnderCentre = await card(page, '1010').evaluate((element) => {
      const box = element.getBoundingClientRect();
      const [x, y] = [box.left + box.width / 2, box.top + box.height / 2];
      const badge = element.querySelector('baton-badge')!.getBoundingClientRect();
      return x >= badge.left && x <= badge.right && y >= badge.top && y <= badge.bottom;
    });
    expect(badgeUnderCentre).toBe(true);
    await mouseDrag(page, card(page, '1010'), column(page, 'Closed won'));
    const dialog = await moveDialog(page);
    await pollText(dialog.locator('#dialog-title')).toContain('moves to “Closed won”');
    expect(await commits(page)).toEqual([]);
    await expect.poll(() => dragState(page)).toBe('idle');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await page.close();
  });

  it('draws badges that take the hit-testing of the card they sit in', async () => {
    const page = await openPage(session, `${HUBSPOT_BOARD}&fixture=short-cards`);
    const badge = badgeOf(card(page, '1010'));
    await expect.poll(() => badge.getAttribute('data-state')).toBe('partial');
    const pointerEvents = (element: Locator) => element.evaluate((node) => getComputedStyle(node).pointerEvents);
    await expect(pointerEvents(badge)).resolves.toBe('auto');
    await card(page, '1010').evaluate((node) => ((node as HTMLElement).style.pointerEvents = 'none'));
    await expect(pointerEvents(badge)).resolves.toBe('none');
    await page.close();
  });

  it('keeps one working guard after leaving the board and coming back (SPA)', async () => {
    const page = await openPage(session, HUBSPOT_BOARD);
    await expect.poll(() => badgeOf(card(page, '1015')).getAttribute('data-state')).toBe('not-started');
    await page.evaluate(() => history.pushState({}, '', '/contacts/4455/objects/0-1/views/all/list'));
    await page.evaluate(() => history.pushState({}, '', '/contacts/4455/objects/0-3/views/all/board?pipeline=default'));
    await expect.poll(() => badgeOf(card(page, '1015')).count()).toBe(1);
    await page.waitForTimeout(300);
    await mouseDrag(page, card(page, '1015'), column(page, 'Closed won'));
    const dialog = await moveDialog(page);
    expect(await commits(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => page.locator('baton-move-dialog').count()).toBe(0);
    await page.close();
  });

  it('never touches drags of complete deals or into stages that are not gated', async () => {
    const page = await openPage(session, HUBSPOT_BOARD);
    await expect.poll(() => badgeOf(card(page, '1001')).getAttribute('data-state')).toBe('complete');
    await mouseDrag(page, card(page, '1001'), column(page, 'Closed won'));
    await expect.poll(() => commits(page)).toEqual([{ id: '1001', stage: 'Closed won', via: 'board-mouse' }]);
    await expect.poll(() => dragState(page)).toBe('idle');
    await mouseDrag(page, card(page, '1003'), column(page, 'Closed lost'));
    await expect.poll(() => commits(page)).toHaveLength(2);
    expect(await page.locator('baton-move-dialog').count()).toBe(0);
    await page.close();
  });
});

describe('toolbar icon', () => {
  const toolbarText = async (url: string) => {
    const worker = session.context.serviceWorkers().at(-1)!;
    return worker.evaluate(async (pageUrl) => {
      const { chrome: api } = globalThis as unknown as { chrome: typeof browser };
      const [tab] = await api.tabs.query({ url: pageUrl.split('#')[0] });
      return api.action.getBadgeText({ tabId: tab!.id! });
    }, url);
  };

  it('shows the record’s "filled/required" on a deal, and the count of incomplete records on a board', async () => {
    const deal = await openPage(session, 'https://app.hubspot.com/contacts/4455/record/0-3/1010');
    await expect.poll(() => toolbarText(deal.url())).toBe('1/6');
    await deal.close();
    const board = await openPage(session, HUBSPOT_BOARD);
    await expect.poll(() => board.locator('baton-badge').count()).toBeGreaterThan(10);
    const incomplete = await board.locator('[data-test-id="cdb-card"] baton-badge:not([data-state="complete"])').count();
    await expect.poll(() => toolbarText(board.url())).toBe(String(incomplete));
    await board.close();
  });
});

describe('HubSpot list', () => {
  const row = (page: Page, id: string) => page.locator(`td[data-table-external-id="name-${id}"]`);

  it('badges a row drawn later from what was typed for its record after the list opened', async () => {
    const page = await openPage(session, 'https://app.hubspot.com/contacts/4455/objects/0-3/views/all/list');
    await expect.poll(() => badgeOf(row(page, '1001')).getAttribute('data-state')).toBe('complete');
    // The list learnt its kind as it opened, when 1021 had nothing stored; then it is typed for.
    await seedDraft(session, { host: 'hubspot', objectType: 'deal', recordId: '1021' }, { 'Client goals': 'Typed after the list opened' });
    const [added] = await fixture<string[]>(page, 'addRows', 1);
    expect(added).toBe('1021');
    await expect.poll(() => badgeOf(row(page, '1021')).getAttribute('data-state')).toBe('partial');
    await page.close();
  });

  it('badges rows, rows added later, and rows of a virtual list as it scrolls', async () => {
    const page = await openPage(session, 'https://app.hubspot.com/contacts/4455/objects/0-3/views/all/list');
    await expect.poll(() => badgeOf(row(page, '1001')).getAttribute('data-state')).toBe('complete');
    const added = await fixture<string[]>(page, 'addRows', 50);
    await expect.poll(() => badgeOf(row(page, added.at(-1)!)).getAttribute('data-state')).toBe('not-started');
    await page.goto('https://app.hubspot.com/contacts/4455/objects/0-3/views/all/list?fixture=virtual');
    await expect.poll(() => badgeOf(row(page, '1010')).getAttribute('data-state')).toBe('partial');
    await fixture(page, 'scrollToIndex', 600);
    await expect.poll(async () => {
      const ids = await fixture<string[]>(page, 'renderedIds');
      const badges = await page.locator('td[data-table-external-id^="name-"] baton-badge').evaluateAll((all) => all.map((badge) => (badge as HTMLElement).dataset.recordId));
      return ids.length > 0 && ids.every((id) => badges.includes(id)) && badges.length === ids.length;
    }).toBe(true);
    await page.close();
  });
});

describe('Pipedrive board (react-dnd, HTML5 drag and drop)', () => {
  const BOARD = 'https://acme.pipedrive.com/pipeline/1/user/everyone';
  const tile = (page: Page, id: string) => page.locator(`[data-test="pipeline-deal-tile"][data-test-deal-id="${id}"]`);

  it('refuses a drop of an incomplete deal on Won, then wins it from the dialog', async () => {
    const page = await openPage(session, BOARD);
    await expect.poll(() => badgeOf(tile(page, '17')).getAttribute('data-state')).toBe('not-started');
    const start = (await tile(page, '17').boundingBox())!;
    await page.mouse.move(start.x + 20, start.y + 10);
    await page.mouse.down();
    await page.mouse.move(start.x + 40, start.y + 30, { steps: 5 });
    const won = page.locator('[data-test="drop-zone-won"]');
    await won.waitFor();
    const zone = (await won.boundingBox())!;
    await page.mouse.move(zone.x + zone.width / 2, zone.y + zone.height / 2, { steps: 10 });
    await page.mouse.up();
    const dialog = await moveDialog(page);
    await expect.poll(() => dragState(page)).toBe('idle');
    expect(await commits(page)).toEqual([]);
    expect(await fixture(page, 'status', '17')).toBe('open');
    await fillChecklist(dialog);
    await waitSaved(dialog);
    await dialog.getByTestId('complete-move').click();
    await expect.poll(() => commits(page), { timeout: 5000 }).toEqual([{ id: '17', stage: 'Won', via: 'board-html5' }]);
    await page.close();
  });

  it('badges the rows of the deals list', async () => {
    const page = await openPage(session, 'https://acme.pipedrive.com/deals/list');
    const row = (id: string) => page.locator('[role="row"]').filter({ has: page.locator(`a[href="/deal/${id}"]`) });
    await expect.poll(() => badgeOf(row('42')).getAttribute('data-state')).toBe('not-started');
    const added = await fixture<string[]>(page, 'addRows', 5);
    await expect.poll(() => badgeOf(row(added.at(-1)!)).count()).toBe(1);
    await page.close();
  });

  it('never touches a drag into another stage', async () => {
    const page = await openPage(session, BOARD);
    await expect.poll(() => badgeOf(tile(page, '42')).getAttribute('data-state')).toBe('not-started');
    await tile(page, '42').dragTo(page.locator('[data-test="stage-4"] [data-test="deals-list"]'));
    await expect.poll(() => commits(page)).toEqual([{ id: '42', stage: 'Proposal Made', via: 'board-html5' }]);
    await page.close();
  });
});

describe('ClickUp board (Angular CDK-style pointer drag)', () => {
  const BOARD = 'https://app.clickup.com/9012345/v/b/6-901234567-2';
  const card = (page: Page, id: string) => page.locator(`.cdk-drag:has(a[href="/t/${id}"])`).first();
  const column = (page: Page, status: string) => page.locator(`.cdk-drop-list[data-status="${status}"]`);

  it('refuses a drag of an incomplete task into "onboarding": the card goes home, the dialog makes the move', async () => {
    const page = await openPage(session, BOARD);
    // "sales handoff" is a status Sales → Onboarding gates ("handoff"): with its checklist partly
    // filled the task stands there unverified (the safety net).
    await expect.poll(() => badgeOf(card(page, '868a6gkvn')).getAttribute('data-state')).toBe('unverified');
    await mouseDrag(page, card(page, '868a6gkvn'), column(page, 'onboarding'));
    const dialog = await moveDialog(page);
    await expect.poll(() => dragState(page)).toBe('idle');
    expect(await commits(page)).toEqual([]);
    expect(await fixture(page, 'stage', '868a6gkvn')).toBe('sales handoff');
    await expect(dialog.locator('.field').count()).resolves.toBe(5); // what Sales -> Onboarding misses, nothing else
    const { 'Client goals': _typedBefore, ...rest } = COMPLETE_HANDOFF;
    await fillChecklist(dialog, rest);
    await waitSaved(dialog);
    await dialog.getByTestId('complete-move').click();
    await expect.poll(() => commits(page), { timeout: 5000 }).toEqual([{ id: '868a6gkvn', stage: 'onboarding', via: 'board-pointer' }]);
    await expect.poll(() => dragState(page)).toBe('idle');
    await page.close();
  });

  it('refuses a drop let go outside every column, which the CDK puts where the placeholder was', async () => {
    const page = await openPage(session, BOARD);
    await expect.poll(() => badgeOf(card(page, '868c00007')).getAttribute('data-state')).toBe('not-started');
    const start = (await card(page, '868c00007').boundingBox())!;
    const target = (await column(page, 'onboarding').boundingBox())!;
    await page.mouse.move(start.x + start.width / 2, start.y + 12);
    await page.mouse.down();
    await page.mouse.move(start.x + start.width / 2 + 8, start.y + 14, { steps: 4 });
    await page.mouse.move(target.x + target.width / 2, target.y + 60, { steps: 15 });
    await page.mouse.move(target.x + target.width / 2, 2, { steps: 10 }); // above the board
    await page.mouse.up();
    const dialog = await moveDialog(page);
    await pollText(dialog.locator('#dialog-title')).toContain('moves to “onboarding”');
    await expect.poll(() => dragState(page)).toBe('idle');
    expect(await commits(page)).toEqual([]);
    await page.close();
  });

  it('never touches a drag into a status that is not gated', async () => {
    const page = await openPage(session, BOARD);
    await expect.poll(() => badgeOf(card(page, '868a6h2pq')).getAttribute('data-state')).toBe('not-started');
    await mouseDrag(page, card(page, '868a6h2pq'), column(page, 'complete'));
    await expect.poll(() => commits(page)).toEqual([{ id: '868a6h2pq', stage: 'complete', via: 'board-pointer' }]);
    await page.close();
  });

  it('badges rows of the list view, also when the virtual list reuses them for other tasks', async () => {
    const page = await openPage(session, 'https://app.clickup.com/9012345/v/l/6-901234567-1?fixture=virtual');
    const row = (id: string) => page.locator(`cu-task-row[data-id="${id}"]`);
    await expect.poll(() => badgeOf(row('868a6h2pq')).getAttribute('data-state')).toBe('not-started');
    await fixture(page, 'scrollToIndex', 400);
    await expect.poll(async () => {
      const rows = await page.locator('cu-task-row[data-id]').evaluateAll((all) =>
        all.map((element) => [element.getAttribute('data-id'), (element.querySelector('baton-badge') as HTMLElement | null)?.dataset.recordId]),
      );
      return rows.length > 0 && rows.every(([id, badged]) => id === badged);
    }).toBe(true);
    await page.close();
  });
});

describe('ClickUp board, current markup (board-group__task-list-item, status labels)', () => {
  const BOARD = 'https://app.clickup.com/9012345/v/b/6-901234567-2?fixture=current';
  const card = (page: Page, name: string) => page.locator(`li.board-group__task-list-item[data-test="board-group__task-list-item__${name}"]`);
  const column = (page: Page, status: string) =>
    page.locator('.board-division__group-list-item').filter({ has: page.locator(`[class^="cu-status-group-header__"]`, { hasText: status }) });
  const notice = (page: Page) => page.locator('baton-notice p[role="alert"]');

  it('badges cards by data-id, marks a card that only links its custom id, and refuses an incomplete task into "onboarding"', async () => {
    const page = await openPage(session, BOARD);
    // Its link names the custom id ONB-42; its data-id names the task.
    await expect.poll(() => badgeOf(card(page, 'Onboard Acme Corp')).getAttribute('data-record-id')).toBe('868a6gkvn');
    await expect.poll(() => badgeOf(card(page, 'Globex kickoff')).getAttribute('data-state')).toBe('unidentified');
    await expect.poll(() => badgeOf(card(page, 'Initech kickoff call')).getAttribute('data-state')).toBe('not-started');
    await mouseDrag(page, card(page, 'Initech kickoff call'), column(page, 'onboarding'));
    const dialog = await moveDialog(page);
    await pollText(dialog.locator('#dialog-title')).toContain('moves to “onboarding”');
    await expect.poll(() => dragState(page)).toBe('idle');
    expect(await commits(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await page.close();
  });

  it('refuses a card it cannot identify into a gated status, and lets it into one no template gates', async () => {
    const page = await openPage(session, BOARD);
    await expect.poll(() => badgeOf(card(page, 'Globex kickoff')).getAttribute('data-state')).toBe('unidentified');
    await expect.poll(() => badgeOf(card(page, 'Initech kickoff call')).getAttribute('data-state')).toBe('not-started');
    await mouseDrag(page, card(page, 'Globex kickoff'), column(page, 'onboarding'));
    await pollText(notice(page)).toContain('cannot tell which record this card is');
    await expect.poll(() => dragState(page)).toBe('idle');
    expect(await commits(page)).toEqual([]);
    await mouseDrag(page, card(page, 'Globex kickoff'), column(page, 'complete'));
    await expect.poll(() => commits(page)).toEqual([{ id: '868a6h2pq', stage: 'complete', via: 'board-pointer' }]);
    await page.close();
  });

  it('refuses a drop on a column whose status it cannot read', async () => {
    const page = await openPage(session, `${BOARD}&column=unlabelled`);
    const task = card(page, 'Cyberdyne kickoff call');
    await expect.poll(() => badgeOf(task).getAttribute('data-state')).toBe('not-started');
    await mouseDrag(page, task, column(page, 'onboarding'));
    await pollText(notice(page)).toContain('cannot read which stage this column is');
    await expect.poll(() => dragState(page)).toBe('idle');
    expect(await commits(page)).toEqual([]);
    await page.close();
  });
});

describe('Salesforce kanban', () => {
  const KANBAN = 'https://acme.lightning.force.com/lightning/o/Opportunity/list?filterName=Recent';
  const card = (page: Page, id: string) => page.locator(`.pipelineViewCard[class~="${id}"]`);
  const column = (page: Page, stage: string) =>
    page.locator('.runtime_sales_pipelineboardPipelineViewColumn').filter({ has: page.locator(`.stageHeaderLabel[title="${stage}"]`) });

  it('refuses a drop of an incomplete opportunity on Closed Won, then makes it from the dialog', async () => {
    const page = await openPage(session, KANBAN);
    await expect.poll(() => badgeOf(card(page, '0065g00000AbCdEAAZ')).getAttribute('data-state')).toBe('not-started');
    await card(page, '0065g00000AbCdEAAZ').dragTo(column(page, 'Closed Won'));
    const dialog = await moveDialog(page);
    await expect.poll(() => dragState(page)).toBe('idle');
    expect(await commits(page)).toEqual([]);
    await fillChecklist(dialog);
    await waitSaved(dialog);
    await dialog.getByTestId('complete-move').click();
    await expect.poll(() => commits(page), { timeout: 5000 }).toEqual([{ id: '0065g00000AbCdEAAZ', stage: 'Closed Won', via: 'kanban' }]);
    await page.close();
  });

  it('badges the rows of the table display', async () => {
    await seedDraft(session, { host: 'salesforce', objectType: 'opportunity', recordId: '0065g00000XyZaB' }, { 'Client goals': 'Renew for 3 years' });
    const page = await openPage(session, `${KANBAN}&fixture=table`);
    await expect.poll(() => page.locator('tr[data-row-key-value] baton-badge').count()).toBeGreaterThan(10);
    // The 18-character id in the row and the 15-character key of the draft are one record.
    await expect.poll(() => badgeOf(page.locator('tr[data-row-key-value="0065g00000XyZaBAAV"]')).getAttribute('data-state')).toBe('partial');
    await page.close();
  });
});

