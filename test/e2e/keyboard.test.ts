import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLICKUP, HUBSPOT, type FixtureSite } from './harness';
import { launchChromium } from './drivers/chromium';
import type { E2EBrowser, E2EPage, Surface } from './drivers/driver';
import { launchFirefox } from './drivers/firefox';
import { commitsOf, guardBadge, keyboardDragRightOn, moveDialogOf, panelOf, textOf, until, waitText } from './drivers/scenario-helpers';
import { COMPLETE_HANDOFF } from './panel-helpers';

// Baton operated with the keyboard alone: Tab, Shift+Tab, Enter, Space, Escape, arrows and
// typing. No clicks and no element.focus() from script, except to put focus at the start of a
// page (as a user landing on it). At each step the test asks where focus is and that it shows.
// Written once against test/e2e/drivers/ and run in Debian's Chromium and Firefox ESR.

/**
 * Where focus is on a page, through open shadow roots: 'dock tab', 'dock frame', 'dialog frame', or the element's name.
 * The dock's frame sits in a closed shadow root of its own (`baton-frame`) that no page script can enter: focus
 * in the frame reads, from the page, as that holder (the browser retargets it), and the holder holds nothing else.
 * Where focus is inside the frame is read in the frame itself (focusIn).
 */
function pageFocus(page: E2EPage): Promise<string> {
  return page.evaluate(() => {
    let element = document.activeElement;
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
    const host = (element?.getRootNode() as ShadowRoot | Document | undefined) instanceof ShadowRoot ? (element!.getRootNode() as ShadowRoot).host.localName : '';
    if (host === 'baton-dock') return element?.localName === 'baton-frame' ? 'dock frame' : element?.matches('button.tab') ? 'dock tab' : `dock ${element?.localName}`;
    if (host === 'baton-move-dialog') return element?.localName === 'iframe' ? 'dialog frame' : 'dialog backdrop';
    return element === document.body || !element ? 'page body' : `page ${element.localName}: ${element.getAttribute('aria-label') ?? element.textContent?.trim().slice(0, 40) ?? ''}`;
  }, undefined);
}

/** The focused element inside a frame or extension page: its accessible name, near enough, and whether focus shows. */
function focusIn(surface: Surface): Promise<{ name: string; visible: boolean } | undefined> {
  return surface.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body || !document.hasFocus()) return undefined;
    const labelled = element.getAttribute('aria-labelledby');
    const label = element.getAttribute('aria-label')
      ?? (labelled ? document.getElementById(labelled)?.textContent : undefined)
      ?? ('labels' in element ? (element as HTMLInputElement).labels?.[0]?.textContent : undefined)
      ?? element.textContent;
    const style = getComputedStyle(element);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    const visible = element.matches(':focus-visible') && (outline || style.boxShadow !== 'none');
    return { name: (label ?? '').replace(/\s+/g, ' ').trim(), visible };
  }, undefined);
}

/** Which element has focus in the page and in each of its frames (by position, through shadow roots): it changes with every key that moves focus. */
async function focusTrail(page: E2EPage): Promise<string> {
  const focusedPath = () => {
    const path: string[] = [];
    for (let root: Document | ShadowRoot | null | undefined = document; root?.activeElement; root = root.activeElement.shadowRoot) {
      path.push(`${root.activeElement.localName}#${[...root.querySelectorAll('*')].indexOf(root.activeElement)}`);
    }
    return document.hasFocus() ? path.join('>') : '';
  };
  const places = await Promise.all([page, ...page.childFrames()].map((surface) => surface.evaluate(focusedPath, undefined).catch(() => '')));
  return places.join(' | ');
}

/** Presses a key until focus (read by `where`) matches, failing after `limit` presses. */
async function pressUntil<T>(page: E2EPage, key: string, where: () => Promise<T>, accept: (value: T) => boolean, limit = 40): Promise<T[]> {
  const seen: T[] = [];
  for (let step = 0; step < limit; step += 1) {
    const before = await focusTrail(page);
    await page.press(key);
    // Focus crossing into or out of Baton's frame (another process) lands after the key event
    // returns: wait for it, or the next press starts from the old place and skips a control.
    await until(() => focusTrail(page), (now) => now !== before, `focus to move on ${key}`, 2000).catch(() => undefined);
    const value = await where();
    seen.push(value);
    if (accept(value)) return seen;
  }
  throw new Error(`${key} ×${limit} never reached the target; focus went: ${JSON.stringify(seen)}`);
}

/** Puts focus at the very start of a document, as a user arriving on the page. */
async function focusPageStart(surface: Surface): Promise<void> {
  await surface.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    window.focus();
  }, undefined);
}

const badgeReads = (panel: Surface, text: string) => waitText(panel, '[data-testid="completeness-badge"]', (shown) => shown === text, `the badge to read "${text}"`);
const saved = (panel: Surface) => waitText(panel, '[data-testid="save-status"]', (text) => text.startsWith('Saved'), 'the panel to say Saved');

const FIELD_ORDER = ['Client goals', 'Scope and deliverables', 'Promised timeline', 'Objections and risks', 'Decision maker', 'Next owner'];

const BROWSERS: [string, (sites: FixtureSite[]) => Promise<E2EBrowser>][] = [
  ['Chromium', launchChromium],
  ['Firefox ESR', launchFirefox],
];

describe.each(BROWSERS)('Baton by keyboard alone in %s', (_name, launchBrowser) => {
  let browser: E2EBrowser;
  beforeAll(async () => {
    browser = await launchBrowser([HUBSPOT, CLICKUP]);
  });
  afterAll(() => browser?.close());

  /** A HubSpot deal with its panel drawn and empty, focus at the start of the page. */
  async function openEmptyDeal(id: string): Promise<{ page: E2EPage; panel: Surface }> {
    const page = await browser.newPage();
    await page.goto(`https://app.hubspot.com/contacts/4455/record/0-3/${id}`);
    const panel = await panelOf(page);
    await badgeReads(panel, '0 of 6 required');
    await focusPageStart(page);
    return { page, panel };
  }

  it('panel on a HubSpot deal: Tab from the page into the dock, fill the checklist, the ⋯ menu, collapse and reopen, the brief', async () => {
    const { page, panel } = await openEmptyDeal('7001');

    // Tab through the host page's own controls until focus enters Baton's panel, which comes
    // after them (the dock is the last thing in the document).
    const route = await pressUntil(page, 'Tab', () => pageFocus(page), (where) => where === 'dock frame');
    expect(route).toContain('page button: Appointment scheduled');
    expect(await focusIn(panel)).toEqual({ name: 'More actions', visible: true });

    // The ⋯ menu: Enter opens it, Tab reaches its items, Escape closes it and focus goes back to ⋯.
    const menuOpen = () => panel.evaluate(() => document.querySelector('details.panel-menu')?.hasAttribute('open'), undefined);
    await page.press('Enter');
    await until(menuOpen, (open) => open === true, 'the ⋯ menu to open');
    await page.press('Tab');
    const item = await focusIn(panel);
    expect(item?.visible).toBe(true);
    expect(await panel.evaluate(() => document.activeElement?.closest('.panel-menu__items') !== null, undefined)).toBe(true);
    await page.press('Escape');
    await until(menuOpen, (open) => open === false, 'the ⋯ menu to close');
    expect(await focusIn(panel)).toEqual({ name: 'More actions', visible: true });

    // Collapse with Enter: focus follows to the dock's tab on the host page; Enter there reopens
    // the panel and focus goes back into it.
    await page.press('Tab');
    expect(await focusIn(panel)).toEqual({ name: 'Collapse the handoff checklist', visible: true });
    await page.press('Enter');
    await until(() => pageFocus(page), (where) => where === 'dock tab', 'focus on the dock tab');
    const tabFocus = () => page.evaluate(() => {
      const tab = document.querySelector('baton-dock')!.shadowRoot!.querySelector<HTMLElement>('.tab')!;
      const style = getComputedStyle(tab);
      return { focusVisible: tab.matches(':focus-visible'), outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0, text: tab.textContent };
    }, undefined);
    // The tab's badge is the page's own count, which may still be loading: wait for it, not for focus.
    await until(() => guardBadge(page), (text) => text.includes('0 of 6 required'), 'the dock tab to count 0 of 6');
    expect(await tabFocus()).toEqual({ focusVisible: true, outline: true, text: 'Handoff checklist · 0 of 6 required' });
    expect(await pageFocus(page)).toBe('dock tab');
    await page.press('Enter');
    await until(() => pageFocus(page), (where) => where === 'dock frame', 'focus back in the panel');

    // Into the checklist, typing each field and tabbing to the next, in reading order.
    const reopened = await panelOf(page);
    await pressUntil(page, 'Tab', () => focusIn(reopened), (where) => where?.name.startsWith('Client goals') === true, 6);
    for (const [index, label] of FIELD_ORDER.entries()) {
      const where = await focusIn(reopened);
      expect(where?.name).toBe(`${label} *`);
      expect(where?.visible).toBe(true);
      await page.type(COMPLETE_HANDOFF[label]!);
      if (index < FIELD_ORDER.length - 1) await page.press('Tab');
    }
    await saved(reopened);
    await badgeReads(reopened, '6 of 6 required');

    // Complete: Tab goes on past the optional field to the brief's buttons; Enter inserts it.
    const toBrief = await pressUntil(page, 'Tab', () => focusIn(reopened), (where) => where?.name === 'Insert brief', 6);
    expect(toBrief.map((where) => where?.name)).toEqual(['Special terms (optional)', 'Insert brief']);
    expect(toBrief.at(-1)?.visible).toBe(true);
    await page.press('Tab');
    expect(await focusIn(reopened)).toEqual({ name: 'Copy brief', visible: true });
    await page.press('Shift+Tab');
    expect(await focusIn(reopened)).toEqual({ name: 'Insert brief', visible: true });
    await page.press('Enter');
    await until(() => reopened.evaluate(() => document.querySelector('[data-testid="brief-outcome"].notice--ok') !== null, undefined), (done) => done, 'the brief to be inserted');

    // And out again: Shift+Tab walks back up the panel and past its first control onto the host
    // page. (Forward, past the last control, a headless browser has no toolbar to go to: both wrap
    // to the top of the panel's own document.)
    const back = await pressUntil(page, 'Shift+Tab', () => pageFocus(page), (where) => where.startsWith('page '), 15);
    expect(back.at(-1)).not.toBe('page body');
    expect(await focusIn(reopened)).toBeUndefined();
    await page.close();
  });

  it('a blocked "Closed won" chosen by keyboard on the deal\'s stage control sends focus to the first missing field', async () => {
    const { page, panel } = await openEmptyDeal('7002');
    const onStageControl = () => page.evaluate(() => document.activeElement?.closest('[data-test-id="highlight-property-item-dealstage"]') !== null && document.activeElement?.textContent === 'Appointment scheduled', undefined);
    await pressUntil(page, 'Tab', onStageControl, (there) => there);
    await page.press('Enter');
    await until(() => page.evaluate(() => document.querySelector('[role="listbox"]') !== null, undefined), (open) => open, 'the stage list');
    for (let step = 0; step < 5; step += 1) await page.press('ArrowDown');
    await page.press('Enter');
    await waitText(panel, '[data-testid="block-notice"]', (text) => text.includes('"Closed won"'));
    expect(await commitsOf(page)).toEqual([]);
    await until(() => pageFocus(page), (where) => where === 'dock frame', 'focus in the panel');
    expect(await focusIn(panel)).toEqual({ name: 'Client goals *', visible: true });
    await page.type(COMPLETE_HANDOFF['Client goals']!);
    await page.press('Tab');
    expect(await focusIn(panel)).toEqual({ name: 'Scope and deliverables *', visible: true });
    await page.close();
  });

  it('the panel\'s template tabs (a ClickUp task both default templates apply to): one tab stop, arrow keys switch', async () => {
    const page = await browser.newPage();
    await page.goto('https://app.clickup.com/t/868a6gkvn');
    const panel = await panelOf(page);
    await until(() => panel.evaluate(() => document.querySelectorAll('[role="tab"]').length, undefined), (count) => count > 1, 'two template tabs');
    await focusPageStart(page);
    await pressUntil(page, 'Tab', () => pageFocus(page), (where) => where === 'dock frame');
    const onTab = () => panel.evaluate(() => document.activeElement?.getAttribute('role') === 'tab', undefined);
    await pressUntil(page, 'Tab', onTab, (there) => there, 5);
    const selected = () => panel.evaluate(() => document.querySelector('[role="tab"][aria-selected="true"]')?.textContent, undefined);
    const first = await focusIn(panel);
    expect(first?.visible).toBe(true);
    expect(first?.name).toBe(await selected());
    await page.press('ArrowRight');
    const second = await focusIn(panel);
    expect(second?.visible).toBe(true);
    expect(second?.name).not.toBe(first?.name);
    await until(selected, (name) => name === second?.name, 'the second template selected');
    await page.press('ArrowLeft');
    await until(selected, (name) => name === first?.name, 'the first template selected again');
    expect(await focusIn(panel)).toEqual(first);
    // One tab stop: Tab leaves the tab list for the selected template's first field.
    await page.press('Tab');
    expect(await onTab()).toBe(false);
    expect(await panel.evaluate(() => document.activeElement?.closest('#template-panel') !== null, undefined)).toBe(true);
    await page.close();
  });

  it('the move dialog: a keyboard drag opens it, focus starts inside, Tab stays inside, Escape closes it and focus goes back to the card', async () => {
    const page = await browser.newPage();
    await page.goto('https://app.hubspot.com/contacts/4455/objects/0-3/views/all/board?pipeline=default');
    await until(() => page.evaluate(() => document.querySelector('baton-badge') !== null, undefined), (drawn) => drawn, 'the card badges');
    await focusPageStart(page);
    // Tab to the card of deal 1005 (in "Contract sent"), lift it with Space, one column right, drop with Space.
    const focusedCard = () => page.evaluate(() => document.activeElement?.querySelector('[data-test-id="cdb-card"]')?.getAttribute('data-selenium-id') ?? '', undefined);
    await pressUntil(page, 'Tab', focusedCard, (id) => id === '1005', 80);
    await keyboardDragRightOn(page); // Contract sent -> Closed won
    const dialog = await moveDialogOf(page);
    expect(await commitsOf(page)).toEqual([]);

    // Focus starts inside the dialog, on the first field it asks for.
    await until(() => pageFocus(page), (where) => where === 'dialog frame', 'focus in the dialog frame', 5000);
    await until(async () => (await focusIn(dialog))?.name, (name) => name === 'Client goals *', 'focus on the first field', 5000);
    expect((await focusIn(dialog))?.visible).toBe(true);
    await page.type('Typed in the dialog');

    // Tab cycles inside the dialog: every press keeps focus in its frame, and comes round again.
    const cycle: string[] = [];
    for (let step = 0; step < 12; step += 1) {
      await page.press('Tab');
      expect(await pageFocus(page)).toBe('dialog frame');
      const where = await focusIn(dialog);
      expect(where?.visible).toBe(true);
      cycle.push(where!.name);
    }
    // Past Cancel (the Move button is disabled until complete), Tab comes round to the first field.
    expect(cycle.slice(cycle.indexOf('Cancel') + 1)[0]).toBe('Client goals *');
    // ...and backwards too.
    for (let step = 0; step < 12; step += 1) {
      await page.press('Shift+Tab');
      expect(await pageFocus(page)).toBe('dialog frame');
    }

    // Escape closes it (the draft kept, the card unmoved) and focus returns to the card.
    await saved(dialog);
    await page.press('Escape');
    await until(() => page.evaluate(() => document.querySelector('baton-move-dialog') === null, undefined), (gone) => gone, 'the dialog to close');
    expect(await commitsOf(page)).toEqual([]);
    await until(focusedCard, (id) => id === '1005', 'focus back on the card');
    await page.close();
  });

  // Baton's own pages: in a tab of their own in Chromium; in Firefox inside the panel's frame on a
  // host page (drivers/firefox.ts), focus put at the frame document's start. The handoffs page
  // lists the handoffs the scenarios above saved: it runs after them.
  for (const path of ['options.html', 'handoffs.html']) {
    it(`${path}: every control reachable by Tab, in reading order, each showing focus; Shift+Tab walks back`, async () => {
      const page = await browser.openExtensionPage(path);
      await until(() => textOf(page, 'h1'), (text) => text !== '', `${path} to draw`);
      await until(() => page.evaluate(() => document.querySelectorAll('[aria-busy="true"], .loading').length, undefined), (count) => count === 0, `${path} to load`);
      await new Promise((done) => setTimeout(done, 300)); // stored settings and rows drawn
      // Every control a user can operate, in document (reading) order, numbered.
      const count = await page.evaluate(() => {
        const controls = [...document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, summary, [tabindex]')].filter(
          (control) => control.tabIndex >= 0 && !(control as HTMLButtonElement).disabled && control.getClientRects().length > 0 && getComputedStyle(control).visibility !== 'hidden',
        ).filter((control) => {
          // A radio group is one tab stop (its checked radio); arrows move within it.
          if (!(control instanceof HTMLInputElement) || control.type !== 'radio') return true;
          const group = [...document.querySelectorAll<HTMLInputElement>(`input[type="radio"][name="${control.name}"]`)];
          return control.checked || (!group.some((radio) => radio.checked) && group[0] === control);
        });
        controls.forEach((control, index) => control.setAttribute('data-kbd-order', String(index)));
        return controls.length;
      }, undefined);
      expect(count).toBeGreaterThan(5);
      const order = () => page.evaluate(() => document.activeElement?.getAttribute('data-kbd-order') ?? null, undefined);
      await focusPageStart(page);
      const forward: (string | null)[] = [];
      const hidden: string[] = [];
      for (let step = 0; step < count; step += 1) {
        await page.press('Tab');
        forward.push(await order());
        const where = await focusIn(page);
        if (!where?.visible) hidden.push(where?.name ?? 'nothing');
      }
      expect(forward).toEqual([...Array(count).keys()].map(String));
      expect(hidden, 'controls whose focus does not show').toEqual([]);
      const backward: (string | null)[] = [];
      for (let step = 1; step < count; step += 1) {
        await page.press('Shift+Tab');
        backward.push(await order());
      }
      expect(backward).toEqual([...Array(count - 1).keys()].map(String).reverse());
      await page.close();
    });
  }
});
