import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { HUBSPOT, launch, panelFrame, type Session } from './harness';
import { mouseDrag, moveDialog } from './panel-helpers';

// Baton's own pages, checked with axe (WCAG 2.1 A and AA rules, and axe's best practices):
// the panel in its states, the move dialog, the settings page, the handoffs page and the popup,
// each in the light and the dark theme (prefers-color-scheme).

let session: Session;
beforeAll(async () => {
  session = await launch([HUBSPOT]);
});
afterAll(() => session.dispose());

async function violations(page: Page, include?: Parameters<AxeBuilder['include']>[0][]): Promise<string[]> {
  // @axe-core/playwright wants a Playwright page; playwright-core's is the same object.
  const builder = new AxeBuilder({ page: page as never });
  for (const part of include ?? []) builder.include(part);
  const results = await builder.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  // A selector that matched nothing would pass vacuously.
  if (results.passes.length === 0) throw new Error('axe checked nothing');
  return results.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.length})`);
}

type Theme = 'light' | 'dark';

async function extensionPage(path: string, theme: Theme = 'light'): Promise<Page> {
  const page = await session.context.newPage();
  await page.emulateMedia({ colorScheme: theme });
  await page.goto(`chrome-extension://${session.extensionId}/${path}`);
  await page.waitForLoadState('networkidle');
  return page;
}

/** The frames Baton draws into a host page, checked from inside (axe follows into the frame). */
const panelIn = (host: string) => [{ fromShadowDom: [host, 'iframe'] as [string, string] }];

/** Whether a page or frame is drawn dark: the luminance of the first painted background. */
async function drawnDark(target: Page | Frame): Promise<boolean> {
  return target.evaluate(() => {
    const painted =
      [document.body, document.documentElement]
        .map((element) => getComputedStyle(element).backgroundColor)
        .find((color) => color !== 'rgba(0, 0, 0, 0)') ?? 'rgb(255, 255, 255)';
    const [r = 255, g = 255, b = 255] = painted.match(/\d+/g)?.map(Number) ?? [];
    return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255 < 0.3;
  });
}

describe.each(['light', 'dark'] as const)('accessibility, %s theme', (theme) => {
  it('the panel, blocked and with the guard inactive', async () => {
    const page = await session.context.newPage();
    await page.emulateMedia({ colorScheme: theme });
    await page.goto('https://app.hubspot.com/contacts/4455/record/0-3/9001');
    const panel = await panelFrame(page);
    await page.locator('[data-test-id="highlight-property-item-dealstage"] button').nth(1).click();
    await page.getByRole('option', { name: 'Closed won', exact: true }).click();
    await panel.getByTestId('block-notice').waitFor();
    await page.evaluate(() => (window as unknown as { __fixture: { removeStageControls(): void } }).__fixture.removeStageControls());
    await panel.getByTestId('guard-inactive').waitFor();
    expect(await drawnDark(panel)).toBe(theme === 'dark');
    expect(await violations(page, panelIn('baton-dock'))).toEqual([]);
    await page.close();
  });

  it('the move dialog', async () => {
    const page = await session.context.newPage();
    await page.emulateMedia({ colorScheme: theme });
    await page.goto('https://app.hubspot.com/contacts/4455/objects/0-3/views/all/board?pipeline=default');
    const card = page.locator('[data-test-id="cdb-card"][data-selenium-id="1003"]');
    const column = page.locator('[data-test-id="cdb-column"]').filter({ hasText: 'Closed won' }).first();
    await page.locator('baton-badge').first().waitFor();
    await mouseDrag(page, card, column);
    const dialog = await moveDialog(page);
    await dialog.locator('[role="dialog"]').waitFor();
    expect(await drawnDark(dialog)).toBe(theme === 'dark');
    expect(await violations(page, panelIn('baton-move-dialog'))).toEqual([]);
    await page.close();
  });

  it('the settings page, the handoffs page and the popup', async () => {
    for (const path of ['options.html', 'handoffs.html', 'popup.html']) {
      const page = await extensionPage(path, theme);
      expect([path, await drawnDark(page)]).toEqual([path, theme === 'dark']);
      expect(await violations(page)).toEqual([]);
      await page.close();
    }
  });

  it('the panel framed into a host page follows the system theme', async () => {
    const deal = await session.context.newPage();
    await deal.emulateMedia({ colorScheme: theme });
    await deal.goto('https://app.hubspot.com/contacts/4455/record/0-3/9003');
    const frame = await panelFrame(deal);
    await frame.locator('.panel').waitFor();
    expect(await drawnDark(frame)).toBe(theme === 'dark');
    await deal.close();
  });
});

describe('accessibility of what Baton draws into host pages (kept light: it sits on the host page)', () => {

  it('what Baton draws into host pages: the collapsed tab and the card badges', async () => {
    const deal = await session.context.newPage();
    await deal.goto('https://app.hubspot.com/contacts/4455/record/0-3/9002');
    await (await panelFrame(deal)).getByRole('button', { name: 'Collapse the handoff checklist' }).click();
    await deal.locator('baton-dock .tab').waitFor();
    expect(await violations(deal, [{ fromShadowDom: ['baton-dock', '.tab'] as [string, string] }])).toEqual([]);
    await deal.locator('baton-dock .tab').click();
    await deal.close();

    const board = await session.context.newPage();
    await board.goto('https://app.hubspot.com/contacts/4455/objects/0-3/views/all/board?pipeline=default');
    await board.locator('baton-badge').first().waitFor();
    expect(await violations(board, [{ fromShadowDom: ['baton-badge', 'span'] as [string, string] }])).toEqual([]);
    await board.close();
  });
});
