// Team sync budgets (issue 9), each beside a reference measured in the same run:
//  (a) a keystroke in one profile's panel reaches another connected profile's open board (p95 ≤ 1 s);
//      reference: the same keystroke reaching the typist's own board in another tab (no server).
//  (b) a lead's list of 1,000 rows badged from the local store with sync on (≤ 100 ms), the
//      local store holding 2,000 teammates' drafts pulled from the server and the live channel
//      open; reference: the same profile and drafts after Disconnect (sync off).
// Part of `npm run bench` (its `sync` part); `tsx scripts/bench-sync.ts` runs it alone.
import type { Frame, Page } from 'playwright-core';
import { PushResponseSchema, MAX_PUSH_CHANGES, type Change } from '../lib/sync/schemas';
import { HUBSPOT, launch, panelFrame, type Session } from '../test/e2e/harness';
import { boardBadge, connectProfile, HUBSPOT_BOARD, hubspotDeal, storedIn } from '../test/e2e/team-sync-helpers';
import { thousandRowsBadged } from './list-badge-timing';
import { LIST_URL } from './bench/lists';
import { median, p95 } from './bench/report';
import { startTeamServer, type TestTeamServer } from '../test/e2e/team-server';

export const KEYSTROKE_BUDGET_MS = 1000;
export const BOARD_BADGE_BUDGET_MS = 100;
const SEEDED_DRAFTS = 2000;

export interface SyncBenchResult {
  keystrokeToTeammateBoard: { p95Ms: number; medianMs: number; samples: number };
  /** Reference: the typist's own board, same profile, another tab. */
  keystrokeToOwnBoard: { p95Ms: number; medianMs: number; samples: number };
  listOf1000BadgedSyncOnMs: number;
  /** Reference: the same profile and drafts, disconnected. */
  listOf1000BadgedSyncOffMs: number;
}


export async function benchSync(): Promise<SyncBenchResult> {
  const server = await startTeamServer();
  const rep = await launch([HUBSPOT]);
  const lead = await launch([HUBSPOT]);
  try {
    await connectProfile(rep, server.address, await server.invite('rep@bench.test', 'member'));
    await connectProfile(lead, server.address, await server.invite('lead@bench.test', 'lead'));
    const teammate = await keystrokeToBoard(rep, lead, ['1007', '1008', '1009', '1010', '1011', '1012', '1013']);
    const own = await keystrokeToBoard(rep, rep, ['1014', '1015', '1016', '1017', '1018', '1019', '1020']);
    await seedTeamDrafts(server);
    const syncOn = await listBadged(lead, true);
    await disconnect(lead);
    const syncOff = await listBadged(lead, false);
    return {
      keystrokeToTeammateBoard: { p95Ms: p95(teammate), medianMs: median(teammate), samples: teammate.length },
      keystrokeToOwnBoard: { p95Ms: p95(own), medianMs: median(own), samples: own.length },
      listOf1000BadgedSyncOnMs: syncOn,
      listOf1000BadgedSyncOffMs: syncOff,
    };
  } finally {
    await Promise.all([rep.dispose(), lead.dispose()]);
    await server.close();
  }
}

const FIELDS = ['Client goals', 'Decision maker', 'Promised timeline'];

/** From the keystroke in the typist's panel to the watcher's board badge saying something new. */
async function keystrokeToBoard(typist: Session, watcher: Session, deals: string[]): Promise<number[]> {
  const board = await watcher.context.newPage();
  await board.goto(HUBSPOT_BOARD);
  await boardBadge(board, deals[0]!).waitFor();
  const samples: number[] = [];
  for (const recordId of deals) {
    const page = await typist.context.newPage();
    await page.goto(hubspotDeal(recordId));
    const panel = await panelFrame(page);
    await panel.getByTestId('sync-status').waitFor();
    for (const label of FIELDS) samples.push(await oneKeystroke(board, recordId, panel, label));
    await page.close();
  }
  await board.close();
  return samples;
}

async function oneKeystroke(board: Page, recordId: string, panel: Frame, label: string): Promise<number> {
  const badge = boardBadge(board, recordId);
  const before = await badge.getAttribute('title');
  const started = Date.now();
  await panel.getByLabel(label, { exact: false }).first().fill(`${label} for ${recordId}`);
  await board.waitForFunction(
    ([selector, previous]) => document.querySelector(selector!)?.getAttribute('title') !== previous,
    [`[data-test-id="cdb-card"][data-selenium-id="${recordId}"] baton-badge`, before] as const,
    { polling: 'raf', timeout: 10_000 },
  );
  return Date.now() - started;
}

/** 2,000 drafts of a teammate, pushed straight to the server, for the lead to pull. */
export async function seedTeamDrafts(server: TestTeamServer): Promise<void> {
  const redeemed = await server.store.members.redeem(await server.invite('seeder@bench.test', 'member'), Date.now());
  const changes: Change[] = Array.from({ length: SEEDED_DRAFTS }, (_, n) => ({
    kind: 'field',
    id: `seed-${n}-${crypto.randomUUID().slice(0, 8)}`,
    clientAt: Date.now(),
    handoff: { host: 'hubspot', objectType: 'deal', recordId: String(1100 + n), templateId: 'sales-to-onboarding' },
    fieldId: 'clientGoals',
    value: `Goals of deal ${1100 + n}`,
    baseSeq: 0,
  }));
  for (let from = 0; from < changes.length; from += MAX_PUSH_CHANGES) {
    const response = await fetch(`${server.address}/v1/push`, {
      method: 'POST',
      headers: { authorization: `Bearer ${redeemed!.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ changes: changes.slice(from, from + MAX_PUSH_CHANGES) }),
    });
    PushResponseSchema.parse(await response.json());
  }
}

/** The 1,000-row list badged from the local store: from the rows drawn to the last badge (median of five batches). */
export async function listBadged(session: Session, waitForPulledDrafts: boolean): Promise<number> {
  const page = await session.context.newPage();
  await page.goto(LIST_URL);
  await page.waitForFunction(() => document.querySelectorAll('baton-badge').length > 0);
  // Sync on: the list's heartbeat pulls; wait until the teammate's drafts are in the local store.
  if (waitForPulledDrafts) {
    const deadline = Date.now() + 60_000;
    while ((await storedIn(session, 'handoffs')).length < SEEDED_DRAFTS) {
      if (Date.now() > deadline) throw new Error('the seeded drafts never reached the lead');
      await page.waitForTimeout(200);
    }
  }
  // Five batches, the median: one reading swings by tens of ms with the worker's GC.
  const runs: number[] = [];
  for (let run = 0; run < 5; run += 1) runs.push((await thousandRowsBadged(page)).elapsed);
  await page.close();
  return runs.sort((a, b) => a - b)[2]!;
}

async function disconnect(session: Session): Promise<void> {
  const settings = await session.context.newPage();
  await settings.goto(`chrome-extension://${session.extensionId}/options.html`);
  await settings.getByRole('button', { name: 'Disconnect', exact: true }).click();
  // The safety net's records of the list's Closed won rows may still be waiting to go out:
  // settings then asks first. The reference only needs the same store with sync off.
  const anyway = settings.getByRole('button', { name: 'Disconnect anyway' });
  const connect = settings.getByRole('button', { name: 'Connect', exact: true });
  await anyway.or(connect).waitFor();
  if (await anyway.isVisible()) await anyway.click();
  await connect.waitFor();
  await settings.close();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await benchSync();
  console.log(JSON.stringify(result, null, 2));
  const ok = result.keystrokeToTeammateBoard.p95Ms <= KEYSTROKE_BUDGET_MS && result.listOf1000BadgedSyncOnMs <= BOARD_BADGE_BUDGET_MS;
  console.log(ok ? 'Team sync within budget.' : 'Team sync OVER budget.');
}
