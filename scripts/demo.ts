// npm run demo: the production build on the bundled demo pages (the e2e fixtures, served at
// the real host URLs). Headed Chromium when a display exists; otherwise headless, saving a
// screenshot of each step to a folder it prints.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { renderBrief } from '../lib/brief';
import { defaultTemplates } from '../lib/default-templates';
import { CLICKUP, HUBSPOT, launch, panelFrame, PIPEDRIVE, SALESFORCE } from '../test/e2e/harness';
import { demoTeamSync } from './demo-team-sync';

const headed = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const shots = resolve('demo-screenshots');
mkdirSync(shots, { recursive: true });

const session = await launch([HUBSPOT, SALESFORCE, PIPEDRIVE, CLICKUP], mkdtempSync(join(tmpdir(), 'baton-demo-')), { headed });
let step = 0;
async function shot(page: Page, name: string) {
  step += 1;
  const file = join(shots, `${String(step).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file });
  console.log(`  ${file}`);
}
async function open(url: string) {
  const page = await session.context.newPage();
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(url);
  return page;
}

console.log('HubSpot deal: a move to "Closed won" blocked until the checklist is complete');
const deal = await open('https://app.hubspot.com/contacts/4455/record/0-3/1001');
const panel = await panelFrame(deal);
await panel.getByLabel('Client goals').fill('Cut store onboarding from 6 weeks to 2.');
await shot(deal, 'hubspot-panel');
await deal.locator('[data-test-id="highlight-property-item-dealstage"] button').nth(1).click();
await deal.getByRole('option', { name: 'Closed won', exact: true }).click();
await panel.getByTestId('block-notice').waitFor();
await shot(deal, 'hubspot-closed-won-blocked');

for (const [name, url] of [
  ['salesforce-opportunity', 'https://acme.lightning.force.com/lightning/r/Opportunity/0065g00000AbCdEAAZ/view'],
  ['pipedrive-deal', 'https://acme.pipedrive.com/deal/17'],
  ['clickup-task', 'https://app.clickup.com/t/868a6gkvn'],
] as const) {
  console.log(`${name}:`);
  const page = await open(url);
  await panelFrame(page);
  await page.waitForTimeout(500);
  await shot(page, name);
}

console.log('HubSpot board: completeness badges, and a drag into "Closed won" that asks first');
const board = await open('https://app.hubspot.com/contacts/4455/objects/0-3/views/all/board?pipeline=default');
await board.locator('baton-badge').first().waitFor();
await shot(board, 'hubspot-board-badges');
const card = (await board.locator('[data-test-id="cdb-card"][data-selenium-id="1002"]').boundingBox())!;
const column = (await board.locator('[data-test-id="cdb-column"]').filter({ hasText: 'Closed won' }).first().boundingBox())!;
await board.mouse.move(card.x + card.width / 2, card.y + 12);
await board.mouse.down();
await board.mouse.move(card.x + card.width / 2 + 8, card.y + 14, { steps: 4 });
await board.mouse.move(column.x + column.width / 2, column.y + 60, { steps: 20 });
await board.mouse.up();
await board.waitForTimeout(800);
await shot(board, 'hubspot-board-drag-dialog');

console.log('ClickUp task: the brief arrives in a comment, the next owner accepts it');
const template = defaultTemplates()[0]!;
const brief = renderBrief({
  template,
  values: { clientGoals: 'Cut onboarding from 6 weeks to 2.', scope: 'POS integration, 12 stores.', timeline: 'Live by 15 March', objections: 'IT wary of another vendor.', decisionMaker: 'Jane Doe, COO', nextOwner: 'dana@example.com' },
  // A brief counts only on the record it names (lib/handoff-notes.ts).
  record: { host: 'clickup', objectType: 'task', recordId: '868a6h2pq' },
  recordTitle: 'Acme Corp - Annual plan',
  handedOffBy: 'Maria Lopez',
  at: new Date(),
});
const task = await open('https://app.clickup.com/t/868a6h2pq');
await task.evaluate((text) => (window as unknown as { __fixture: { addComment(text: string, author: string): void } }).__fixture.addComment(text, 'Maria Lopez'), brief);
(await panelFrame(task)).getByTestId('incoming-brief').waitFor();
await task.waitForTimeout(300);
await shot(task, 'clickup-incoming-brief');

console.log('Team sync: the rep’s checklist turns the lead’s board badge complete');
const closeTeam = await demoTeamSync(shot, headed);

if (headed) {
  console.log('\nChromium stays open on the demo pages; close it to end the demo.');
  await new Promise((resolve) => session.context.on('close', resolve));
} else {
  console.log(`\nNo display: screenshots are in ${shots}`);
}
await closeTeam();
await session.dispose();
