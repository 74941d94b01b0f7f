import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { RecordRef } from '../../lib/record';
import { HUBSPOT, launch, storedValues, type Session } from './harness';
import { COMPLETE_HANDOFF, pollText } from './panel-helpers';
import { seedDraft } from './seed';

// The handoffs page on the production build: drafts typed through the panel, listed,
// sorted, filtered, exported to real files and merged back from a real file.

const deal = (recordId: string): RecordRef => ({ host: 'hubspot', objectType: 'deal', recordId });
const PIPEDRIVE_DEAL: RecordRef = { host: 'pipedrive', objectType: 'deal', recordId: '7001' };
const LONG_SCOPE = `POS integration for ${'one more store, '.repeat(12)}and nothing else.`;
const FORMULA = '=HYPERLINK("https://evil.example","Open")';

let session: Session;
beforeAll(async () => {
  session = await launch([HUBSPOT]);
  await seedDraft(session, deal('6001'), COMPLETE_HANDOFF);
  await seedDraft(session, deal('6002'), { 'Client goals': 'Grow revenue', 'Next owner': 'zoe@example.com' });
  await seedDraft(session, deal('6003'), { 'Client goals': 'Only goals', 'Scope and deliverables': LONG_SCOPE, 'Objections and risks': FORMULA });
  await seedDraft(session, PIPEDRIVE_DEAL, { 'Client goals': 'Pipedrive goals' });
}, 120_000);
afterAll(() => session.dispose());

async function openHandoffs(): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/handoffs.html`);
  await page.getByTestId('handoff-table').waitFor();
  return page;
}

function row(page: Page, ref: RecordRef, templateId = 'sales-to-onboarding') {
  return page.locator(`[data-handoff-id="${ref.host}/${ref.objectType}/${ref.recordId}/${templateId}"]`);
}

/** The record ids of the rows shown, top to bottom. */
function order(page: Page): Promise<string[]> {
  return page.getByTestId('handoff-row').evaluateAll((rows) => rows.map((element) => element.getAttribute('data-handoff-id')!.split('/')[2]!));
}

function rowCount(page: Page): Promise<number> {
  return page.getByTestId('handoff-row').count();
}

async function downloaded(page: Page, button: string): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  return { name: download.suggestedFilename(), text: readFileSync((await download.path())!, 'utf8') };
}

async function chooseFile(page: Page, name: string, content: string): Promise<void> {
  await page.getByLabel('Handoffs file (.json)').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(content) });
}

describe('the handoffs page', () => {
  it('lists every stored handoff with its app, state, completeness and next owner', async () => {
    const page = await openHandoffs();
    await pollText(page.getByTestId('handoff-count')).toBe('4 handoffs, 4 shown');
    const ready = row(page, deal('6001'));
    await expect(ready.locator('[data-column="completeness"]').innerText()).resolves.toBe('6 of 6 required');
    await expect(ready.locator('[data-column="state"]').innerText()).resolves.toBe('ready');
    await expect(ready.locator('[data-column="next-owner"]').innerText()).resolves.toBe('dana@example.com');
    const draft = row(page, deal('6002'));
    await expect(draft.locator('[data-column="completeness"]').innerText()).resolves.toBe('2 of 6 required');
    await expect(draft.locator('[data-column="state"]').innerText()).resolves.toBe('draft');
    await expect(draft.locator('[data-column="next-owner"]').innerText()).resolves.toBe('zoe@example.com');
    await expect(row(page, PIPEDRIVE_DEAL).locator('td').first().innerText()).resolves.toBe('Pipedrive');
    const time = ready.locator('time');
    expect(new Date((await time.getAttribute('datetime'))!).getTime()).toBeGreaterThan(Date.now() - 5 * 60_000);
    await page.close();
  });

  it('sorts by a column header, from the keyboard too, and says so with aria-sort', async () => {
    const page = await openHandoffs();
    const header = page.getByRole('columnheader', { name: 'Completeness' });
    await header.getByRole('button').focus();
    await page.keyboard.press('Enter');
    await expect(header.getAttribute('aria-sort')).resolves.toBe('ascending');
    expect((await order(page))[0]).not.toBe('6001');
    expect((await order(page)).at(-1)).toBe('6001');
    await header.getByRole('button').click();
    await expect(header.getAttribute('aria-sort')).resolves.toBe('descending');
    expect((await order(page))[0]).toBe('6001');
    await page.getByRole('columnheader', { name: 'Next owner' }).getByRole('button').click();
    await expect(header.getAttribute('aria-sort')).resolves.toBe(null);
    expect((await order(page)).slice(-2)).toEqual(['6001', '6002']); // dana@ before zoe@, the unnamed first
    await page.close();
  });

  it('filters by app, by state and by text, and counts what is shown', async () => {
    const page = await openHandoffs();
    await page.getByLabel('App').selectOption({ label: 'Pipedrive' });
    await pollText(page.getByTestId('handoff-count')).toBe('4 handoffs, 1 shown');
    expect(await order(page)).toEqual(['7001']);
    await page.getByLabel('App').selectOption({ label: 'All apps' });
    await page.getByLabel('State').selectOption({ label: 'ready' });
    await pollText(page.getByTestId('handoff-count')).toBe('4 handoffs, 1 shown');
    expect(await order(page)).toEqual(['6001']);
    await page.getByLabel('State').selectOption({ label: 'All states' });
    await page.getByLabel('Search record, next owner or template').fill('ZOE@');
    await pollText(page.getByTestId('handoff-count')).toBe('4 handoffs, 1 shown');
    expect(await order(page)).toEqual(['6002']);
    await page.getByLabel('Search record, next owner or template').fill('onboarding');
    await pollText(page.getByTestId('handoff-count')).toBe('4 handoffs, 4 shown');
    await page.close();
  });

  it('shows a draft typed in another tab without a reload', async () => {
    const page = await openHandoffs();
    const before = await rowCount(page);
    await seedDraft(session, deal('6004'), { 'Decision maker': 'Rita Ng, CFO' });
    await expect.poll(() => rowCount(page), { timeout: 8000 }).toBe(before + 1);
    await expect(row(page, deal('6004')).locator('[data-column="completeness"]').innerText()).resolves.toBe('1 of 6 required');
    await page.close();
  });

  it('opens a handoff’s change log, newest first, with long values cut and readable in full', async () => {
    const page = await openHandoffs();
    await row(page, deal('6002')).getByRole('button', { name: 'Show changes' }).click();
    const log = page.getByTestId('revision-log');
    const entries = log.locator('tbody tr');
    await expect.poll(() => entries.count()).toBe(2);
    await expect(entries.nth(0).innerText()).resolves.toMatch(/Next owner\s+\(empty\)\s+zoe@example\.com/);
    await expect(entries.nth(1).innerText()).resolves.toMatch(/Client goals\s+\(empty\)\s+Grow revenue/);
    await expect(entries.nth(0).locator('time').getAttribute('datetime')).resolves.toMatch(/^\d{4}-\d{2}-\d{2}T/);
    await row(page, deal('6002')).getByRole('button', { name: 'Hide changes' }).click();
    await expect(log.count()).resolves.toBe(0);

    await row(page, deal('6003')).getByRole('button', { name: 'Show changes' }).click();
    const scope = page.getByTestId('revision-log').locator('tbody tr', { hasText: 'Scope and deliverables' }).locator('details');
    await expect(scope.locator('summary').innerText()).resolves.toContain(`show all ${LONG_SCOPE.length} characters`);
    await scope.locator('summary').focus();
    await page.keyboard.press('Enter');
    await expect(scope.locator('.value--full').innerText()).resolves.toBe(LONG_SCOPE);
    await page.close();
  });

  it('exports every handoff as a JSON file that lists the drafts and their change logs', async () => {
    const page = await openHandoffs();
    const { name, text } = await downloaded(page, 'Download JSON');
    expect(name).toMatch(/^baton-handoffs-\d{4}-\d{2}-\d{2}\.json$/);
    const document = JSON.parse(text);
    expect(document).toMatchObject({ format: 'baton-handoffs', version: 1 });
    expect(document.handoffs).toHaveLength(await rowCount(page));
    expect(document.handoffs.find((handoff: { recordId: string }) => handoff.recordId === '6002').values).toEqual({
      clientGoals: 'Grow revenue',
      nextOwner: 'zoe@example.com',
    });
    expect(document.revisions.filter((revision: { recordId: string }) => revision.recordId === '6002')).toHaveLength(2);
    await page.close();
  });

  it('exports the handoffs shown as CSV, with formulas turned into text', async () => {
    const page = await openHandoffs();
    await page.getByLabel('App').selectOption({ label: 'HubSpot' });
    await page.getByLabel('The 4 shown', { exact: false }).check();
    const { name, text } = await downloaded(page, 'Download CSV');
    expect(name).toMatch(/^baton-handoffs-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = text.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toMatch(/^host,objectType,recordId,record title,record url,template id,template name,state,completeness,next owner,updatedAt,Client goals \[sales-to-onboarding:clientGoals\],/);
    expect(lines.filter((line) => line.startsWith('hubspot,deal,'))).toHaveLength(4);
    expect(lines.some((line) => line.startsWith('pipedrive'))).toBe(false);
    expect(lines.find((line) => line.startsWith('hubspot,deal,6001,'))).toContain(',ready,6 of 6 required,dana@example.com,');
    expect(text).toContain(`"'=HYPERLINK(""https://evil.example"",""Open"")"`);
    await page.close();
  });

  it('previews an import, then applies it without overwriting a newer local value', async () => {
    const page = await openHandoffs();
    const before = await rowCount(page);
    const yesterday = Date.now() - 24 * 3600_000;
    const typed = (values: Record<string, string>) => Object.fromEntries(Object.keys(values).map((field) => [field, yesterday]));
    const handoff = (recordId: string, values: Record<string, string>, extra: Record<string, unknown> = {}) => ({
      ...deal(recordId),
      templateId: 'sales-to-onboarding',
      templateVersion: 1,
      values,
      typedAt: typed(values),
      createdAt: yesterday,
      updatedAt: yesterday,
      ...extra,
    });
    const complete = { clientGoals: 'Roll out to 40 stores', scope: 'POS', timeline: 'May', objections: 'None', decisionMaker: 'Lee', nextOwner: 'omar@example.com' };
    const file = {
      format: 'baton-handoffs',
      version: 1,
      exportedAt: new Date(yesterday).toISOString(),
      handoffs: [
        handoff('6002', { clientGoals: 'Stale goals from yesterday', scope: 'Scope from the file' }),
        handoff('6100', complete, { recordTitle: 'Globex rollout', recordUrl: 'https://app.hubspot.com/contacts/4455/record/0-3/6100' }),
        handoff('6101', { oldQuestion: 'yes' }, { templateId: 'legacy-checklist' }),
      ],
      revisions: [{ ...deal('6100'), templateId: 'sales-to-onboarding', field: 'clientGoals', oldValue: '', newValue: complete.clientGoals, startedAt: yesterday, at: yesterday }],
    };
    await chooseFile(page, 'from-laptop.json', JSON.stringify(file));
    const preview = page.getByTestId('import-preview');
    await pollText(preview).toContain('2 new handoffs');
    const summary = await preview.innerText();
    expect(summary).toContain('1 field updated in 1 handoff');
    expect(summary).toContain('1 field kept because the value here is newer');
    expect(summary).toContain('Keeps Client goals (newer here)');
    expect(summary).toContain('template not installed: fields shown by id');
    await expect(page.getByTestId('missing-templates').innerText()).resolves.toContain('legacy-checklist');
    expect(await rowCount(page)).toBe(before); // nothing written before the user confirms

    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await pollText(page.getByTestId('import-outcome')).toContain('Imported from-laptop.json: 2 new handoffs, 1 field updated, 1 kept');
    await expect.poll(() => rowCount(page)).toBe(before + 2);
    expect(await storedValues(session, '6002')).toEqual({ clientGoals: 'Grow revenue', nextOwner: 'zoe@example.com', scope: 'Scope from the file' });
    const globex = row(page, deal('6100'));
    await expect(globex.getByRole('link', { name: 'Globex rollout' }).getAttribute('href')).resolves.toBe('https://app.hubspot.com/contacts/4455/record/0-3/6100');
    await expect(globex.locator('[data-column="completeness"]').innerText()).resolves.toBe('6 of 6 required');
    await expect(row(page, deal('6101'), 'legacy-checklist').locator('[data-column="completeness"]').innerText()).resolves.toBe('template not installed');
    await page.close();
  });

  it('refuses a malformed file with the path of the problem, and changes nothing', async () => {
    const page = await openHandoffs();
    const before = await rowCount(page);
    const stored = await storedValues(session, '6001');
    const exported = await downloaded(page, 'Download JSON');
    const document = JSON.parse(exported.text);
    const index = document.handoffs.findIndex((handoff: { recordId: string }) => handoff.recordId === '6001');
    document.handoffs[index].values.clientGoals = 'x'.repeat(50_001);
    document.handoffs[index].typedAt.clientGoals = Date.now() + 60_000;

    await chooseFile(page, 'too-long.json', JSON.stringify(document));
    await pollText(page.getByTestId('import-errors')).toContain(`handoffs[${index}].values.clientGoals: Too big`);
    await expect(page.getByTestId('import-preview').count()).resolves.toBe(0);
    await chooseFile(page, 'truncated.json', exported.text.slice(0, 200));
    await pollText(page.getByTestId('import-errors')).toContain('not valid JSON');
    await chooseFile(page, 'template.json', JSON.stringify({ id: 'qa', name: 'QA', version: 1 }));
    await pollText(page.getByTestId('import-errors')).toContain('this is not a Baton handoffs export');

    await expect(page.getByRole('button', { name: 'Import', exact: true }).count()).resolves.toBe(0);
    expect(await rowCount(page)).toBe(before);
    expect(await storedValues(session, '6001')).toEqual(stored);
    await page.close();
  });
});
