import type { Frame, Page } from 'playwright-core';
import { expect } from 'vitest';
import { serviceWorker, type Session } from './harness';

/** Connects a profile to the team server the way a person does: settings, address, code, Connect. */
export async function connectProfile(session: Session, address: string, code: string): Promise<void> {
  const settings = await session.context.newPage();
  await settings.goto(`chrome-extension://${session.extensionId}/options.html`);
  await settings.getByLabel('Team server address').fill(address);
  await settings.getByLabel('Invite code').fill(code);
  await settings.getByRole('button', { name: 'Connect' }).click();
  await settings.getByTestId('team-member').waitFor({ timeout: 15_000 });
  await settings.close();
}

/** Rows of one IndexedDB store of the profile, read in its worker. */
export async function storedIn<T>(session: Session, storeName: string): Promise<T[]> {
  const worker = await serviceWorker(session);
  return worker.evaluate(async (name) => {
    const db = await new Promise<IDBDatabase>((done, fail) => {
      const request = indexedDB.open('baton');
      request.onsuccess = () => done(request.result);
      request.onerror = () => fail(request.error);
    });
    const rows = await new Promise<unknown[]>((done, fail) => {
      const request = db.transaction(name).objectStore(name).getAll();
      request.onsuccess = () => done(request.result);
      request.onerror = () => fail(request.error);
    });
    db.close();
    return rows;
  }, storeName) as Promise<T[]>;
}

/** The panel's sync line, once it says this. */
export async function syncLineShows(panel: Frame, text: string | RegExp, timeout = 15_000): Promise<void> {
  await expect.poll(() => panel.getByTestId('sync-status').innerText().catch(() => ''), { timeout }).toMatch(text);
}

export async function fieldValue(panel: Frame, label: string): Promise<string> {
  return panel.getByLabel(label, { exact: false }).first().inputValue();
}

export function hubspotDeal(recordId: string): string {
  return `https://app.hubspot.com/contacts/4455/record/0-3/${recordId}`;
}

export const HUBSPOT_BOARD = 'https://app.hubspot.com/contacts/4455/objects/0-3/views/all/board?pipeline=default';

export function boardBadge(page: Page, recordId: string) {
  return page.locator(`[data-test-id="cdb-card"][data-selenium-id="${recordId}"] baton-badge`);
}
