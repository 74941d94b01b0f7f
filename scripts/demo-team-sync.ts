import type { Page } from 'playwright-core';
import { CLICKUP, HUBSPOT, launch, panelFrame } from '../test/e2e/harness';
import { COMPLETE_HANDOFF, fillChecklist, waitSaved } from '../test/e2e/panel-helpers';
import { startTeamServer } from '../test/e2e/team-server';
import { boardBadge, connectProfile, HUBSPOT_BOARD, hubspotDeal } from '../test/e2e/team-sync-helpers';

/**
 * The demo's team part: an embedded team server and two browser profiles, a rep and a lead.
 * The rep fills a deal's checklist; the lead's open board badges that deal complete within
 * seconds. Returns the clean-up (browsers, server and its temporary database).
 */
export async function demoTeamSync(shot: (page: Page, name: string) => Promise<void>, headed: boolean): Promise<() => Promise<void>> {
  const server = await startTeamServer();
  console.log(`Team server on ${server.address} (embedded database); a rep and a lead join it`);
  const rep = await launch([HUBSPOT, CLICKUP], undefined, { headed });
  const lead = await launch([HUBSPOT, CLICKUP], undefined, { headed });
  await connectProfile(rep, server.address, await server.invite('maria@acme.test', 'member'));
  await connectProfile(lead, server.address, await server.invite('lee@acme.test', 'lead'));
  const settings = await rep.context.newPage();
  await settings.goto(`chrome-extension://${rep.extensionId}/options.html`);
  await shot(settings, 'team-rep-connected');
  await settings.close();

  const board = await lead.context.newPage();
  await board.setViewportSize({ width: 1400, height: 900 });
  await board.goto(HUBSPOT_BOARD);
  await boardBadge(board, '1004').waitFor();
  await shot(board, 'team-lead-board-before');

  const deal = await rep.context.newPage();
  await deal.setViewportSize({ width: 1400, height: 900 });
  await deal.goto(hubspotDeal('1004'));
  const panel = await panelFrame(deal);
  await fillChecklist(panel, COMPLETE_HANDOFF);
  await waitSaved(panel);
  await shot(deal, 'team-rep-checklist-complete');

  await board.waitForFunction(() => document.querySelector('[data-test-id="cdb-card"][data-selenium-id="1004"] baton-badge')?.getAttribute('data-state') === 'complete', undefined, { timeout: 15_000 });
  await shot(board, 'team-lead-board-badge-complete');
  return async () => {
    await Promise.all([rep.dispose(), lead.dispose()]);
    await server.close();
  };
}
