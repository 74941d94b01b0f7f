import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { CLICKUP, launch, panelFrame, type Session } from './harness';
import { fixture, openPage } from './pages';
import { badge, fillChecklist, guardShows, pollText, waitSaved } from './panel-helpers';

// A ClickUp task at its real URL: the status list renders in the CDK overlay outside the task
// view and commits on click or Enter; the checkmark sets "complete". Both default templates
// apply: Sales -> Onboarding gates onboarding statuses, Onboarding -> Delivery delivery ones.

let session: Session;
beforeAll(async () => {
  session = await launch([CLICKUP]);
});
afterAll(() => session.dispose());

const url = (path: string) => `https://app.clickup.com/t/${path}`;
const commits = (page: Page) => fixture<{ id: string; stage: string; via: string }[]>(page, 'commits');
const trigger = (page: Page) => page.locator('[data-test="status-button__status-dropdown"]');
const statusItem = (page: Page, status: string) =>
  page.locator('[data-test="status-list__container"] cu3-combo-box-item').filter({ has: page.locator('.menu-item-label', { hasText: new RegExp(`^${status}$`) }) });

const DELIVERY = {
  'Kickoff date': '2026-12-01',
  'Success criteria': 'All 12 stores live on the new POS',
  'Stakeholders and contacts': 'Jane Doe (COO), ops@acme.example',
  'Open risks': 'Store Wi-Fi in two locations',
  'Delivery owner': 'sam@example.com',
};

async function fillDelivery(panel: Frame) {
  await panel.getByRole('tab', { name: 'Onboarding → Delivery' }).click();
  for (const [label, value] of Object.entries(DELIVERY)) await panel.getByLabel(label).fill(value);
}

describe('ClickUp task', () => {
  it('shows both templates, each with its count, and a badge that counts checklists; blocks "onboarding" from the status list until Sales → Onboarding is complete', async () => {
    const page = await openPage(session, url('868a6gkvn'));
    const panel = await panelFrame(page);
    await pollText(panel.locator('.panel__record')).toBe('Onboard Acme Corp');
    await pollText(badge(panel)).toBe('0 of 2 checklists complete');
    await pollText(panel.getByRole('tab', { name: 'Sales → Onboarding' }).locator('.tab__count')).toBe('0 of 6 required');
    await trigger(page).click();
    await statusItem(page, 'onboarding').click();
    expect(await commits(page)).toEqual([]);
    await pollText(panel.getByTestId('block-notice')).toContain('Moving to "onboarding" needs: Client goals');
    await fillChecklist(panel);
    await waitSaved(panel);
    await guardShows(page, '1 of 2 checklists complete');
    await pollText(panel.getByRole('tab', { name: 'Sales → Onboarding' }).locator('.tab__count')).toBe('6 of 6 required');
    await statusItem(page, 'onboarding').click();
    await expect.poll(() => commits(page)).toEqual([{ id: '868a6gkvn', stage: 'onboarding', via: 'status-list' }]);
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('blocks "in progress" chosen with the keyboard for the Onboarding → Delivery checklist', async () => {
    const page = await openPage(session, url('868a6h2pq'));
    const panel = await panelFrame(page);
    await pollText(badge(panel)).toBe('0 of 2 checklists complete');
    const chooseInProgress = async () => {
      await trigger(page).focus();
      await page.keyboard.press('Enter');
      await page.keyboard.type('in progress');
      await page.keyboard.press('Enter');
    };
    await chooseInProgress();
    expect(await commits(page)).toEqual([]);
    await pollText(panel.getByTestId('block-notice')).toContain('Kickoff date');
    await pollText(panel.getByTestId('block-notice')).not.toContain('Client goals');
    await expect.poll(() => panel.getByRole('tab', { selected: true }).locator('.tab__name').innerText()).toBe('Onboarding → Delivery');
    await fillDelivery(panel);
    await waitSaved(panel);
    await guardShows(page, '1 of 2 checklists complete');
    await page.locator('.cdk-overlay-backdrop').click(); // closes the status list
    await chooseInProgress();
    await expect.poll(() => commits(page)).toEqual([{ id: '868a6h2pq', stage: 'in progress', via: 'status-list-keyboard' }]);
    await page.close();
  });

  it('knows a task opened by its custom id as the same task', async () => {
    const page = await openPage(session, 'https://app.clickup.com/t/9012345/ONB-77');
    const panel = await panelFrame(page);
    await panel.getByRole('tab', { name: 'Sales → Onboarding' }).click();
    await panel.getByLabel('Client goals').fill('Typed on the custom-id URL');
    await waitSaved(panel);
    const taskId = await page.locator('div[role="dialog"][data-task-id]').getAttribute('data-task-id');
    await page.goto(url(taskId!));
    await (await panelFrame(page)).getByRole('tab', { name: 'Sales → Onboarding' }).click();
    await expect.poll(async () => (await panelFrame(page)).getByLabel('Client goals').inputValue()).toBe('Typed on the custom-id URL');
    await page.close();
  });

  it('follows SPA navigation between tasks and away to the list, where it shows no panel', async () => {
    const page = await openPage(session, url('868a6gkvn'));
    await panelFrame(page);
    await fixture(page, 'navigate', 'ONB-43');
    // A custom-id URL names its task only once the task view draws: the panel follows then.
    await expect.poll(async () => (await panelFrame(page)).locator('.panel__record').innerText().catch(() => ''), { timeout: 8000 }).toBe('Globex kickoff');
    // The task view is a full-window overlay: the open panel covers its close button.
    await (await panelFrame(page)).getByRole('button', { name: 'Collapse the handoff checklist' }).click();
    await page.locator('button[data-test="task-view-header__close"]').click();
    await expect.poll(() => page.locator('baton-dock').count()).toBe(0);
    // The list it lands on (an SPA navigation, no page load) gets its badges all the same.
    await expect.poll(() => page.locator('cu-task-row[data-id="868a6gkvn"] baton-badge').getAttribute('data-state')).toMatch(/partial|complete/);
    await page.goBack({ waitUntil: 'commit' });
    await page.locator('baton-dock .tab').click(); // open again, for every tab
    await panelFrame(page);
    await page.close();
  });

  it('says the guard is inactive when the status control is missing', async () => {
    const page = await openPage(session, `${url('868a6zzzz')}?fixture=no-stage-control`);
    await pollText((await panelFrame(page)).getByTestId('guard-inactive')).toContain('Stage guard inactive');
    await page.close();
  });
});

describe('templates from the settings page', () => {
  const settings = () => `chrome-extension://${session.extensionId}/options.html`;

  it('lists every problem of a malformed template with its path, and stores nothing', async () => {
    const page = await session.context.newPage();
    await page.goto(settings());
    await page.getByTestId('template-list').waitFor();
    const before = await page.getByTestId('template-list').locator('tbody tr').count();
    const broken = { id: 'qa', name: 'QA', version: 1, appliesTo: [{ host: 'clickup', objectType: 'task' }], fields: [{ id: 'a', label: 'A', kind: 'essay' }] };
    await page.getByLabel('or paste its JSON').fill(JSON.stringify(broken));
    await pollText(page.getByTestId('template-errors')).toContain('Field “A”, kind: pick one of the offered choices.');
    expect(await page.getByTestId('template-errors').innerText()).not.toContain('fields[0]');
    await expect(page.getByRole('button', { name: 'Install template' }).isDisabled()).resolves.toBe(true);
    await page.getByLabel('or paste its JSON').fill('{ "id": "qa", ');
    await pollText(page.getByTestId('template-errors')).toContain('not valid JSON');
    await expect(page.getByTestId('template-list').locator('tbody tr').count()).resolves.toBe(before);
    await page.close();
  });

  it('installs a template from a file, and the checkmark is then guarded by it', async () => {
    const done = {
      id: 'done-check',
      name: 'Done check',
      version: 1,
      appliesTo: [{ host: 'clickup', objectType: 'task', gateStages: '^complete$' }],
      fields: [{ id: 'signoff', label: 'Client sign-off', kind: 'text', required: true }],
    };
    const page = await session.context.newPage();
    await page.goto(settings());
    await page.getByLabel('Template file (.json)').setInputFiles({ name: 'done.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(done)) });
    await pollText(page.getByTestId('template-preview')).toContain('“Done check” version 1');
    await page.getByRole('button', { name: 'Install template' }).click();
    await pollText(page.getByTestId('template-outcome')).toBe('Installed "Done check" version 1.');

    const task = await openPage(session, url('868a6done'));
    const panel = await panelFrame(task);
    await pollText(badge(panel)).toBe('0 of 3 checklists complete');
    await task.locator('button[data-test="status-button__checkmark"]').click();
    expect(await commits(task)).toEqual([]);
    await pollText(panel.getByTestId('block-notice')).toBe('Moving to "complete" needs: Client sign-off (Done check).');
    await panel.getByLabel('Client sign-off').fill('Signed by Jane, 2 Dec');
    await waitSaved(panel);
    await guardShows(task, '1 of 3 checklists complete');
    await task.locator('button[data-test="status-button__checkmark"]').click();
    await expect.poll(() => commits(task)).toEqual([{ id: '868a6done', stage: 'complete', via: 'checkmark' }]);
    await task.close();
    await page.close();
  });
});
