import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { PageRecord } from '../../lib/message-schemas';
import { checklistStatus } from '../../lib/checklist-status';
import { completeSalesValues, dealRef, salesToOnboarding } from './helpers';

// The toolbar popup lists the page's records that are not ready, from the tab's content
// script (mocked here: the e2e tests cover the content script's side).

const answers = vi.hoisted(() => ({ pageRecords: [] as unknown[], listingRecords: [] as unknown[], requestPageOutline: '' as unknown }));
vi.mock('../../lib/messages', () => ({
  messenger: {
    sendMessage: vi.fn(async (type: 'pageRecords' | 'listingRecords' | 'requestPageOutline') => {
      const answer = answers[type];
      if (answer instanceof Error) throw answer;
      return answer;
    }),
  },
}));

const { PagePopup } = await import('../../components/popup/PagePopup');

const record = (recordId: string, values: Record<string, string>, title?: string): PageRecord => ({
  status: { ref: dealRef(recordId), started: true, asOf: 1, checklists: [checklistStatus({ template: salesToOnboarding(), values }, dealRef(recordId))] },
  title,
  url: `https://app.hubspot.com/contacts/4455/record/0-3/${recordId}`,
});

/** The tab the popup belongs to (fake-browser's own query does not know windows). */
function activeTab() {
  const tab = { id: 7, index: 0, highlighted: true, active: true, pinned: false, incognito: false, windowId: 1 };
  // The typings pick tabs.query's callback overload, hence the cast.
  vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation((async () => [tab]) as never);
}

afterEach(() => {
  vi.restoreAllMocks();
  cleanup();
  fakeBrowser.reset();
});

describe('the toolbar popup', () => {
  it('lists the board’s records that are not ready, with their counts and links', async () => {
    activeTab();
    answers.pageRecords = [];
    answers.listingRecords = [record('1', { clientGoals: 'x' }, 'Acme'), record('2', completeSalesValues(), 'Globex'), record('3', {}, '<b>Evil</b>')];
    render(<PagePopup />);
    await waitFor(() => expect(screen.getByRole('heading').textContent).toBe('2 not ready to hand off'));
    const links = screen.getAllByRole('link');
    expect(links.map((link) => link.textContent)).toEqual(['Acme', '<b>Evil</b>']);
    expect(links[0]!.getAttribute('href')).toBe('https://app.hubspot.com/contacts/4455/record/0-3/1');
    expect(screen.getByText('1 of 6')).toBeTruthy();
  });

  it('says where Baton works when the page has no Baton content script', async () => {
    activeTab();
    answers.pageRecords = new Error('Could not establish connection. Receiving end does not exist.') as never;
    render(<PagePopup />);
    await waitFor(() => expect(screen.getByText(/Baton works on HubSpot, Salesforce, Pipedrive and ClickUp/)).toBeTruthy());
  });

  it('copies the page outline of its tab, and says so', async () => {
    activeTab();
    answers.pageRecords = [];
    answers.listingRecords = [];
    answers.requestPageOutline = 'Baton page outline: element structure only, no text, no values.\napp: hubspot';
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    render(<PagePopup />);
    (await screen.findByRole('button', { name: 'Copy page outline' })).click();
    await waitFor(() => expect(screen.getByTestId('outline-outcome').textContent).toContain('Page outline copied'));
    expect(writeText).toHaveBeenCalledWith(answers.requestPageOutline);
    const { messenger } = await import('../../lib/messages');
    expect(messenger.sendMessage).toHaveBeenCalledWith('requestPageOutline', { tabId: 7 });
  });

  it('counts records shown in a gated stage without a complete handoff apart from the others', async () => {
    activeTab();
    answers.pageRecords = [];
    answers.listingRecords = [
      { ...record('1', { clientGoals: 'x' }, 'Acme'), stage: 'Closed won' },
      { ...record('2', {}, 'Globex'), stage: 'Contract sent' },
      { ...record('3', completeSalesValues(), 'Initech'), stage: 'Closed won' },
    ];
    render(<PagePopup />);
    const unverified = await screen.findByTestId('unverified-records');
    expect(unverified.querySelector('h2')?.textContent).toBe('1 moved without a complete handoff');
    expect(unverified.querySelector('a')?.textContent).toBe('Acme');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('1 not ready to hand off');
    expect([...screen.getByTestId('incomplete-records').querySelectorAll('a')].map((link) => link.textContent)).toEqual(['Globex']);
  });
});
