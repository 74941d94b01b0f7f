// npm run demo: the production build on the bundled demo pages (the e2e fixtures, served at
// the real host URLs). Headed Chromium when a display exists; otherwise headless, saving
// screenshots of each step to a folder it prints.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { HUBSPOT, launch, panelFrame } from '../test/e2e/harness';

const headed = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const shots = resolve('demo-screenshots');
mkdirSync(shots, { recursive: true });

const session = await launch([HUBSPOT], mkdtempSync(join(tmpdir(), 'baton-demo-')), { headed });
let step = 0;
async function shot(page: Page, name: string) {
  step += 1;
  const file = join(shots, `${String(step).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file });
  console.log(`  ${file}`);
}

const page = await session.context.newPage();
await page.setViewportSize({ width: 1400, height: 900 });
console.log('HubSpot deal (https://app.hubspot.com/contacts/4455/record/0-3/1001):');
await page.goto('https://app.hubspot.com/contacts/4455/record/0-3/1001');
const panel = await panelFrame(page);
await panel.getByLabel('Client goals').fill('Cut store onboarding from 6 weeks to 2.');
await shot(page, 'hubspot-panel');
await page.locator('[data-test-id="highlight-property-item-dealstage"] button').nth(1).click();
await page.getByRole('option', { name: 'Closed won', exact: true }).click();
await panel.getByTestId('block-notice').waitFor();
await shot(page, 'hubspot-closed-won-blocked');

if (headed) {
  console.log('\nChromium stays open on the demo pages; close it to end the demo.');
  await new Promise((resolve) => session.context.on('close', resolve));
} else {
  console.log(`\nNo display: screenshots are in ${shots}`);
}
await session.dispose();
