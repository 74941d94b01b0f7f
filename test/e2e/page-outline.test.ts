import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, panelFrame, PIPEDRIVE, type Session } from './harness';
import { openPage } from './pages';
import { pollText } from './panel-helpers';

// "Copy page outline" from the panel's menu: the page's structure reaches the clipboard, what
// the adapter found is named, and nothing the page says does.

let session: Session;
beforeAll(async () => {
  session = await launch([PIPEDRIVE]);
});
afterAll(() => session.dispose());

describe('Copy page outline', () => {
  it('copies the structure of a Pipedrive deal page and what the adapter found, without its text', async () => {
    await session.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'https://acme.pipedrive.com' });
    const page = await openPage(session, 'https://acme.pipedrive.com/deal/42?fixture=plain-header');
    const panel = await panelFrame(page);
    await panel.locator('summary[aria-label="More actions"]').click();
    await panel.getByRole('button', { name: 'Copy page outline' }).click();
    await pollText(panel.getByTestId('outline-outcome')).toContain('Page outline copied');
    const outline = await page.evaluate(() => navigator.clipboard.readText());
    expect(outline).toContain('app: pipedrive');
    expect(outline).toContain('record title: found');
    expect(outline).toContain('stage control: found: button');
    expect(outline).toContain('button.cui5-stage-selector__stage [aria-label] [aria-selected]');
    expect(outline).toContain('[data-testid="won-button"]');
    for (const text of ['Globex renewal', 'Demo Scheduled', 'Sam Seller', 'acme']) expect(outline).not.toContain(text);
    await page.close();
  });
});
