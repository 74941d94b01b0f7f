import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { HUBSPOT, launch, panelFrame, serviceWorker, type Session } from './harness';
import { pollText, waitSaved } from './panel-helpers';

// One record open in two tabs: the newest keystroke wins in the store, and neither tab may
// go on showing its own text as if nothing happened, nor lose the other's from the log.

let session: Session;
beforeAll(async () => {
  session = await launch([HUBSPOT]);
});
afterAll(() => session.dispose());

async function openDeal(id: string): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(`https://app.hubspot.com/contacts/4455/record/0-3/${id}`);
  return page;
}

/** Every value the revision log holds for one record's field, oldest first. */
async function loggedValues(recordId: string, field: string): Promise<string[]> {
  const worker = await serviceWorker(session);
  return worker.evaluate(
    async ([id, fieldId]) => {
      const db = await new Promise<IDBDatabase>((done, fail) => {
        const request = indexedDB.open('baton');
        request.onsuccess = () => done(request.result);
        request.onerror = () => fail(request.error);
      });
      const rows = await new Promise<{ recordId: string; field: string; newValue: string; id: number }[]>((done, fail) => {
        const request = db.transaction('revisions').objectStore('revisions').getAll();
        request.onsuccess = () => done(request.result);
        request.onerror = () => fail(request.error);
      });
      db.close();
      return rows.filter((row) => row.recordId === id && row.field === fieldId).sort((a, b) => a.id - b.id).map((row) => row.newValue);
    },
    [recordId, field] as const,
  );
}

describe('one field edited in two tabs', () => {
  it('shows the other tab’s edit without touching what is being typed, and logs both', async () => {
    const first = await openDeal('3301');
    const second = await openDeal('3301');
    const panelA = await panelFrame(first);
    const panelB = await panelFrame(second);
    const fieldA = panelA.getByLabel('Client goals');
    const fieldB = panelB.getByLabel('Client goals');

    await fieldA.fill('Typed in A');
    await waitSaved(panelA);
    // B is not typing in the field: it shows the stored value.
    await expect.poll(() => fieldB.inputValue()).toBe('Typed in A');

    await fieldB.click();
    await fieldB.press('End');
    await fieldB.pressSequentially(', then B');
    await waitSaved(panelB);
    await fieldA.click();
    await fieldA.press('ControlOrMeta+a');
    await fieldA.pressSequentially('A again');
    await waitSaved(panelA);

    // B is still in the field: its text stays, and it is told what A typed.
    await pollText(panelB.getByTestId('changed-elsewhere')).toContain('Changed in another tab: “A again”');
    expect(await fieldB.inputValue()).toBe('Typed in A, then B');
    await expect.poll(async () => (await loggedValues('3301', 'clientGoals')).slice(-2)).toEqual(['Typed in A, then B', 'A again']);
    expect(await loggedValues('3301', 'clientGoals')).toContain('Typed in A');

    // B takes A's text with one click.
    await panelB.getByRole('button', { name: 'Use that text' }).click();
    await expect.poll(() => fieldB.inputValue()).toBe('A again');
    await expect.poll(() => panelB.getByTestId('changed-elsewhere').count()).toBe(0);
    await first.close();
    await second.close();
  });
});
