import { browser } from 'wxt/browser';
import { clickupHosts } from '../../components/storage/clickup-hosts';
import { seenStages } from '../../components/storage/seen-stages';
import { isHostAppUrl } from '../../lib/hosts/origins';
import { messenger } from '../../lib/messages';
import { DockFrameRoleSchema, DockShowSchema, FrameTicketSchema } from '../../lib/panel-location-schema';
import { claimTicket, forgetTab, hasDocks, issueTicket, report } from './dock-frames';
import { assertSender, senderTab, type Sender } from './senders';

/**
 * How a frame becomes Baton's panel (or move dialog) in a host tab, decided here from who
 * sends what, the same way in every browser:
 * 1. the tab's own script (top frame) asks for a ticket, makes the frame, and posts the
 *    ticket into it with the extension's origin as target: the page cannot read that message,
 *    nor the frame's document;
 * 2. the frame hands the ticket back; the worker binds that frame (tab + frameId) to the role;
 * 3. the tab's script reports what the frame should show; the worker tells the bound frame.
 * A frame anyone else made (the page, a widget inside it, another site) never gets a ticket,
 * so it shows nothing; and the frame's own address plays no part.
 */
export function registerDockFrames(): void {
  messenger.onMessage('issueFrameTicket', async ({ data, sender }) => {
    assertSender(sender, 'contentScript');
    return issueTicket(senderTab(sender), DockFrameRoleSchema.parse(data));
  });

  messenger.onMessage('showInDock', async ({ data, sender }) => {
    assertSender(sender, 'contentScript');
    const { role, location } = DockShowSchema.parse(data);
    if (location.recordUrl) await assertOwnPageUrl(sender, location.recordUrl);
    const tabId = senderTab(sender);
    // The template editor offers the stage labels records were seen in; never worth delaying the dock for.
    if (location.shownStage) void seenStages.remember(location.ref.host, location.shownStage).catch(() => undefined);
    const { frameId, needsTicket } = await report(tabId, role, location);
    if (frameId !== undefined) {
      // A frame that is gone simply does not answer.
      await messenger.sendMessage('dockFrameShows', { role, location }, { tabId, frameId }).catch(() => undefined);
    }
    return { needsTicket };
  });

  messenger.onMessage('claimDockFrame', async ({ data, sender }) => {
    assertSender(sender, 'extensionPage');
    const ticket = FrameTicketSchema.safeParse(data);
    if (!ticket.success) return null;
    return (await claimTicket(senderTab(sender), sender.frameId!, ticket.data)) ?? null;
  });

  messenger.onMessage('mayBindFrame', async ({ sender }) => {
    assertSender(sender, 'extensionPage');
    return sender.tab?.id !== undefined && (await hasDocks(sender.tab.id));
  });

  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
}

/** The link stored with a record: the tab's own page, on a host app, and nothing else. */
async function assertOwnPageUrl(sender: Sender, url: string): Promise<void> {
  const sameSite = sender.url !== undefined && new URL(sender.url).origin === new URL(url).origin;
  if (!sameSite || !isHostAppUrl(url, await clickupHosts.getValue())) throw new Error('A record link must be a host app page of the tab itself');
}
