import { defineBackground } from 'wxt/utils/define-background';
import { browser } from 'wxt/browser';
import { defaultTemplates } from '../../lib/default-templates';
import {
  ComposerResultSchema,
  ComposerTextSchema,
  MoveDialogAnswerSchema,
  PageNotesSchema,
  PageUrlSchema,
  RecordRefsSchema,
  RecordStatusSchema,
  SaveFieldSchema,
  StageSightingsSchema,
  StatusBatchSchema,
  ToolbarBadgeSchema,
} from '../../lib/message-schemas';
import { isOwnExtension, messenger } from '../../lib/messages';
import { RecordRefSchema } from '../../lib/record-schema';
import { packStatuses } from '../../lib/status-batch';
import { batonDb } from '../../components/storage/db';
import { recordStageSightings, recordStatus, recordStatuses, saveFieldValue } from '../../components/storage/handoffs';
import { installTemplates } from '../../components/storage/templates';
import { registerClickupHosts } from './clickup-hosts';
import { reinjectOnUpdate } from './reinject';
import { injectBoards } from './boards';
import { rememberPageNotes } from '../../components/storage/page-notes';
import { showToolbarBadge } from './toolbar';
import { notifyTabs, refreshTabs } from './notify-tabs';

export default defineBackground({
  type: 'module',
  main() {
    // Registered synchronously: MV3 stops this worker after 30 s idle, and the message
    // that wakes it must find its listener. No state is kept in memory.
    const db = batonDb();
    const templatesReady = installTemplates(db, defaultTemplates());

    messenger.onMessage('getRecordStatus', async ({ data, sender }) => {
      assertSender(sender, 'any');
      const ref = RecordRefSchema.parse(data);
      await templatesReady;
      return RecordStatusSchema.parse(await recordStatus(db, ref));
    });

    messenger.onMessage('saveField', async ({ data, sender }) => {
      assertSender(sender, 'extensionPage');
      const input = SaveFieldSchema.parse(data);
      await templatesReady;
      await saveFieldValue(db, input);
      // Awaited: once the panel says "Saved", every tab's guard already decides on this value.
      await notifyTabs(RecordStatusSchema.parse(await recordStatus(db, input.ref)));
      return { savedAt: Date.now() };
    });

    messenger.onMessage('getRecordStatuses', async ({ data, sender }) => {
      assertSender(sender, 'contentScript');
      const refs = RecordRefsSchema.parse(data);
      await templatesReady;
      return StatusBatchSchema.parse(packStatuses(await recordStatuses(db, refs)));
    });

    messenger.onMessage('openBoards', async ({ data, sender }) => {
      assertSender(sender, 'contentScript');
      const url = new URL(PageUrlSchema.parse(data));
      // Only the tab's own site: a page can change its path, never its origin, without a load.
      if (sender.tab?.id !== undefined && sender.url && new URL(sender.url).origin === url.origin) await injectBoards(sender.tab.id, url);
    });

    messenger.onMessage('showToolbarBadge', async ({ data, sender }) => {
      assertSender(sender, 'contentScript');
      const tabId = sender.tab?.id;
      if (tabId !== undefined) await showToolbarBadge(tabId, ToolbarBadgeSchema.parse(data));
    });

    // The move dialog is a frame in the tab; its answer goes to that tab's content script.
    messenger.onMessage('closeMoveDialog', async ({ data, sender }) => {
      assertSender(sender, 'extensionPage');
      const tabId = sender.tab?.id;
      if (tabId !== undefined) await messenger.sendMessage('moveDialogClosed', MoveDialogAnswerSchema.parse(data), { tabId, frameId: 0 });
    });

    // The panel is a frame in the tab; the composer is in the tab's page.
    messenger.onMessage('insertIntoComposer', async ({ data, sender }) => {
      assertSender(sender, 'extensionPage');
      const tabId = sender.tab?.id;
      if (tabId === undefined) return { inserted: false, reason: 'not in a tab' };
      const answer = await messenger.sendMessage('insertIntoComposer', ComposerTextSchema.parse(data), { tabId, frameId: 0 });
      return ComposerResultSchema.parse(answer);
    });

    messenger.onMessage('pageNotes', async ({ data, sender }) => {
      assertSender(sender, 'contentScript');
      await rememberPageNotes(PageNotesSchema.parse(data));
    });

    // Safety net: a tab saw records in gated stages; the store judges and logs first sightings.
    messenger.onMessage('stagesSeen', async ({ data, sender }) => {
      assertSender(sender, 'contentScript');
      const sightings = StageSightingsSchema.parse(data);
      await templatesReady;
      const changed = await recordStageSightings(db, sightings);
      await Promise.all(changed.map(async (ref) => notifyTabs(RecordStatusSchema.parse(await recordStatus(db, ref)))));
    });

    messenger.onMessage('templatesChanged', ({ sender }) => {
      assertSender(sender, 'extensionPage');
      void refreshTabs();
    });

    registerClickupHosts();
    reinjectOnUpdate();
  },
});

type SenderKind = 'contentScript' | 'extensionPage' | 'any';

/**
 * Only our own extension may talk to us, and each command only from the side that sends
 * it: a content script (the top frame of a host tab, the less trusted side, since it lives in
 * the host's renderer) or one of our own pages (panel, dialog, settings).
 */
function assertSender(sender: { id?: string; url?: string; tab?: unknown; frameId?: number }, kind: SenderKind): void {
  if (!isOwnExtension(sender, browser.runtime.id)) throw new Error('Message from an unknown sender');
  const fromOwnPage = sender.url?.startsWith(browser.runtime.getURL('/')) === true;
  const fromContentScript = !fromOwnPage && sender.tab !== undefined && sender.frameId === 0;
  if (kind === 'contentScript' && !fromContentScript) throw new Error('This message is for content scripts only');
  if (kind === 'extensionPage' && !fromOwnPage) throw new Error("This message is for Baton's own pages only");
}
