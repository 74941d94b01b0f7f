import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { browser } from 'wxt/browser';
import type { RecordRef } from '../../lib/record';
import { CLICKUP, HUBSPOT, launch, panelFrame, PIPEDRIVE, SALESFORCE, serviceWorker, type Session } from './harness';
import { fixture, openPage } from './pages';
import { COMPLETE_HANDOFF } from './panel-helpers';
import { seedDraft } from './seed';

// The safety net: whatever moves a record into a gated stage (here the host page itself, as a
// server push would: no user event, no path the guard knows), Baton says so when the checklist
// is incomplete, on the record page, on boards, in the popup and on the handoffs page; and
// never when the checklist was complete first.

interface RecordCase {
  app: string;
  url: (recordId: string) => string;
  /** A record left untouched, and one whose checklist is complete before it moves. */
  incomplete: RecordRef;
  complete: RecordRef;
  gated: string;
  template?: string;
}

const CASES: RecordCase[] = [
  {
    app: 'HubSpot',
    url: (id) => `https://app.hubspot.com/contacts/4455/record/0-3/${id}`,
    incomplete: { host: 'hubspot', objectType: 'deal', recordId: '1001' },
    complete: { host: 'hubspot', objectType: 'deal', recordId: '1002' },
    gated: 'Closed won',
  },
  {
    app: 'Salesforce',
    url: (id) => `https://acme.lightning.force.com/lightning/r/Opportunity/${id}/view`,
    incomplete: { host: 'salesforce', objectType: 'opportunity', recordId: '0065g00000AbCdE' },
    complete: { host: 'salesforce', objectType: 'opportunity', recordId: '0065g00000XyZaB' },
    gated: 'Closed Won',
  },
  {
    app: 'Pipedrive',
    url: (id) => `https://acme.pipedrive.com/deal/${id}`,
    incomplete: { host: 'pipedrive', objectType: 'deal', recordId: '17' },
    complete: { host: 'pipedrive', objectType: 'deal', recordId: '42' },
    gated: 'Won',
  },
  {
    app: 'ClickUp',
    url: (id) => `https://app.clickup.com/t/${id}`,
    incomplete: { host: 'clickup', objectType: 'task', recordId: '868a6h2pq' },
    complete: { host: 'clickup', objectType: 'task', recordId: '868a6bc01' },
    gated: 'onboarding',
    template: 'Sales → Onboarding',
  },
];

const SALESFORCE_IDS: Record<string, string> = { '0065g00000AbCdE': '0065g00000AbCdEAAZ', '0065g00000XyZaB': '0065g00000XyZaBAAV' };
const pageUrl = (test: RecordCase, ref: RecordRef) => test.url(SALESFORCE_IDS[ref.recordId] ?? ref.recordId);

let session: Session;
beforeAll(async () => {
  session = await launch([HUBSPOT, SALESFORCE, PIPEDRIVE, CLICKUP]);
  for (const test of CASES) await seedDraft(session, test.complete, COMPLETE_HANDOFF, test.template);
  await seedDraft(session, { host: 'hubspot', objectType: 'deal', recordId: '1004' }, COMPLETE_HANDOFF);
}, 180_000);
afterAll(() => session.dispose());

/** The safety net's mark on a stored handoff, read straight from IndexedDB in the worker. */
async function storedMarks(ref: RecordRef): Promise<{ verifiedStage?: string; unverified?: { stage: string } }[]> {
  const worker = await serviceWorker(session);
  return worker.evaluate(async (wanted) => {
    const db = await new Promise<IDBDatabase>((done, fail) => {
      const request = indexedDB.open('baton');
      request.onsuccess = () => done(request.result);
      request.onerror = () => fail(request.error);
    });
    const rows = await new Promise<(typeof wanted & { verifiedStage?: string; unverified?: { stage: string } })[]>((done, fail) => {
      const request = db.transaction('handoffs').objectStore('handoffs').getAll();
      request.onsuccess = () => done(request.result);
      request.onerror = () => fail(request.error);
    });
    db.close();
    return rows
      .filter((row) => row.host === wanted.host && row.objectType === wanted.objectType && row.recordId === wanted.recordId)
      .map(({ verifiedStage, unverified }) => ({ verifiedStage, unverified }));
  }, ref);
}

/** The toolbar popup, opened for this tab (a popup asks which tab is active: it is told). */
async function popupFor(page: Page): Promise<Page> {
  const worker = await serviceWorker(session);
  const tabId = await worker.evaluate(async (url) => {
    const { chrome: api } = globalThis as unknown as { chrome: typeof browser };
    return (await api.tabs.query({})).find((tab) => tab.url === url)?.id;
  }, page.url());
  expect(tabId).toBeDefined();
  const popup = await session.context.newPage();
  await popup.addInitScript((id) => {
    const { chrome: api } = globalThis as unknown as { chrome: typeof browser };
    api.tabs.query = (async () => [{ id, active: true }]) as unknown as typeof api.tabs.query;
  }, tabId!);
  await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
  return popup;
}

describe.each(CASES)('$app record page', (test) => {
  it(`says so at the top of the panel when the page itself moves the record to "${test.gated}" while incomplete`, async () => {
    const page = await openPage(session, pageUrl(test, test.incomplete));
    const panel = await panelFrame(page);
    await expect.poll(() => page.locator('baton-dock .tab').evaluate((tab) => tab.textContent ?? '')).toContain('of');
    await expect(panel.getByTestId('unverified-notice').count()).resolves.toBe(0);
    await fixture(page, 'setStage', test.gated);
    const notice = panel.getByTestId('unverified-notice');
    await expect.poll(() => notice.textContent().catch(() => ''), { timeout: 8000 }).toContain(`Moved to “${test.gated}” without a complete handoff`);
    await expect(notice.textContent()).resolves.toContain('Next owner');
    await expect.poll(() => storedMarks(test.incomplete)).toContainEqual(expect.objectContaining({ unverified: expect.objectContaining({ stage: test.gated }) }));
    const popup = await popupFor(page);
    await expect.poll(() => popup.getByTestId('unverified-records').locator('h2').textContent().catch(() => '')).toBe('1 moved without a complete handoff');
    await popup.close();
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it(`shows no notice when the checklist was complete before the move to "${test.gated}"`, async () => {
    const page = await openPage(session, pageUrl(test, test.complete));
    const panel = await panelFrame(page);
    await fixture(page, 'setStage', test.gated);
    // Baton has seen the record in the gated stage: it remembered the checklist complete there.
    await expect.poll(() => storedMarks(test.complete), { timeout: 8000 }).toContainEqual(expect.objectContaining({ verifiedStage: test.gated }));
    await expect(panel.getByTestId('unverified-notice').count()).resolves.toBe(0);
    await expect(page.locator('baton-dock .tab').evaluate((tab) => tab.textContent ?? '')).resolves.not.toContain('unverified');
    await page.close();
  });
});

describe('boards', () => {
  const BOARDS = [
    {
      app: 'HubSpot',
      url: 'https://app.hubspot.com/contacts/4455/objects/0-3/views/all/board?pipeline=default',
      card: (id: string) => `[data-test-id="cdb-card"][data-selenium-id="${id}"]`,
      incomplete: '1003',
      complete: '1004',
      gated: 'Closed won',
    },
    {
      app: 'Salesforce',
      url: 'https://acme.lightning.force.com/lightning/o/Opportunity/list?filterName=Recent',
      card: (id: string) => `.pipelineViewCard[class~="${id}"]`,
      incomplete: '',
      complete: undefined,
      gated: 'Closed Won',
    },
    {
      app: 'ClickUp',
      url: 'https://app.clickup.com/9012345/v/b/6-901234567-2',
      card: (id: string) => `.cdk-drag:has(a[href="/t/${id}"])`,
      incomplete: '868a6h2pq',
      complete: undefined,
      gated: 'onboarding',
    },
  ];

  it.each(BOARDS)('$app: a card the page itself moves into the gated column shows an unverified badge, counted apart in the popup', async (board) => {
    const page = await openPage(session, board.url);
    let id = board.incomplete;
    if (!id) {
      // Salesforce: the first rendered opportunity of an open stage.
      const records = await fixture<{ id: string; stage: string; rendered: boolean }[]>(page, 'records');
      id = records.find((record) => record.rendered && !record.stage.startsWith('Closed'))!.id;
    }
    const badge = page.locator(`${board.card(id)} baton-badge`);
    await expect.poll(() => badge.getAttribute('data-state').catch(() => null), { timeout: 8000 }).toBe('not-started');
    await fixture(page, 'setStage', id, board.gated);
    await expect.poll(() => badge.getAttribute('data-state').catch(() => null), { timeout: 8000 }).toBe('unverified');
    await expect(badge.evaluate((element) => element.shadowRoot!.textContent)).resolves.toBe('Unverified');
    await expect(badge.getAttribute('title')).resolves.toContain(`Moved to “${board.gated}” without a complete handoff`);
    const unverified = await page.locator('baton-badge[data-state="unverified"]').count();
    const popup = await popupFor(page);
    await expect.poll(() => popup.getByTestId('unverified-records').locator('h2').textContent().catch(() => '')).toBe(`${unverified} moved without a complete handoff`);
    await popup.close();
    if (board.complete) {
      const done = page.locator(`${board.card(board.complete)} baton-badge`);
      await expect.poll(() => done.getAttribute('data-state').catch(() => null)).toBe('complete');
      await fixture(page, 'setStage', board.complete, board.gated);
      await expect.poll(() => page.locator(`[data-test-id="cdb-column"]:has(${board.card(board.complete)}) [data-test-id="cdb-column-name"]`).textContent()).toBe(board.gated);
      await expect.poll(() => storedMarks({ host: 'hubspot', objectType: 'deal', recordId: board.complete! })).toContainEqual(expect.objectContaining({ verifiedStage: board.gated }));
      await expect(done.getAttribute('data-state')).resolves.toBe('complete');
    }
    await page.close();
  });
  // Pipedrive's board shows open deals only (Won and Lost are drop zones, guarded as moves), so
  // no default gate has a column there: a team gating "Negotiations Started" has one.
  it('Pipedrive: a card the page itself moves into a gated column shows an unverified badge', async () => {
    const settings = await session.context.newPage();
    await settings.goto(`chrome-extension://${session.extensionId}/options.html`);
    const negotiation = {
      id: 'negotiation-check',
      name: 'Negotiation check',
      version: 1,
      appliesTo: [{ host: 'pipedrive', objectType: 'deal', gateStages: '^negotiations started$' }],
      fields: [{ id: 'budget', label: 'Budget confirmed by', kind: 'text', required: true }],
    };
    await settings.getByLabel('or paste its JSON').fill(JSON.stringify(negotiation));
    await settings.getByRole('button', { name: 'Install template' }).click();
    await expect.poll(() => settings.getByTestId('template-outcome').textContent()).toBe('Installed "Negotiation check" version 1.');
    await settings.close();

    const page = await openPage(session, 'https://acme.pipedrive.com/pipeline/1');
    const records = await fixture<{ id: string; stage: string; status: string }[]>(page, 'records');
    const id = records.find((record) => record.status === 'open' && record.stage !== 'Negotiations Started')!.id;
    const badge = page.locator(`[data-test="pipeline-deal-tile"][data-test-deal-id="${id}"] baton-badge`);
    await expect.poll(() => badge.getAttribute('data-state').catch(() => null), { timeout: 8000 }).toBe('not-started');
    await fixture(page, 'setStage', id, 'Negotiations Started');
    await expect.poll(() => badge.getAttribute('data-state').catch(() => null), { timeout: 8000 }).toBe('unverified');
    await expect(badge.getAttribute('title')).resolves.toContain('Moved to “Negotiations Started” without a complete handoff');
    await expect.poll(() => storedMarks({ host: 'pipedrive', objectType: 'deal', recordId: id })).toContainEqual(
      expect.objectContaining({ unverified: expect.objectContaining({ stage: 'Negotiations Started' }) }),
    );
    await page.close();
  });
});

describe('the handoffs page', () => {
  it('filters the handoffs Baton saw moved without a complete handoff, and logs when it first saw each', async () => {
    const page = await session.context.newPage();
    await page.goto(`chrome-extension://${session.extensionId}/handoffs.html`);
    await page.getByTestId('handoff-table').waitFor();
    await page.getByLabel('Moved without a complete handoff only').check();
    const row = page.locator('[data-handoff-id="hubspot/deal/1001/sales-to-onboarding"]');
    await row.waitFor();
    await expect(page.locator('[data-handoff-id="hubspot/deal/1002/sales-to-onboarding"]').count()).resolves.toBe(0);
    await row.getByRole('button', { name: 'Show changes' }).click();
    await expect.poll(() => page.getByTestId('revision-log').textContent()).toContain('Seen in “Closed won” without a complete handoff');
    await page.close();
  });
});
