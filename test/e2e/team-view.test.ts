import AxeBuilder from '@axe-core/playwright';
import { serve } from '@hono/node-server';
import type { Server } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { browser } from 'wxt/browser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TeamConnection } from '../../lib/sync/connection';
import type { Role } from '../../lib/sync/roles';
import type { Change, HandoffKey } from '../../lib/sync/schemas';
import { createApp } from '../../server/app';
import { DEFAULT_ALLOWED_ORIGINS } from '../../server/http/origins';
import { openStore, type Store } from '../../server/storage/store';
import { HUBSPOT, launch, type Session } from './harness';
import { pollText } from './panel-helpers';

// The handoffs page's team view against a real team server (server/app.ts over PGlite in a
// temporary directory) that this test starts, seeded through its HTTP API by several members
// pushing changes, as their browsers would.

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = Date.now();
const clock = { now: NOW };

let dataDir: string;
let store: Store;
let server: Server;
let base: string;
let session: Session;
const tokens: Record<string, { token: string; role: Role }> = {};

const deal = (recordId: string): HandoffKey => ({ host: 'hubspot', objectType: 'deal', recordId, templateId: 'sales-to-onboarding' });
const REX_DEAL = deal('7101');
const RITA_DEAL = deal('7102');
const RITA_WAITING = deal('7103');
const REX_DEAL_URL = 'https://app.hubspot.com/contacts/4455/record/0-3/7101';

let counter = 0;
const id = (what: string) => `${what}-${++counter}-${Math.random().toString(36).slice(2, 8)}`;

async function http(path: string, token: string | undefined, body?: unknown): Promise<Response> {
  return fetch(`${base}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** A member's changes, pushed at `at` by the server's clock; every one must be applied. */
async function push(email: string, at: number, changes: Omit<Change, 'id' | 'clientAt'>[]): Promise<void> {
  clock.now = at;
  const response = await http('/v1/push', tokens[email]!.token, { changes: changes.map((change) => ({ ...change, id: id(change.kind), clientAt: at })) });
  const { results } = (await response.json()) as { results: { status: string; reason?: string }[] };
  expect(results.map((result) => result.reason ?? result.status)).toEqual(changes.map(() => 'applied'));
}

const field = (handoff: HandoffKey, value: string, extra: object = {}) => ({ kind: 'field', handoff, fieldId: 'goals', value, baseSeq: 0, ...extra }) as const;
// Only the next owner a handoff names by email (or a lead) may answer it (lib/sync/handoff-rules.ts).
const nextOwner = (handoff: HandoffKey, email: string) => ({ kind: 'field', handoff, fieldId: 'nextOwner', value: email, baseSeq: 0 }) as const;
const ready = (handoff: HandoffKey) => ({ kind: 'state', handoff, to: 'ready' }) as const;
const sent = (handoff: HandoffKey) => ({ kind: 'briefSent', handoff, brief: 'The brief' }) as const;
const answer = (handoff: HandoffKey, decision: 'accepted' | 'sentBack', at: number, reason?: string) =>
  ({ kind: 'receipt', handoff, answer: { decision, at, ...(reason ? { reason } : {}) }, checked: [] }) as const;
const move = (recordId: string, outcome: 'blocked' | 'unverified') => ({ kind: 'move', ref: { host: 'hubspot', objectType: 'deal', recordId }, stage: 'Closed won', outcome }) as const;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'baton-team-view-'));
  store = await openStore({ kind: 'pglite', dataDir });
  const app = createApp({ store, allowedOrigins: [...DEFAULT_ALLOWED_ORIGINS], now: () => clock.now, log: () => {}, requestsPerMinute: 10_000 });
  server = await new Promise<Server>((resolve) => {
    const started = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(started as Server));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const teamId = await store.members.teamId('acme', NOW);
  for (const [email, role] of [
    ['ada@acme.test', 'admin'],
    ['lee@acme.test', 'lead'],
    ['rex@acme.test', 'member'],
    ['rita@acme.test', 'member'],
    ['mo@acme.test', 'member'],
  ] as const) {
    const { code } = await store.members.invite(teamId, email, role, NOW);
    const redeemed = (await (await http('/v1/redeem', undefined, { code })).json()) as { token: string };
    tokens[email] = { token: redeemed.token, role };
  }
  // Rex's deal: sent ten days ago, accepted six hours later.
  await push('rex@acme.test', NOW - 10 * DAY, [field(REX_DEAL, 'Grow revenue', { recordTitle: 'Acme Corp', recordUrl: REX_DEAL_URL }), nextOwner(REX_DEAL, 'mo@acme.test'), ready(REX_DEAL), sent(REX_DEAL)]);
  await push('mo@acme.test', NOW - 10 * DAY + 6 * HOUR, [answer(REX_DEAL, 'accepted', NOW - 10 * DAY + 6 * HOUR)]);
  // Rita's deal: sent back with a reason; another sent three days ago, still unanswered.
  await push('rita@acme.test', NOW - 5 * DAY, [field(RITA_DEAL, 'Cut costs', { recordTitle: 'Globex' }), nextOwner(RITA_DEAL, 'mo@acme.test'), ready(RITA_DEAL), sent(RITA_DEAL)]);
  await push('mo@acme.test', NOW - 5 * DAY + 2 * HOUR, [answer(RITA_DEAL, 'sentBack', NOW - 5 * DAY + 2 * HOUR, 'Scope leaves out the POS work')]);
  await push('rita@acme.test', NOW - 3 * DAY, [field(RITA_WAITING, 'Expand seats'), ready(RITA_WAITING), sent(RITA_WAITING)]);
  // Moves the guards judged: two blocked, one let through unverified.
  await push('rex@acme.test', NOW - 2 * DAY, [move('7101', 'blocked'), move('7104', 'blocked')]);
  await push('rita@acme.test', NOW - DAY, [move('7103', 'unverified')]);
  clock.now = NOW;
  session = await launch([HUBSPOT]);
}, 120_000);

afterAll(async () => {
  await session?.dispose();
  server?.close();
  await store?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** The handoffs page, connected as `email` (the stored connection the settings page would write). */
async function handoffsPageAs(email: string, options: { role?: Role; theme?: 'light' | 'dark' } = {}): Promise<Page> {
  const page = await session.context.newPage();
  await page.emulateMedia({ colorScheme: options.theme ?? 'light' });
  await page.goto(`chrome-extension://${session.extensionId}/handoffs.html`);
  const connection: TeamConnection = {
    server: base,
    token: tokens[email]!.token,
    member: { email, role: options.role ?? tokens[email]!.role, team: 'acme' },
    connectedAt: Date.now(),
  };
  await page.evaluate((value) => (globalThis as unknown as { chrome: typeof browser }).chrome.storage.local.set({ teamConnection: value }), connection);
  await page.reload();
  await page.getByRole('heading', { name: 'Baton handoffs' }).waitFor();
  return page;
}

async function openTeamTab(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Team' }).click();
  await page.getByTestId('team-table').waitFor();
}

const indicator = (page: Page, name: string) => page.getByTestId(`indicator-${name}`).getByTestId('indicator-value');

function teamOrder(page: Page): Promise<string[]> {
  return page.getByTestId('team-row').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-handoff-id')!.split('/')[2]!));
}

describe('the team view', () => {
  it('is not offered to a member, and a member who claims to be a lead is told why not', async () => {
    const page = await handoffsPageAs('rex@acme.test');
    await page.getByTestId('handoff-count').or(page.getByTestId('no-handoffs')).waitFor();
    expect(await page.getByRole('tablist').count()).toBe(0);
    expect(await page.getByTestId('team-view').count()).toBe(0);
    await page.close();

    const claiming = await handoffsPageAs('rex@acme.test', { role: 'lead' });
    await claiming.getByRole('tab', { name: 'Team' }).click();
    await pollText(claiming.getByTestId('team-notice')).toBe('The team server refused the team view: this needs the lead role; you are member');
    expect(await claiming.getByTestId('team-row').count()).toBe(0);
    await claiming.close();
  });

  it("shows a lead every member's handoffs by owner and state, and the leading indicators", async () => {
    const page = await handoffsPageAs('lee@acme.test');
    // The switch is tabs: the arrow key moves to Team and shows it.
    await page.getByRole('tab', { name: 'My handoffs' }).focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('tab', { name: 'Team' }).getAttribute('aria-selected')).resolves.toBe('true');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Team');
    await page.getByTestId('team-table').waitFor();

    await pollText(page.getByTestId('team-count')).toBe('3 handoffs, 3 shown');
    expect(await teamOrder(page)).toEqual(['7103', '7102', '7101']);
    const rex = page.locator('[data-handoff-id="hubspot/deal/7101/sales-to-onboarding"]');
    await expect(rex.locator('[data-column="owner"]').innerText()).resolves.toBe('rex@acme.test');
    await expect(rex.locator('[data-column="state"]').innerText()).resolves.toBe('accepted');
    await expect(rex.getByRole('link', { name: 'Acme Corp' }).getAttribute('href')).resolves.toBe(REX_DEAL_URL);

    await page.getByTestId('team-owner-filter').selectOption('rita@acme.test');
    await pollText(page.getByTestId('team-count')).toBe('3 handoffs, 2 shown');
    await page.getByTestId('team-state-filter').selectOption('sentBack');
    expect(await teamOrder(page)).toEqual(['7102']);
    await page.getByTestId('team-state-filter').selectOption('');
    await page.getByTestId('team-owner-filter').selectOption('');
    await page.getByRole('columnheader', { name: 'Owner' }).getByRole('button').click();
    expect((await teamOrder(page))[0]).toBe('7101');

    await pollText(indicator(page, 'handoffsPerWeek')).toBe('3');
    await pollText(indicator(page, 'completeAtFirstTry')).toBe('50%');
    await pollText(indicator(page, 'movesBlocked')).toBe('2');
    await pollText(indicator(page, 'sentBack')).toBe('1');
    await pollText(indicator(page, 'medianHoursToAccept')).toBe('6.0 hours');
    await pollText(indicator(page, 'waitingForAccept')).toBe('1');
    await pollText(indicator(page, 'movesUnverified')).toBe('1');
    await expect(page.getByTestId('sent-back-reasons').innerText()).resolves.toContain('Scope leaves out the POS work');
    const chart = page.getByTestId('weekly-chart');
    await expect(chart.getByRole('img', { name: 'Handoffs sent per week' }).count()).resolves.toBe(1);
    expect(await chart.locator('rect').count()).toBe(8);

    // Fewer weeks: the weekly numbers follow the selector.
    await page.getByTestId('team-weeks').selectOption('4');
    await expect.poll(() => chart.locator('rect').count()).toBe(4);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download team CSV' }).click()]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(download.suggestedFilename()).toMatch(/^baton-team-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(csv.trim().split('\r\n')).toHaveLength(4);
    expect(csv).toContain('rita@acme.test,hubspot,deal,7102,Globex');
    await page.close();
  });

  it('has no accessibility violations (axe, WCAG 2.1 AA and best practices) in light and dark, members list included', async () => {
    for (const theme of ['light', 'dark'] as const) {
      const page = await handoffsPageAs('ada@acme.test', { theme });
      await openTeamTab(page);
      await page.getByTestId('members-table').waitFor();
      const results = await new AxeBuilder({ page: page as never }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
      expect(results.passes.length).toBeGreaterThan(0);
      expect([theme, results.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.length})`)]).toEqual([theme, []]);
      await page.close();
    }
  });

  it('lets an admin invite someone (the code shown once) and revoke a member', async () => {
    const page = await handoffsPageAs('ada@acme.test');
    await openTeamTab(page);
    const members = page.getByTestId('members-table');
    await pollText(members.locator('[data-email="rex@acme.test"] [data-column="status"]')).toBe('active');

    await page.getByLabel('Email').fill('new@acme.test');
    await page.getByRole('combobox', { name: 'Role' }).selectOption('lead');
    await page.getByRole('button', { name: 'Create invite code' }).click();
    const code = await page.getByTestId('invite-code-value').innerText();
    await expect(page.getByTestId('invite-code').innerText()).resolves.toContain('It expires on');
    await pollText(members.locator('[data-email="new@acme.test"] [data-column="status"]')).toBe('invited');
    const redeemed = await http('/v1/redeem', undefined, { code });
    expect(redeemed.status).toBe(200);

    await page.getByRole('button', { name: 'Revoke rex@acme.test' }).click();
    await page.getByRole('button', { name: 'Yes, revoke' }).click();
    await pollText(members.locator('[data-email="rex@acme.test"] [data-column="status"]')).toBe('revoked');
    expect((await http('/v1/me', tokens['rex@acme.test']!.token)).status).toBe(401);
    await page.close();
  });

  it('keeps the last view, as of when it was loaded, while the server is down', async () => {
    const page = await handoffsPageAs('lee@acme.test');
    await openTeamTab(page);
    await pollText(page.getByTestId('team-count')).toBe('3 handoffs, 3 shown');
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
    await page.getByRole('button', { name: 'Refresh' }).click();
    await pollText(page.getByTestId('team-notice')).toMatch(/^The team server at http:\/\/127\.0\.0\.1:\d+ cannot be reached\. Showing the team view as of /);
    await expect(page.getByTestId('team-row').count()).resolves.toBe(3);
    // A page opened while the server is down shows the view this browser loaded last.
    await page.reload();
    await page.getByRole('tab', { name: 'Team' }).click();
    await pollText(page.getByTestId('team-notice')).toContain('cannot be reached');
    await expect(page.getByTestId('team-row').count()).resolves.toBe(3);
    await page.close();
  });
});
