import { defineBackground } from 'wxt/utils/define-background';
import { browser } from 'wxt/browser';
import { defaultTemplates } from '../../lib/default-templates';
import { RecordStatusSchema, SaveFieldSchema } from '../../lib/message-schemas';
import { isOwnExtension, messenger } from '../../lib/messages';
import { RecordRefSchema } from '../../lib/record-schema';
import { batonDb } from '../../components/storage/db';
import { recordStatus, saveFieldValue } from '../../components/storage/handoffs';
import { installTemplates } from '../../components/storage/templates';
import { registerClickupHosts } from './clickup-hosts';
import { notifyTabs, refreshTabs } from './notify-tabs';

export default defineBackground({
  type: 'module',
  main() {
    // Registered synchronously: MV3 stops this worker after 30 s idle, and the message
    // that wakes it must find its listener. No state is kept in memory.
    const db = batonDb();
    const templatesReady = installTemplates(db, defaultTemplates());

    messenger.onMessage('getRecordStatus', async ({ data, sender }) => {
      assertOwnExtension(sender);
      const ref = RecordRefSchema.parse(data);
      await templatesReady;
      return RecordStatusSchema.parse(await recordStatus(db, ref));
    });

    messenger.onMessage('saveField', async ({ data, sender }) => {
      assertOwnExtension(sender);
      const input = SaveFieldSchema.parse(data);
      await templatesReady;
      await saveFieldValue(db, input);
      // Awaited: once the panel says "Saved", every tab's guard already decides on this value.
      await notifyTabs(RecordStatusSchema.parse(await recordStatus(db, input.ref)));
      return { savedAt: Date.now() };
    });

    messenger.onMessage('templatesChanged', ({ sender }) => {
      assertOwnExtension(sender);
      void refreshTabs();
    });

    registerClickupHosts();
  },
});

function assertOwnExtension(sender: { id?: string }): void {
  if (!isOwnExtension(sender, browser.runtime.id)) throw new Error('Message from an unknown sender');
}
