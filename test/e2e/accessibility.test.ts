import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { HUBSPOT, launch, panelFrame, type Session } from './harness';
import { mouseDrag, moveDialog } from './panel-helpers';

// Baton's own pages, checked with axe (WCAG 2.1 A and AA rules, and axe's best practices):
// the panel in its states, the move dialog, the settings page and the popup.

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

async function extensionPage(path: string): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/${path}`);
  await page.waitForLoadState('networkidle');
  return page;
}

/** The frames Baton draws into a host page, checked from inside (axe follows into the frame). */
const panelIn = (host: string) => [{ fromShadowDom: [host, 'iframe'] as [string, string] }];

describe('accessibility', () => {
  it('the panel, blocked and with the guard inactive', async () => {
    const page = await session.context.newPage();
    await page.goto('https://app.hubspot.com/contacts/4455/record/0-3/9001');
    const panel = await panelFrame(page);
    await page.locator('[data-test-id="highlight-property-item-dealstage"] button').nth(1).click();
    await page.getByRole('option', { name: 'Closed won', exact: true }).click();
    await panel.getByTestId('block-notice').waitFor();
    await page.evaluate(() => (window as unknown as { __fixture: { removeStageControls(): void } }).__fixture.removeStageControls());
    await panel.getByTestId('guard-inactive').waitFor();
    expect(await violations(page, panelIn('baton-dock'))).toEqual([]);
    await page.close();
  });

  it('the move dialog', async () => {
    const page = await session.context.newPage();
    await page.goto('https://app.hubspot.com/contacts/4455/objects/0-3/views/all/board?pipeline=default');
    const card = page.locator('[data-test-id="cdb-card"][data-selenium-id="1003"]');
    const column = page.locator('[data-test-id="cdb-column"]').filter({ hasText: 'Closed won' }).first();
    await page.locator('baton-badge').first().waitFor();
    await mouseDrag(page, card, column);
    await (await moveDialog(page)).locator('[role="dialog"]').waitFor();
    expect(await violations(page, panelIn('baton-move-dialog'))).toEqual([]);
    await page.close();
  });

  it('the settings page, the handoffs page and the popup', async () => {
    for (const path of ['options.html', 'handoffs.html', 'popup.html']) {
      const page = await extensionPage(path);
      expect(await violations(page)).toEqual([]);
      await page.close();
    }
  });

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
