import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { HUBSPOT, launch, panelFrame, type Session } from './harness';
import { openPage } from './pages';

// Issue 21, items 9 and 10: what a script on a CRM page can no longer reach. Baton's frame and
// its per-session address, its look (the page can add attributes, Baton takes them off), and,
// through extension storage (which every content script in the tab can read), the team token
// and the AI key. A frame the page covers is said in the panel.

let session: Session;
beforeAll(async () => {
  session = await launch([HUBSPOT]);
});
afterAll(() => session.dispose());

const DEAL_URL = 'https://app.hubspot.com/contacts/4455/record/0-3/8301';

async function panelBox(page: Page) {
  const frame = await panelFrame(page);
  return (await frame.frameElement()).boundingBox();
}

describe('the dock, from the page’s side', () => {
  it('gives a page script no way to the panel frame or its address', async () => {
    const page = await openPage(session, DEAL_URL);
    await panelFrame(page);
    const reach = await page.evaluate(() => {
      const dock = document.querySelector('baton-dock')!;
      const holder = dock.shadowRoot?.querySelector('baton-frame');
      return { frame: dock.shadowRoot?.querySelector('iframe') ?? null, holder: Boolean(holder), inner: holder?.shadowRoot ?? null, html: document.documentElement.outerHTML };
    });
    expect(reach.frame).toBeNull();
    expect(reach.holder).toBe(true);
    expect(reach.inner).toBeNull();
    expect(reach.html).not.toContain('panel.html');
    await page.close();
  });

  it('takes back what the page does to hide the frame, and the frame stays in view', async () => {
    const page = await openPage(session, DEAL_URL);
    const before = await panelBox(page);
    expect(before?.width).toBeGreaterThan(300);
    await page.evaluate(() => {
      const dock = document.querySelector<HTMLElement>('baton-dock')!;
      const holder = dock.shadowRoot!.querySelector<HTMLElement>('baton-frame')!;
      dock.style.setProperty('display', 'none', 'important');
      dock.setAttribute('inert', '');
      holder.hidden = true;
      holder.style.setProperty('opacity', '0', 'important');
      holder.remove();
    });
    await expect
      .poll(() => page.evaluate(() => {
        const dock = document.querySelector('baton-dock')!;
        const holder = dock.shadowRoot!.querySelector('baton-frame');
        return [dock.getAttributeNames().join(','), holder ? holder.getAttributeNames().join(',') : 'gone'];
      }))
      .toEqual(['data-since', '']);
    // Put back, the frame loads afresh and is handed a new ticket: the panel shows again.
    await expect.poll(async () => (await panelBox(page).catch(() => null))?.width ?? 0, { timeout: 10_000 }).toBeGreaterThan(300);
    await (await panelFrame(page)).getByLabel('Client goals').waitFor();
    await page.close();
  });

  it('takes the dock back when the page moves it into a hidden element of its own', async () => {
    const page = await openPage(session, DEAL_URL);
    await (await panelFrame(page)).getByLabel('Client goals').waitFor();
    await page.evaluate(() => {
      const hideout = document.createElement('div');
      hideout.id = 'hideout';
      hideout.style.display = 'none';
      document.body.append(hideout);
      hideout.append(document.querySelector('baton-dock')!);
    });
    await expect.poll(() => page.evaluate(() => document.querySelector('baton-dock')?.parentElement === document.documentElement)).toBe(true);
    expect(await page.evaluate(() => document.getElementById('hideout')!.childElementCount)).toBe(0);
    // Moved back, the frame loads afresh and is handed a new ticket: the panel shows again.
    await expect.poll(async () => (await panelBox(page).catch(() => null))?.width ?? 0, { timeout: 10_000 }).toBeGreaterThan(300);
    await (await panelFrame(page)).getByLabel('Client goals').waitFor();
    await page.close();
  });

  it('says so in the panel when the page draws over it', async () => {
    const page = await openPage(session, DEAL_URL);
    const panel = await panelFrame(page);
    await panel.getByLabel('Client goals').waitFor();
    expect(await panel.getByTestId('panel-covered').count()).toBe(0);
    await page.evaluate(() => {
      const cover = document.createElement('div');
      cover.id = 'cover';
      cover.style.cssText = 'position:fixed;inset:0;z-index:2147483647;background:#fff';
      document.body.append(cover);
    });
    await panel.getByTestId('panel-covered').waitFor({ timeout: 5000 });
    expect(await panel.getByTestId('panel-covered').innerText()).toContain('The page is covering Baton’s panel');
    await page.evaluate(() => document.getElementById('cover')!.remove());
    await expect.poll(() => panel.getByTestId('panel-covered').count(), { timeout: 5000 }).toBe(0);
    await page.close();
  });
});

describe('secrets, from a content script’s side', () => {
  it('an earlier version’s token and AI key leave storage.local, and Baton still holds them', async () => {
    const page = await session.context.newPage();
    await page.goto(`chrome-extension://${session.extensionId}/options.html`);
    const chromeApi = 'chrome' as const;
    await page.evaluate((name) => {
      const api = (globalThis as unknown as Record<string, { storage: { local: { set(items: object): Promise<void> } } }>)[name]!;
      return api.storage.local.set({
        teamConnection: { server: 'https://baton.example.com', token: 'tok-e2e-secret', member: { email: 'ana@example.com', role: 'member', team: 'acme' }, connectedAt: 1 },
        aiSettings: { provider: 'endpoint', endpointUrl: 'https://llm.example.com/v1', model: 'm', apiKey: 'sk-e2e-secret', timeoutSeconds: 60 },
      });
    }, chromeApi);
    // What every content script in a CRM tab can read: storage.local, whole.
    const everything = () =>
      page.evaluate((name) => (globalThis as unknown as Record<string, { storage: { local: { get(keys: null): Promise<object> } } }>)[name]!.storage.local.get(null), chromeApi).then((all) => JSON.stringify(all));
    await expect.poll(everything, { timeout: 5000 }).not.toMatch(/tok-e2e-secret|sk-e2e-secret/);
    // Still connected (settings shows the member), and the key is still in the AI form.
    await page.reload();
    await page.getByTestId('team-member').waitFor({ timeout: 5000 });
    await page.close();
  });
});
