import { browser } from 'wxt/browser';
import { MoveJudgedSchema, RecordStatusSchema } from '../../lib/message-schemas';
import { messenger } from '../../lib/messages';
import type { BatonDb } from '../../components/storage/db';
import { recordJudgedMove } from '../../components/storage/handoff-events';
import { recordStatuses } from '../../components/storage/handoffs';
import { teamConnection } from '../../components/storage/team-connection';
import { startSyncLoop, type SyncLoop } from '../../components/sync/sync-loop';
import { assertSender } from './senders';
import { notifyTabs, refreshTabs } from './notify-tabs';

const PULL_ALARM = 'baton-sync-pull';
/** Up to this many records changed by one pull are told to tabs record by record. */
const NOTIFY_ONE_BY_ONE = 20;

/**
 * Wiring only: the worker's sync loop, woken by queued changes, an alarm, open panels and
 * boards, and a new connection. Pulled changes take the same path to tabs as local edits.
 */
export function registerSync(db: BatonDb, ready: Promise<unknown>): SyncLoop {
  const loop = startSyncLoop(db, async (refs) => {
    if (refs.length === 0) return;
    await ready;
    // A teammate's few edits go to tabs like local ones; a big pull (joining a team, coming back
    // online) asks each tab to re-read its statuses in one batch instead of thousands of messages.
    if (refs.length > NOTIFY_ONE_BY_ONE) return refreshTabs();
    const statuses = await recordStatuses(db, refs);
    await notifyTabs(...statuses.map((status) => RecordStatusSchema.parse(status)));
  });
  messenger.onMessage('syncNow', ({ sender }) => {
    assertSender(sender, 'extensionPage');
    loop.pushSoon();
  });
  messenger.onMessage('moveJudged', async ({ data, sender }) => {
    assertSender(sender, 'contentScript');
    await recordJudgedMove(db, MoveJudgedSchema.parse(data));
    loop.pushSoon();
  });
  messenger.onMessage('syncLive', ({ sender }) => {
    assertSender(sender, 'any');
    loop.syncNow();
    loop.keepLive();
  });
  void browser.alarms.create(PULL_ALARM, { periodInMinutes: 1 });
  browser.alarms.onAlarm.addListener((alarm) => alarm.name === PULL_ALARM && loop.syncNow());
  teamConnection.watch((connection) => connection && loop.syncNow());
  // A restarted worker sends what an earlier one left in the outbox.
  loop.syncNow();
  return loop;
}
