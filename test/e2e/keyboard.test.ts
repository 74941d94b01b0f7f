import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { CLICKUP, HUBSPOT, launch, panelFrame, type Session } from './harness';
import { COMPLETE_HANDOFF, badge, commits, guardShows, keyboardDragRight, moveDialog, pollText, waitSaved } from './panel-helpers';

// Baton operated with the keyboard alone: Tab, Shift+Tab, Enter, Space, Escape, arrows and
// typing. No clicks and no element.focus() from script, except to put focus at the start of a
// page (as a user landing on it). At each step the test asks where focus is and that it shows.

let session: Session;
beforeAll(async () => {
  session = await launch([HUBSPOT, CLICKUP]);
});
afterAll(() => session.dispose());

/** Where focus is on a page, through open shadow roots: 'dock tab', 'dock frame', 'dialog frame', or the element's name. */
function pageFocus(page: Page): Promise<string> {
  return page.evaluate(() => {
    let element = document.activeElement;
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
    const host = (element?.getRootNode() as ShadowRoot | Document | undefined) instanceof ShadowRoot ? (element!.getRootNode() as ShadowRoot).host.localName : '';
    if (host === 'baton-dock') return element?.localName === 'iframe' ? 'dock frame' : 'dock tab';
    if (host === 'baton-move-dialog') return element?.localName === 'iframe' ? 'dialog frame' : 'dialog backdrop';
    return element === document.body || !element ? 'page body' : `page ${element.localName}: ${element.getAttribute('aria-label') ?? element.textContent?.trim().slice(0, 40) ?? ''}`;
  });
}

/** The focused element inside a frame or extension page: its accessible name, near enough, and whether focus shows. */
function focusIn(surface: Frame | Page): Promise<{ name: string; visible: boolean } | undefined> {
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
  });
}

/** Presses a key until focus (read by `where`) matches, failing after `limit` presses. */
async function pressUntil<T>(page: Page, key: string, where: () => Promise<T>, accept: (value: T) => boolean, limit = 40): Promise<T[]> {
  const seen: T[] = [];
  for (let step = 0; step < limit; step += 1) {
    await page.keyboard.press(key);
    const value = await where();
    seen.push(value);
    if (accept(value)) return seen;
  }
  throw new Error(`${key} ×${limit} never reached the target; focus went: ${JSON.stringify(seen)}`);
}

/** Puts focus at the very start of a document, as a user arriving on the page. */
async function focusPageStart(page: Page): Promise<void> {
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    window.focus();
  });
}

/** A HubSpot deal with its panel drawn and empty, focus at the start of the page. */
async function openEmptyDeal(id: string): Promise<{ page: Page; panel: Frame }> {
  const page = await session.context.newPage();
  await page.goto(`https://app.hubspot.com/contacts/4455/record/0-3/${id}`);
  const panel = await panelFrame(page);
  await pollText(badge(panel)).toBe('0 of 6 required');
  await focusPageStart(page);
  return { page, panel };
}

const FIELD_ORDER = ['Client goals', 'Scope and deliverables', 'Promised timeline', 'Objections and risks', 'Decision maker', 'Next owner'];

describe('Baton by keyboard alone', () => {
  it('panel on a HubSpot deal: Tab from the page into the dock, fill the checklist, the ⋯ menu, collapse and reopen, the brief', async () => {
    const { page, panel } = await openEmptyDeal('7001');

    // Tab through the host page's own controls until focus enters Baton's panel, which comes
    // after them (the dock is the last thing in the document).
    const route = await pressUntil(page, 'Tab', () => pageFocus(page), (where) => where === 'dock frame');
    expect(route).toContain('page button: Appointment scheduled');
    expect(await focusIn(panel)).toEqual({ name: 'More actions', visible: true });

    // The ⋯ menu: Enter opens it, Tab reaches its items, Escape closes it and focus goes back to ⋯.
    const menuOpen = () => panel.evaluate(() => document.querySelector('details.panel-menu')?.hasAttribute('open'));
    await page.keyboard.press('Enter');
    await expect.poll(menuOpen).toBe(true);
    await page.keyboard.press('Tab');
    const item = await focusIn(panel);
    expect(item?.visible).toBe(true);
    expect(await panel.evaluate(() => document.activeElement?.closest('.panel-menu__items') !== null)).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(menuOpen).toBe(false);
    expect(await focusIn(panel)).toEqual({ name: 'More actions', visible: true });

    // Collapse with Enter: focus follows to the dock's tab on the host page; Enter there reopens
    // the panel and focus goes back into it.
    await page.keyboard.press('Tab');
    expect(await focusIn(panel)).toEqual({ name: 'Collapse the handoff checklist', visible: true });
    await page.keyboard.press('Enter');
    await expect.poll(() => pageFocus(page)).toBe('dock tab');
    const tabFocus = () => page.evaluate(() => {
      const tab = document.querySelector('baton-dock')!.shadowRoot!.querySelector<HTMLElement>('.tab')!;
      const style = getComputedStyle(tab);
      return { focusVisible: tab.matches(':focus-visible'), outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0, text: tab.textContent };
    });
    // The tab's badge is the page's own count, which may still be loading: wait for it, not for focus.
    await guardShows(page, '0 of 6 required');
    expect(await tabFocus()).toEqual({ focusVisible: true, outline: true, text: 'Handoff checklist · 0 of 6 required' });
    expect(await pageFocus(page)).toBe('dock tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => pageFocus(page)).toBe('dock frame');

    // Into the checklist, typing each field and tabbing to the next, in reading order.
    const reopened = await panelFrame(page);
    await pressUntil(page, 'Tab', () => focusIn(reopened), (where) => where?.name.startsWith('Client goals') === true, 6);
    for (const [index, label] of FIELD_ORDER.entries()) {
      const where = await focusIn(reopened);
      expect(where?.name).toBe(`${label} *`);
      expect(where?.visible).toBe(true);
      await page.keyboard.type(COMPLETE_HANDOFF[label]!);
      if (index < FIELD_ORDER.length - 1) await page.keyboard.press('Tab');
    }
    await waitSaved(reopened);
    await pollText(badge(reopened)).toBe('6 of 6 required');

    // Complete: Tab goes on past the optional field to the brief's buttons; Enter inserts it.
    const toBrief = await pressUntil(page, 'Tab', () => focusIn(reopened), (where) => where?.name === 'Insert brief', 6);
    expect(toBrief.map((where) => where?.name)).toEqual(['Special terms (optional)', 'Insert brief']);
    expect(toBrief.at(-1)?.visible).toBe(true);
    await page.keyboard.press('Tab');
    expect(await focusIn(reopened)).toEqual({ name: 'Copy brief', visible: true });
    await page.keyboard.press('Shift+Tab');
    expect(await focusIn(reopened)).toEqual({ name: 'Insert brief', visible: true });
    await page.keyboard.press('Enter');
    await expect.poll(() => reopened.locator('[data-testid="brief-outcome"].notice--ok').count()).toBe(1);
    await page.close();
  });

  it('a blocked "Closed won" chosen by keyboard on the deal\'s stage control sends focus to the first missing field', async () => {
    const { page, panel } = await openEmptyDeal('7002');
    const onStageControl = () => page.evaluate(() => document.activeElement?.closest('[data-test-id="highlight-property-item-dealstage"]') !== null && document.activeElement?.textContent === 'Appointment scheduled');
    await pressUntil(page, 'Tab', onStageControl, (there) => there);
    await page.keyboard.press('Enter');
    await page.getByRole('listbox').waitFor();
    for (let step = 0; step < 5; step += 1) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await pollText(panel.getByTestId('block-notice')).toContain('"Closed won"');
    expect(await commits(page)).toEqual([]);
    await expect.poll(() => pageFocus(page)).toBe('dock frame');
    expect(await focusIn(panel)).toEqual({ name: 'Client goals *', visible: true });
    await page.keyboard.type(COMPLETE_HANDOFF['Client goals']!);
    await page.keyboard.press('Tab');
    expect(await focusIn(panel)).toEqual({ name: 'Scope and deliverables *', visible: true });
    await page.close();
  });

  it('the panel\'s template tabs (a ClickUp task both default templates apply to): one tab stop, arrow keys switch', async () => {
    const page = await session.context.newPage();
    await page.goto('https://app.clickup.com/t/868a6gkvn');
    const panel = await panelFrame(page);
    await panel.getByRole('tab').nth(1).waitFor();
    await focusPageStart(page);
    await pressUntil(page, 'Tab', () => pageFocus(page), (where) => where === 'dock frame');
    const onTab = () => panel.evaluate(() => document.activeElement?.getAttribute('role') === 'tab');
    await pressUntil(page, 'Tab', onTab, (there) => there, 5);
    const selected = () => panel.evaluate(() => document.querySelector('[role="tab"][aria-selected="true"]')?.textContent);
    const first = await focusIn(panel);
    expect(first?.visible).toBe(true);
    expect(first?.name).toBe(await selected());
    await page.keyboard.press('ArrowRight');
    const second = await focusIn(panel);
    expect(second?.visible).toBe(true);
    expect(second?.name).not.toBe(first?.name);
    await expect.poll(selected).toBe(second?.name);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(selected).toBe(first?.name);
    expect(await focusIn(panel)).toEqual(first);
    // One tab stop: Tab leaves the tab list for the selected template's first field.
    await page.keyboard.press('Tab');
    expect(await onTab()).toBe(false);
    expect(await panel.evaluate(() => document.activeElement?.closest('#template-panel') !== null)).toBe(true);
    await page.close();
  });

  it('the move dialog: a keyboard drag opens it, focus starts inside, Tab stays inside, Escape closes it and focus goes back to the card', async () => {
    const page = await session.context.newPage();
    await page.goto('https://app.hubspot.com/contacts/4455/objects/0-3/views/all/board?pipeline=default');
    await page.locator('baton-badge').first().waitFor();
    await focusPageStart(page);
    // Tab to the card of deal 1005 (in "Contract sent"), lift it with Space, one column right, drop with Space.
    await pressUntil(page, 'Tab', () => page.evaluate(() => document.activeElement?.querySelector('[data-test-id="cdb-card"]')?.getAttribute('data-selenium-id') ?? ''), (id) => id === '1005', 80);
    await keyboardDragRight(page); // Contract sent -> Closed won
    const dialog = await moveDialog(page);
    expect(await commits(page)).toEqual([]);

    // Focus starts inside the dialog, on the first field it asks for.
    await expect.poll(() => pageFocus(page), { timeout: 5000 }).toBe('dialog frame');
    await expect.poll(async () => (await focusIn(dialog))?.name, { timeout: 5000 }).toBe('Client goals *');
    expect((await focusIn(dialog))?.visible).toBe(true);
    await page.keyboard.type('Typed in the dialog');

    // Tab cycles inside the dialog: every press keeps focus in its frame, and comes round again.
    const cycle: string[] = [];
    for (let step = 0; step < 12; step += 1) {
      await page.keyboard.press('Tab');
      expect(await pageFocus(page)).toBe('dialog frame');
      const where = await focusIn(dialog);
      expect(where?.visible).toBe(true);
      cycle.push(where!.name);
    }
    // Past Cancel (the Move button is disabled until complete), Tab comes round to the first field.
    expect(cycle.slice(cycle.indexOf('Cancel') + 1)[0]).toBe('Client goals *');
    // ...and backwards too.
    for (let step = 0; step < 12; step += 1) {
      await page.keyboard.press('Shift+Tab');
      expect(await pageFocus(page)).toBe('dialog frame');
    }

    // Escape closes it (the draft kept, the card unmoved) and focus returns to the card.
    await waitSaved(dialog);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('baton-move-dialog').count()).toBe(0);
    expect(await commits(page)).toEqual([]);
    await expect.poll(() => page.evaluate(() => document.activeElement?.querySelector('[data-test-id="cdb-card"]')?.getAttribute('data-selenium-id'))).toBe('1005');
    await page.close();
  });

  for (const path of ['options.html', 'handoffs.html']) {
    it(`${path}: every control reachable by Tab, in reading order, each showing focus; Shift+Tab walks back`, async () => {
      const page = await session.context.newPage();
      await page.goto(`chrome-extension://${session.extensionId}/${path}`);
      await page.locator('h1').waitFor();
      await expect.poll(() => page.locator('[aria-busy="true"], .loading').count()).toBe(0);
      await page.waitForTimeout(300); // stored settings and rows drawn
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
      });
      expect(count).toBeGreaterThan(5);
      const order = () => page.evaluate(() => document.activeElement?.getAttribute('data-kbd-order') ?? null);
      await focusPageStart(page);
      const forward: (string | null)[] = [];
      const hidden: string[] = [];
      for (let step = 0; step < count; step += 1) {
        await page.keyboard.press('Tab');
        forward.push(await order());
        const where = await focusIn(page);
        if (!where?.visible) hidden.push(where?.name ?? 'nothing');
      }
      expect(forward).toEqual([...Array(count).keys()].map(String));
      expect(hidden, 'controls whose focus does not show').toEqual([]);
      const backward: (string | null)[] = [];
      for (let step = 1; step < count; step += 1) {
        await page.keyboard.press('Shift+Tab');
        backward.push(await order());
      }
      expect(backward).toEqual([...Array(count - 1).keys()].map(String).reverse());
      await page.close();
    });
  }
});
