import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLICKUP, HUBSPOT, launch, panelFrame, type Session } from './harness';
import { openPage } from './pages';
import { COMPLETE_HANDOFF, fillChecklist, pollText, waitSaved } from './panel-helpers';
import { startTeamServer, type TestTeamServer } from './team-server';
import { connectProfile, hubspotDeal, syncLineShows } from './team-sync-helpers';

// The team server's rules, as two teammates meet them in their browsers: a rep who sends a
// handoff naming someone else as its next owner, and a teammate who tries to accept it anyway.

const LIVE_MS = 10_000;
const TASK = '868rules1';

let server: TestTeamServer;
let rep: Session;
let teammate: Session;

beforeAll(async () => {
  server = await startTeamServer();
  rep = await launch([HUBSPOT, CLICKUP]);
  teammate = await launch([HUBSPOT, CLICKUP]);
  await connectProfile(rep, server.address, await server.invite('rep@team.test', 'member'));
  await connectProfile(teammate, server.address, await server.invite('tom@team.test', 'member'));
}, 120_000);
afterAll(async () => {
  await Promise.all([rep?.dispose(), teammate?.dispose()]);
  await server?.close();
});

async function serverHandoff(recordId: string) {
  const teamId = await server.store.members.teamId('default', Date.now());
  return (await server.store.team.handoffs(teamId)).handoffs.find((row) => row.handoff.recordId === recordId);
}

describe('who may change a handoff, in the browser', () => {
  it("a teammate's accept of a handoff meant for someone else is refused, says why, and the sender's panel goes on", async () => {
    const deal = await openPage(rep, hubspotDeal('1007'));
    const repPanel = await panelFrame(deal);
    await syncLineShows(repPanel, 'Synced with your team');
    await fillChecklist(repPanel, { ...COMPLETE_HANDOFF, 'Scope and deliverables': `POS for 12 stores. Onboarding task: https://app.clickup.com/t/${TASK}`, 'Next owner': 'nia@team.test' });
    await waitSaved(repPanel);
    await repPanel.getByRole('button', { name: 'Insert brief' }).click();
    await pollText(repPanel.getByTestId('brief-outcome')).toContain('Inserted');
    await expect.poll(async () => (await serverHandoff('1007'))?.state, { timeout: LIVE_MS }).toBe('sent');

    const task = await openPage(teammate, `https://app.clickup.com/t/${TASK}`);
    const otherPanel = await panelFrame(task);
    const incoming = otherPanel.getByTestId('incoming-brief');
    await expect.poll(() => incoming.innerText().catch(() => ''), { timeout: LIVE_MS }).toContain('Incoming handoff · Sales → Onboarding');
    const receipt = otherPanel.getByTestId('receipt');
    for (const item of ['I have read the brief', 'Kickoff scheduled', 'Scope confirmed with the client']) await receipt.getByLabel(item).check();
    await receipt.getByRole('button', { name: 'Accept' }).click();
    await syncLineShows(otherPanel, /1 change was refused by the team server/, LIVE_MS);

    // The server kept the handoff as sent, and the sender sees no answer and goes on writing.
    expect((await serverHandoff('1007'))?.state).toBe('sent');
    await repPanel.getByLabel('Special terms', { exact: false }).fill('10% off the first year');
    await waitSaved(repPanel);
    await syncLineShows(repPanel, 'Synced with your team', LIVE_MS);
    expect(await repPanel.getByTestId('answer-seen').count()).toBe(0);

    // Settings show the refusal with its reason, and the rules beside it.
    const settings = await teammate.context.newPage();
    await settings.goto(`chrome-extension://${teammate.extensionId}/options.html`);
    const refused = settings.getByTestId('refused-changes');
    await pollText(refused).toContain('this handoff is for nia@team.test: only they or a lead can accept it or send it back');
    await refused.getByText('Who may change a handoff').click();
    await pollText(settings.getByTestId('handoff-rules')).toContain('Only the next owner named in the handoff by email, or a lead, accepts it');
    await settings.close();
    await task.close();
    await deal.close();
  });

  it('a NUL in the record title read from the page does not stop sync', async () => {
    const deal = await openPage(rep, hubspotDeal('777'));
    const panel = await panelFrame(deal);
    await syncLineShows(panel, 'Synced with your team');
    await panel.getByLabel('Client goals', { exact: false }).fill('Replace the TPS report process');
    await waitSaved(panel);
    await syncLineShows(panel, 'Synced with your team', LIVE_MS);
    await expect.poll(async () => (await serverHandoff('777'))?.title, { timeout: LIVE_MS }).toBe('Initech renewal');
    // And the next edit still goes through: nothing is left waiting behind the first.
    await panel.getByLabel('Decision maker', { exact: false }).fill('Bill Lumbergh, VP');
    await waitSaved(panel);
    await syncLineShows(panel, 'Synced with your team', LIVE_MS);
    const teamId = await server.store.members.teamId('default', Date.now());
    const values = (await server.store.sync.pull(teamId, 0, 500)).changes.flatMap(({ change }) => (change.kind === 'field' && change.handoff.recordId === '777' ? [change.value] : []));
    expect(values).toEqual(expect.arrayContaining(['Replace the TPS report process', 'Bill Lumbergh, VP']));
    await deal.close();
  });
});
