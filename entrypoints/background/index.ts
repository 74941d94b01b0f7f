import { defineBackground } from 'wxt/utils/define-background';
import { browser } from 'wxt/browser';
import { defaultTemplates } from '../../lib/default-templates';
import {
  ComposerResultSchema,
  InsertBriefSchema,
  MoveDialogAnswerSchema,
  NotesTextSchema,
  PageNotesSchema,
  PageOutlineRequestSchema,
  PageOutlineSchema,
  PageUrlSchema,
  KIND_STATUSES_MAX,
  KindStatusesSchema,
  RecordBatchSchema,
  RecordKindSchema,
  RecordStatusSchema,
  SaveFieldSchema,
  AdoptVersionSchema,
  StageSightingsSchema,
  StatusBatchSchema,
  ToolbarBadgeSchema,
} from '../../lib/message-schemas';
import { messenger } from '../../lib/messages';
import { RecordRefSchema } from '../../lib/record-schema';
import { packStatuses } from '../../lib/status-batch';
import { batonDb } from '../../components/storage/db';
import { adoptCurrentVersion, kindStatuses, recordStageSightings, recordStatus, recordStatuses, saveFieldValue } from '../../components/storage/handoffs';
import { installTemplates } from '../../components/storage/templates';
import { seenStages } from '../../components/storage/seen-stages';
import { registerClickupHosts } from './clickup-hosts';
import { reinjectOnUpdate } from './reinject';
import { injectBoards } from './boards';
import { rememberPageNotes, servePageNotes } from '../../components/storage/page-notes';
import { showToolbarBadge } from './toolbar';
import { notifyTabs, refreshTabs } from './notify-tabs';
import { registerDockFrames } from './dock-handlers';
import { registerTemplateRollout } from './template-rollout';
import { assertSender, boundFrame, frameShowing, isOwnPage } from './senders';
import { serveAiCalls } from '../../components/ai/serve-ai';
import { registerSync } from './sync';
import { registerPolicyGuard } from './policy-guard';

export default defineBackground({
  type: 'module',
  main() {
    // Registered synchronously: MV3 stops this worker after 30 s idle, and the message
    // that wakes it must find its listener. No state is kept in memory.
    const db = batonDb();
    registerPolicyGuard(db);
    const defaultsReady = installTemplates(db, defaultTemplates());
    // Statuses wait for the organization's templates too (a guard never judges by a template
    // the policy replaced); Chromium's first read of managed storage takes ~2.5 s.
    const templatesReady = registerTemplateRollout(db, defaultsReady);
    const sync = registerSync(db, templatesReady);

    messenger.onMessage('getRecordStatus', async ({ data, sender }) => {
      assertSender(sender, 'any');
      const ref = RecordRefSchema.parse(data);
      // The tab's script may ask for its record; a panel only for the one its tab shows.
      if (isOwnPage(sender)) await frameShowing(sender, ref);
      await templatesReady;
      return RecordStatusSchema.parse(await recordStatus(db, ref));
    });

    messenger.onMessage('saveField', async ({ data, sender }) => {
      const typed = SaveFieldSchema.parse(data);
      // Title and link come from what the tab reported, never from the frame.
      const { location } = await frameShowing(sender, typed.ref);
      const input = { ...typed, recordTitle: location.recordTitle, recordUrl: location.recordUrl };
      // The keystroke is made durable without waiting for the policy read: typing is never held up.
      await defaultsReady;
      await saveFieldValue(db, input);
      sync.pushSoon();
      await templatesReady;
      // Awaited: once the panel says "Saved", every tab's guard already decides on this value.
      await notifyTabs(RecordStatusSchema.parse(await recordStatus(db, input.ref)));
      return { savedAt: Date.now() };
    });

    // The rep opts in to the template's current version (the panel showed what changed).
    messenger.onMessage('adoptTemplateVersion', async ({ data, sender }) => {
      const { ref, templateId } = AdoptVersionSchema.parse(data);
      await frameShowing(sender, ref, 'panel');
      await templatesReady;
      await adoptCurrentVersion(db, ref, templateId);
      await notifyTabs(RecordStatusSchema.parse(await recordStatus(db, ref)));
    });

    messenger.onMessage('getRecordStatuses', async ({ data, sender }) => {
      assertSender(sender, 'contentScript');
      const { host, objectType, recordIds } = RecordBatchSchema.parse(data);
      const refs = recordIds.map((recordId) => ({ host, objectType, recordId }));
      await templatesReady;
      return StatusBatchSchema.parse(packStatuses(await recordStatuses(db, refs)));
    });

    messenger.onMessage('getKindStatuses', async ({ data, sender }) => {
      assertSender(sender, 'contentScript');
      const kind = RecordKindSchema.parse(data);
      await templatesReady;
      const known = await kindStatuses(db, kind, KIND_STATUSES_MAX);
      return KindStatusesSchema.parse(known ? { stored: packStatuses(known.stored, kind), untouched: known.untouched, asOf: known.asOf } : null);
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
      const { tabId } = await boundFrame(sender, 'dialog');
      await messenger.sendMessage('moveDialogClosed', MoveDialogAnswerSchema.parse(data), { tabId, frameId: 0 });
    });

    // The panel is a frame in the tab; the composer is in the tab's page.
    messenger.onMessage('insertIntoComposer', async ({ data, sender }) => {
      const { ref, text } = InsertBriefSchema.parse(data);
      const { tabId } = await frameShowing(sender, ref, 'panel');
      await injectPageTools(tabId);
      const answer = await messenger.sendMessage('insertIntoComposer', { text }, { tabId, frameId: 0 });
      return ComposerResultSchema.parse(answer);
    });

    // Draft from notes: the panel's own record only, read from its tab when the rep presses the button.
    messenger.onMessage('requestNotesText', async ({ data, sender }) => {
      const { tabId } = await frameShowing(sender, RecordRefSchema.parse(data), 'panel');
      await injectPageTools(tabId);
      return NotesTextSchema.parse(await messenger.sendMessage('pageNotesText', undefined, { tabId, frameId: 0 }));
    });

    // "Copy page outline": from the popup (which names its tab) or the panel (a frame in its tab).
    messenger.onMessage('requestPageOutline', async ({ data, sender }) => {
      assertSender(sender, 'extensionPage');
      const tabId = sender.tab?.id ?? PageOutlineRequestSchema.parse(data).tabId;
      if (tabId === undefined) throw new Error('No page to outline');
      await injectPageTools(tabId);
      return PageOutlineSchema.parse(await messenger.sendMessage('pageOutline', undefined, { tabId, frameId: 0 }));
    });

    messenger.onMessage('pageNotes', async ({ data, sender }) => {
      assertSender(sender, 'contentScript');
      await rememberPageNotes(PageNotesSchema.parse(data));
    });

    // Safety net: a tab saw records in gated stages; the store judges and logs first sightings.
    messenger.onMessage('stagesSeen', async ({ data, sender }) => {
      assertSender(sender, 'contentScript');
      const sightings = StageSightingsSchema.parse(data);
      // Boards and lists show stages too: the template editor offers them. Never worth failing the safety net for.
      void seenStages.rememberAll(sightings.map(({ ref, stage }) => [ref.host, stage] as const)).catch(() => undefined);
      await templatesReady;
      const changed = await recordStageSightings(db, sightings);
      sync.pushSoon();
      // Read together: a long list shows a hundred records in gated stages at once.
      await notifyTabs(...(await recordStatuses(db, changed)).map((status) => RecordStatusSchema.parse(status)));
    });

    messenger.onMessage('templatesChanged', ({ sender }) => {
      assertSender(sender, 'extensionPage');
      void refreshTabs();
    });

    // Where a panel has no session storage (Firefox), only for the record its tab shows.
    servePageNotes((sender, ref) => frameShowing(sender, ref));
    // AI calls to the person's own endpoint: only from Baton's panel beside a record.
    serveAiCalls((sender) => boundFrame(sender, 'panel'));
    registerDockFrames();
    registerClickupHosts();
    void reinjectOnUpdate();
  },
});

/** Insert brief and the page outline are injected only when asked for: no part of what every host page loads. */
async function injectPageTools(tabId: number): Promise<void> {
  await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: ['/page-tools.js'] });
}
