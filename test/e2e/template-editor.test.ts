import AxeBuilder from '@axe-core/playwright';
import { serve, type ServerType } from '@hono/node-server';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import { DEFAULT_ALLOWED_ORIGINS } from '../../server/http/origins';
import { openStore, type Store } from '../../server/storage/store';
import type { Role } from '../../lib/sync/roles';
import { HUBSPOT, launch, panelFrame, serviceWorker, type Session } from './harness';
import { commits, pollText } from './panel-helpers';

// An operations lead builds a template in the editor with the keyboard only, previews it, and
// (as the team's admin) publishes it through a real team server (PGlite in a temp dir); a
// member's Baton, in a second browser profile, fetches it and it guards a move there.

let dataDir: string;
let store: Store;
let server: ServerType;
let origin: string;
let admin: Session;

async function joinTeam(email: string, role: Role): Promise<{ token: string; member: { email: string; role: Role; team: string } }> {
  const teamId = await store.members.teamId('acme', Date.now());
  const { code } = await store.members.invite(teamId, email, role, Date.now());
  const response = await fetch(`${origin}/v1/redeem`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) });
  return (await response.json()) as never;
}

/** Sets keys of the extension's storage.local from inside the worker. */
function setLocal(session: Session, items: object): Promise<void> {
  return serviceWorker(session).then((worker) =>
    worker.evaluate((values) => (globalThis as unknown as { chrome: { storage: { local: { set(items: object): Promise<void> } } } }).chrome.storage.local.set(values), items),
  );
}

/**
 * Connects a profile's Baton to the team server: planted where an older version kept it, then
 * moved by the worker into the extension's own store (vault.ts) before any page opens, as after
 * an update.
 */
async function connect(session: Session, email: string, role: Role): Promise<string> {
  const { token, member } = await joinTeam(email, role);
  await setLocal(session, { teamConnection: { server: origin, token, member, connectedAt: Date.now() } });
  const worker = await serviceWorker(session);
  await expect
    .poll(() => worker.evaluate(async () => Object.keys(await (globalThis as unknown as { chrome: { storage: { local: { get(key: null): Promise<object> } } } }).chrome.storage.local.get(null))))
    .not.toContain('teamConnection');
  return token;
}

/** Presses Tab (or Shift+Tab) until the focused control's name contains `name`: a keyboard user's way there. */
async function tabTo(page: Page, name: string | RegExp, { back = false } = {}): Promise<void> {
  // A forty-field template has many stops (each field: its inputs, collapse, duplicate, remove).
  for (let step = 0; step < 300; step += 1) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      // Focus on the page itself (between the last control and the first) names nothing.
      if (!element || element === document.body) return '';
      const labels = 'labels' in element ? [...((element as HTMLInputElement).labels ?? [])].map((label) => label.textContent) : [];
      return [element.getAttribute('aria-label'), element.textContent, ...labels].filter(Boolean).join(' ');
    });
    if (typeof name === 'string' ? focused.includes(name) : name.test(focused)) return;
  }
  throw new Error(`Tab never reached "${String(name)}"`);
}

/** Tabs to the "Required" box of the field at this position, as a keyboard user would. */
async function tabToRequired(page: Page, position: number): Promise<void> {
  for (let step = 0; step < 120; step += 1) {
    await page.keyboard.press('Tab');
    const reached = await page.evaluate((wanted) => {
      const element = document.activeElement;
      if (!(element instanceof HTMLInputElement) || element.type !== 'checkbox') return false;
      if (![...(element.labels ?? [])].some((label) => label.textContent?.trim() === 'Required')) return false;
      const entry = element.closest('[data-testid="fields-entry"]');
      return entry !== null && [...document.querySelectorAll('[data-testid="fields-entry"]')].indexOf(entry) === wanted;
    }, position);
    if (reached) return;
  }
  throw new Error(`Tab never reached the Required box of field ${position + 1}`);
}

async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page: page as never }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  if (results.passes.length === 0) throw new Error('axe checked nothing');
  return results.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`);
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'baton-tpl-server-'));
  store = await openStore({ kind: 'pglite', dataDir });
  const app = createApp({ store, allowedOrigins: [...DEFAULT_ALLOWED_ORIGINS], now: () => Date.now(), log: () => {}, requestsPerMinute: 10_000 });
  await new Promise<void>((ready) => {
    server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info) => {
      origin = `http://127.0.0.1:${info.port}`;
      ready();
    });
  });
  admin = await launch([HUBSPOT]);
}, 120_000);

afterAll(async () => {
  await admin?.dispose();
  server?.close();
  await store?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('template editor', () => {
  let editor: Page;

  it('builds a template with the keyboard only, previews it and is axe clean', async () => {
    await connect(admin, 'ops@acme.example', 'admin');
    // Stage labels Baton saw on HubSpot pages, as the worker records them from the dock's reports.
    await setLocal(admin, { seenStages: { hubspot: ['Closed won', 'Closed Won – Enterprise', 'Appointment scheduled'] } });
    editor = await admin.context.newPage();
    await editor.goto(`chrome-extension://${admin.extensionId}/editor.html`);

    await tabTo(editor, "New template's name");
    await editor.keyboard.type('Finance handoff');
    await editor.keyboard.press('Enter');
    await tabTo(editor, 'Add host app');
    await editor.keyboard.press('Enter');
    await tabTo(editor, 'Add a stage to guard', { back: true });
    await editor.keyboard.type('closed won');
    await editor.keyboard.press('Enter');
    await pollText(editor.getByTestId('gate-matches')).toBe('matches: Closed won, Closed Won – Enterprise');

    for (const [label, kindKey] of [['Budget', 'N'], ['Billing contact', 'E']] as const) {
      await tabTo(editor, "New field's label");
      await editor.keyboard.type(label);
      await editor.keyboard.press('Tab');
      await editor.keyboard.type(kindKey === 'N' ? 'Number' : 'Email');
      await tabTo(editor, /^Add field$/);
      await editor.keyboard.press('Enter');
    }
    // Billing contact first, by keyboard; then both required.
    await tabTo(editor, 'Move Billing contact up', { back: true });
    await editor.keyboard.press('Enter');
    await expect.poll(() => editor.locator('[data-testid="fields-entry"] .field-editor > legend').allInnerTexts()).toEqual(['Billing contact', 'Budget']);
    await expect.poll(() => editor.getByTestId('editor-announcement').innerText()).toBe('Billing contact is now at position 1 of 2.');
    for (let index = 0; index < 2; index += 1) {
      await tabToRequired(editor, index);
      await editor.keyboard.press('Space');
    }

    const preview = editor.getByTestId('panel-preview');
    await pollText(preview.locator('.badge')).toBe('0 of 2 required');
    await expect.poll(() => preview.locator('.field label').allInnerTexts()).toEqual(['Billing contact *', 'Budget *']);
    await preview.getByLabel('Budget').fill('1200');
    await pollText(preview.locator('.badge')).toBe('1 of 2 required');

    await tabTo(editor, 'Save as a new version');
    await editor.keyboard.press('Enter');
    await pollText(editor.getByTestId('save-outcome')).toContain('Saved as version 1');
    expect(await axeViolations(editor)).toEqual([]);
  });

  it('publishes through the team server; a member fetches it and it guards a move there', async () => {
    // Publishing is offered once the editor has read the organization's policy (Chromium's first
    // read of managed storage can take seconds after the browser starts) and found it allows this server.
    await editor.getByRole('button', { name: 'Publish version 1 to the team' }).waitFor({ timeout: 15_000 });
    await tabTo(editor, 'Publish version 1 to the team');
    await editor.keyboard.press('Enter');
    await pollText(editor.getByTestId('save-outcome')).toContain('Version 1 is published');

    const member = await launch([HUBSPOT]);
    try {
      const token = await connect(member, 'rep@acme.example', 'member');
      // The server refuses a template from anyone but an admin.
      const refused = await fetch(`${origin}/v1/templates`, { method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: '{}' });
      expect(refused.status).toBe(403);
      const memberEditor = await member.context.newPage();
      await memberEditor.goto(`chrome-extension://${member.extensionId}/editor.html`);
      await memberEditor.getByRole('button', { name: 'Finance handoff', exact: true }).click({ timeout: 15_000 });
      await expect(memberEditor.getByRole('button', { name: /Publish/ }).count()).resolves.toBe(0);

      const page = await member.context.newPage();
      await page.goto('https://app.hubspot.com/contacts/4455/record/0-3/9001');
      const panel = await panelFrame(page);
      await page.locator('[data-test-id="highlight-property-item-dealstage"] button').nth(1).click();
      await page.getByRole('option', { name: 'Closed won', exact: true }).click();
      await pollText(panel.getByTestId('block-notice')).toContain('Billing contact, Budget (Finance handoff)');
      expect(await commits(page)).toEqual([]);
    } finally {
      await member.dispose();
    }
  });

  it('a handoff keeps its version until the rep opts in; the panel says what changed', async () => {
    const page = await admin.context.newPage();
    await page.goto('https://app.hubspot.com/contacts/4455/record/0-3/9002');
    const panel = await panelFrame(page);
    await panel.getByRole('tab', { name: 'Finance handoff' }).click();
    await panel.getByLabel('Budget').fill('1200');
    await pollText(panel.getByTestId('save-status')).toContain('Saved');

    await tabTo(editor, "New field's label");
    await editor.keyboard.type('Cost centre');
    await tabTo(editor, /^Add field$/);
    await editor.keyboard.press('Enter');
    await editor.getByTestId('fields-entry').nth(2).getByLabel('Required', { exact: true }).check();
    // Rename Budget, label and id (under "More"), by keyboard: the rep's answer must follow it.
    await editor.getByTestId('fields-entry').nth(1).getByRole('textbox', { name: /^Label/ }).focus();
    await editor.keyboard.press('Control+A');
    await editor.keyboard.type('Budget (EUR)');
    await tabTo(editor, 'More (placeholder, id)');
    await editor.keyboard.press('Enter');
    await tabTo(editor, 'Field id');
    await editor.keyboard.press('Control+A');
    await editor.keyboard.type('amount');
    await pollText(editor.getByTestId('impact')).toContain('Renamed fields keep their answers: Budget → Budget (EUR).');
    await editor.getByRole('button', { name: 'Save as a new version' }).click();
    await pollText(editor.getByTestId('save-outcome')).toContain('Saved as version 2');

    const notice = panel.getByTestId('version-notice');
    await pollText(notice).toContain('Version 2 of this template is out.');
    expect(await notice.innerText()).toContain('Added: Cost centre.');
    expect(await notice.innerText()).toContain('Renamed: Budget → Budget (EUR) (answers carried across).');
    expect(await notice.innerText()).not.toContain('Removed');
    expect(await panel.getByLabel('Cost centre').count()).toBe(0);
    await notice.getByRole('button', { name: 'Use version 2' }).click();
    await panel.getByLabel('Cost centre').waitFor();
    await expect.poll(() => panel.getByTestId('version-notice').count()).toBe(0);
    expect(await panel.getByLabel('Budget (EUR)').inputValue()).toBe('1200');
  });

  it('required when both ways, undo, the unsaved-changes prompt and a duplicate name, by keyboard; axe clean in both themes', async () => {
    await editor.bringToFront();
    // Escalation date: required when Budget (EUR) has a value ("…when it" left at "has any value").
    await tabTo(editor, "New field's label");
    await editor.keyboard.type('Escalation date');
    await editor.keyboard.press('Tab');
    await editor.keyboard.type('Date');
    await tabTo(editor, /^Add field$/);
    await editor.keyboard.press('Enter');
    await tabTo(editor, 'Required when this field', { back: true });
    await editor.keyboard.type('Budget');
    const preview = editor.getByTestId('panel-preview');
    const labels = () => preview.locator('.field label').allInnerTexts();
    await expect.poll(labels).toContain('Escalation date (optional)');
    await preview.getByLabel('Budget (EUR)').fill('5');
    await expect.poll(labels).toContain('Escalation date *');
    await preview.getByLabel('Budget (EUR)').fill('');
    await expect.poll(labels).toContain('Escalation date (optional)');

    // Remove field, then Ctrl+Z brings it back.
    await tabTo(editor, 'Remove field Escalation date');
    await editor.keyboard.press('Enter');
    await expect.poll(() => editor.getByTestId('fields-entry').count()).toBe(3);
    await editor.keyboard.press('Control+Z');
    await expect.poll(() => editor.getByTestId('fields-entry').count()).toBe(4);
    await pollText(editor.getByTestId('editor-announcement')).toBe('Change undone.');

    // Starting another template with unsaved changes asks first; Escape keeps editing.
    await tabTo(editor, "New template's name");
    await editor.keyboard.type('finance HANDOFF');
    await editor.keyboard.press('Enter');
    const dialog = editor.getByTestId('confirm-dialog');
    await pollText(dialog).toContain('Discard unsaved changes?');
    await editor.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await editor.getByTestId('fields-entry').count()).toBe(4);
    await editor.getByLabel("New template's name").focus();
    await editor.keyboard.press('Enter');
    await pollText(dialog).toContain('Discard unsaved changes?');
    await editor.keyboard.press('Tab');
    await editor.keyboard.press('Enter');
    // A second template of the same name is refused, in words, at once.
    await pollText(editor.locator('.details')).toContain('Name: another template is already named “finance HANDOFF”; pick another name.');
    await tabTo(editor, 'Save as a new version');
    await editor.keyboard.press('Enter');
    await pollText(editor.getByTestId('editor-problems')).toContain('Name: another template is already named');
    expect(await editor.getByTestId('editor-problems').innerText()).not.toMatch(/fields\[|appliesTo\[|Too small/);
    expect(await editor.getByTestId('save-outcome').innerText()).toBe('');

    expect(await axeViolations(editor)).toEqual([]);
    await editor.emulateMedia({ colorScheme: 'dark' });
    expect(await axeViolations(editor)).toEqual([]);
    await editor.emulateMedia({ colorScheme: 'light' });

    // Leaving with unsaved changes: the browser's own prompt.
    const prompt = new Promise<string>((resolve) => {
      editor.once('dialog', (question) => {
        resolve(question.type());
        void question.accept();
      });
      setTimeout(() => resolve('none'), 5_000);
    });
    await editor.close({ runBeforeUnload: true });
    expect(await prompt).toBe('beforeunload');
  });
});

// Chromium reads policies only from /etc/chromium/policies/managed (no per-profile path in
// Debian's build; `strings` on the binary names no other). A file there applies to every
// Chromium on the machine, and every Baton e2e build shares one extension id: on this shared
// machine it would lock settings in other engineers' concurrent runs. So by default the managed
// area is stubbed in the settings page only (the page still reads it through the real reader,
// component and locking); with BATON_E2E_SYSTEM_POLICY=1 (a throwaway CI machine, as root) the
// test writes the real policy file before the browser starts and removes it afterwards.
const SYSTEM_POLICY = process.env.BATON_E2E_SYSTEM_POLICY === '1';
const POLICY_DIR = '/etc/chromium/policies/managed';
const POLICY_FILE = `${POLICY_DIR}/baton-e2e.json`;
const EXTENSION_ID = new URL(DEFAULT_ALLOWED_ORIGINS[0]!).host;

describe('managed policy', () => {
  const policy = {
    teamServer: 'https://baton.acme.example',
    aiProvider: 'off',
    templates: [{ id: 'org-handoff', name: 'Org handoff', version: 3, appliesTo: [{ host: 'hubspot', objectType: 'deal', gateStages: 'closed won' }], fields: [{ id: 'po', label: 'PO number', kind: 'text', required: true }] }],
  };

  it('locks the team server (and what else the organization set) in settings, Set by your organization', async () => {
    let session: Session | undefined;
    try {
      if (SYSTEM_POLICY) {
        mkdirSync(POLICY_DIR, { recursive: true });
        writeFileSync(POLICY_FILE, JSON.stringify({ '3rdparty': { extensions: { [EXTENSION_ID]: policy } } }));
      }
      session = await launch([HUBSPOT]);
      if (!SYSTEM_POLICY) {
        await session.context.addInitScript((managed) => {
          const area = (globalThis as unknown as { chrome?: { storage?: { managed?: object } } }).chrome?.storage?.managed;
          if (area) Object.defineProperty(area, 'get', { value: async () => managed });
        }, policy);
      }
      const settings = await session.context.newPage();
      await settings.goto(`chrome-extension://${session.extensionId}/options.html`);
      const managed = settings.getByTestId('managed-settings');
      await pollText(managed).toContain('Set by your organization');
      const server = managed.getByLabel('Team server');
      expect(await server.inputValue()).toBe('https://baton.acme.example');
      expect(await server.getAttribute('readonly')).not.toBeNull();
      expect(await managed.getByLabel('Templates').inputValue()).toBe('Org handoff (v3)');
      expect(await managed.getByLabel('AI provider').inputValue()).toBe('Off');
      // The Connect form's own address field is locked to the organization's server too.
      const address = settings.locator('section[aria-labelledby="team-title"] input[name="server"]');
      await expect.poll(() => address.inputValue()).toBe('https://baton.acme.example');
      expect(await address.getAttribute('readonly')).not.toBeNull();
      if (SYSTEM_POLICY) {
        // The worker installed the organization's template; the editor shows it locked.
        const editorPage = await session.context.newPage();
        await editorPage.goto(`chrome-extension://${session.extensionId}/editor.html`);
        await editorPage.getByRole('button', { name: 'Org handoff', exact: true }).click({ timeout: 15_000 });
        await editorPage.getByTestId('template-locked').waitFor();
        expect(await editorPage.getByRole('button', { name: 'Save as a new version' }).isDisabled()).toBe(true);
      }
    } finally {
      await session?.dispose();
      if (SYSTEM_POLICY) rmSync(POLICY_FILE, { force: true });
    }
  });
});
